public enum LedgerError: Error, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    /// A reading command found no ledger file (it never creates one).
    case missing(path: String)
    /// A read-only opening found a ledger whose schema this version would first migrate.
    case needsMigration(path: String)
    /// Another process held the write lock for longer than the busy timeout: nothing was written.
    case busy(path: String)
    case conflictingFacts(caseId: String)
    case notFound(String)
    case refused(String)
    /// Another day's proposal is still under review: its cases are not yet in the shares and capacity.
    case proposalUnderReview(day: String)
    /// A stored row that does not decode: reported, never skipped, so a report cannot silently lose history.
    case unreadable(table: String, row: String, column: String?, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the ledger \(path): \(reason)"
        case .missing(let path): "no ledger at \(path); allocate or propose first, or check --db"
        case .needsMigration(let path):
            "the ledger at \(path) needs a schema update before it can be read; open it once without --read-only (e.g. instroom verify)"
        case .busy(let path):
            "the ledger \(path) is busy: another instroom process is writing and did not finish in time; nothing was written, try again"
        case .conflictingFacts(let id): "case \(id) is already in the ledger with other facts; an intake may not change a known case"
        case .notFound(let what): "\(what) not found in the ledger"
        case .refused(let why): why
        case .proposalUnderReview(let day):
            "the proposal for \(day) is still under review: confirm it first (instroom confirm --date \(day))"
        case .unreadable(let table, let row, let column, let reason):
            "the ledger cannot read \(table) row \(row)\(column.map { ", column \($0)" } ?? ""): \(reason)"
        }
    }
}
