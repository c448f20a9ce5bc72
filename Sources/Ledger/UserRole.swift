/// What a web-app account may do. The raw values are stored in the ledger, so they never change.
public enum UserRole: String, Codable, Sendable, CaseIterable {
    /// Staff of the 3RO triagepunt: intake and scores.
    case triagist
    /// Member of the begeleidingscommissie: escalations and decisions.
    case commissielid
    /// Member of an RO's directie: shares, bands and scenarios.
    case directie
    /// Application manager: accounts, API tokens, rule-set versions.
    case beheerder
}
