import InstroomDomain
import Ledger

extension ProposalContent.Override {
    /// What a deviation cost, as the audit and the triagist's page say it: the fit lost against the best
    /// allowed RO, and how the day's objective moved (bands and capacity included), or that it did not.
    public var costInDutch: String {
        let fit = "fitverlies \(DutchNumber.count(fitLoss, "punt", "punten")) ten opzichte van de beste RO"
        let magnitude = DutchNumber.decimal(abs(objectiveCost), upTo: 2)
        let objective =
            abs(objectiveCost) < 0.005
            ? "doelfunctie van de dag gelijk"
            : "doelfunctie van de dag \(magnitude) \(objectiveCost > 0 ? "lager" : "hoger")"
        return "\(fit), \(objective)"
    }
}
