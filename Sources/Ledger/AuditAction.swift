/// What an audit entry records. The raw values are what `audit --json` prints and older ledgers hold,
/// so they never change; a new kind of event gets a new case.
public enum AuditAction: String, Codable, Sendable, CaseIterable {
    /// A rule set version used for the first time.
    case wegingskader
    case run
    case assign
    case escalate
    case contest
    case decide
    /// A waiting case assigned, or a band forecast back within its band or superseded.
    case resolve
    case bandForecast = "band_prognose"
    /// A day's proposal made or replaced (a draft: nothing final).
    case propose
    /// A triage expert agreed with a review item of the draft.
    case accept
    /// Gemotiveerd afwijken: a triage expert pinned a case of the draft to another RO, with a reason.
    case override
    /// The triagepunt confirmed the day: from here on geen werk retour.
    case confirm
    /// Past the retention period: the facts and explanations of closed cases removed (the audit stays).
    case purge
}
