import Allocation
import Foundation
import InstroomDomain

/// The Dutch explanation of a day on which hard bands could not hold, for the directies' report.
/// (The production refusal, `TriageError.infeasible`, is written for the operator in English.)
enum HardBandFailureText {
    static func explain(prior: PeriodShares, config: AllocationConfig) -> String {
        var lines: [String] = []
        for ro in RO.allCases {
            let band = config.band(ro)
            guard band.mode == .hard, prior.total > 0 else { continue }
            let share = prior.share(ro)
            if !band.contains(share) {
                lines.append(
                    "\(ro.displayName) stond al op \(DutchNumber.percent(share)) van de periode, buiten de harde band \(band.label)"
                )
            }
        }
        if lines.isEmpty {
            let bands = RO.allCases.map { "\($0.displayName) \(config.band($0).label)" }.joined(separator: ", ")
            lines.append(
                "de harde bandbreedtes (\(bands)) waren met de zaken en de capaciteit van die dag niet alle drie te halen, of alleen door zaken te laten wachten terwijl een RO nog ruimte had"
            )
        }
        return lines.joined(separator: "; ") + ". De dag is met zachte banden verdeeld."
    }
}
