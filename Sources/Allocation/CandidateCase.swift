import Foundation
import GLPK
import InstroomDomain

/// A case as the allocator sees it: scored by the wegingskader, weighed in workload points.
public struct CandidateCase: Sendable, Equatable {
    public var id: String
    public var kind: CaseKind
    public var weight: Double
    /// Fit per RO from the wegingskader (integers, so the objective is integral).
    public var fit: [RO: Int]
    /// ROs that may take the case after routes and exclusions.
    public var allowed: [RO]
    public var relation: RO?
    public var received: Day
    public var deadline: Day?

    public init(
        id: String,
        kind: CaseKind,
        weight: Double,
        fit: [RO: Int],
        allowed: [RO],
        relation: RO? = nil,
        received: Day,
        deadline: Day? = nil
    ) {
        self.id = id
        self.kind = kind
        self.weight = weight
        self.fit = fit
        self.allowed = allowed
        self.relation = relation
        self.received = received
        self.deadline = deadline
    }

    /// Fit plus the continuity bonus at the RO the client already knows: what the model maximises.
    public func profit(_ ro: RO, continuityBonus: Int) -> Int? {
        guard allowed.contains(ro) else { return nil }
        return (fit[ro] ?? 0) + (relation == ro ? continuityBonus : 0)
    }

    /// Who is assigned first within a group of identical cases: earliest deadline, then oldest, then id.
    static func urgency(_ a: CandidateCase, _ b: CandidateCase) -> Bool {
        switch (a.deadline, b.deadline) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.received != b.received { return a.received < b.received }
        return a.id < b.id
    }

    /// `cases` sorted by `urgency` (stable), by their days first: the cases are not moved while sorting,
    /// and their ids are compared only between cases with the same deadline and received day.
    static func inUrgencyOrder(_ cases: [CandidateCase]) -> [CandidateCase] {
        let days = cases.map { (deadline: $0.deadline?.daysSinceEpoch ?? Int.max, received: $0.received.daysSinceEpoch) }
        let order = cases.indices.sorted { a, b in
            if days[a] != days[b] { return days[a] < days[b] }
            if cases[a].id != cases[b].id { return cases[a].id < cases[b].id }
            return a < b
        }
        return order.map { cases[$0] }
    }
}
