import Foundation

/// Why a case needs a person's eyes: the triage experts before the day is confirmed, or the
/// begeleidingscommissie (which queue is configuration: `EscalationPolicy`). Codes are stable (files,
/// JSON); labels are Dutch. The declaration order is the priority: the first reason of a case is its primary one.
public enum EscalationCode: String, CaseIterable, Codable, Sendable, OrderedByDeclaration {
    /// Best and second-best RO are within the wegingskader's margin.
    case nearTie = "bijna_gelijk"
    /// Assigned against the best fit because a band forced it.
    case forcedByBand = "gedwongen_band"
    /// Assigned against the best fit because the best-fitting RO had no capacity left.
    case forcedByCapacity = "gedwongen_capaciteit"
    /// A critical fact (SCIL, RISc) is missing or stale and could change the best fit.
    case missingData = "ontbrekende_gegevens"
    /// No RO fits well: the best score is below the wegingskader's minimum.
    case unfit = "geen_passende_ro"
    /// No RO had room: the only situation in which a case may wait.
    case noCapacity = "geen_capaciteit"
    /// The case has waited for capacity longer than the commissie's limit (`maxWaitingDays`).
    case longWaiting = "lang_wachtend"
    /// A triage expert contests the assignment.
    case contested = "betwist"
    /// An RO's share is forecast to leave its band this period.
    case bandForecast = "band_prognose"

    public var label: String {
        switch self {
        case .nearTie: "Bijna gelijke match tussen RO's"
        case .forcedByBand: "Toewijzing tegen de beste match in, afgedwongen door de bandbreedte"
        case .forcedByCapacity: "Toewijzing tegen de beste match in, afgedwongen door de capaciteit"
        case .missingData: "Ontbrekende of verouderde kritieke gegevens"
        case .unfit: "Geen RO past goed"
        case .noCapacity: "Geen RO heeft capaciteit: zaak wacht"
        case .longWaiting: "Zaak wacht te lang op capaciteit"
        case .contested: "Betwist door een triagedeskundige"
        case .bandForecast: "Bandbreedte dreigt deze periode overschreden te worden"
        }
    }

}
