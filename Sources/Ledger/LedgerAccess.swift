/// How a command opens the ledger: a writing command may create it; a reading one must find it, and
/// may promise not to write at all (no migration either).
public enum LedgerAccess: Sendable {
    /// Create the file (mode 0600) when missing, and bring its schema up to date.
    case create
    /// Refuse a missing file instead of creating an empty ledger (a mistyped `--db` must not look like "nothing to do").
    case existing
    /// `existing`, opened read-only: refuses a ledger whose schema is not up to date rather than migrating it.
    case readOnly
}
