/// What `Ledger.verify()` found: every problem (table, row, what is wrong) and what was checked.
public struct LedgerVerification: Sendable, Equatable {
    /// One thing that is wrong, in English, for the beheerder who runs `instroom verify`.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var table: String
        /// The row's key (an id, a case id, a rule hash).
        public var row: String
        public var problem: String

        public init(table: String, row: String, problem: String) {
            self.table = table
            self.row = row
            self.problem = problem
        }

        public var description: String { "\(table) \(row): \(problem)" }
    }

    public var problems: [Problem] = []
    public var auditEntries = 0
    public var assignments = 0
    public var decisions = 0
    public var escalations = 0
    public var runs = 0
    public var cases = 0
    /// The newest audit entry's hash: compare it with one noted earlier to detect entries cut off at the
    /// end (the only change a hash chain cannot show on its own).
    public var headHash: String?

    public var isIntact: Bool { problems.isEmpty }

    public var summary: String {
        let head = headHash.map { ", head \($0.prefix(16))" } ?? ""
        let counts =
            "\(auditEntries) audit entries chained\(head); \(assignments) assignments, \(decisions) decisions, "
            + "\(escalations) escalations, \(runs) runs and \(cases) cases agree with the audit"
        return isIntact ? "ledger intact: \(counts)" : "ledger NOT intact: \(problems.count) problem(s) found"
    }

    mutating func report(_ table: String, _ row: some CustomStringConvertible, _ problem: String) {
        problems.append(Problem(table: table, row: row.description, problem: problem))
    }
}
