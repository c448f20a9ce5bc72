import Foundation

/// One new case at the triagepunt, with the facts that matter for the fit.
///
/// Lists are kept sorted so that equal facts compare, hash and encode equally: the allocation groups
/// cases with identical facts, and byte-identical output across runs depends on it.
public struct IntakeCase: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: CaseKind
    /// The day the case reached the triagepunt.
    public var received: Day
    /// Deadline of an advies, if the requester set one.
    public var deadline: Day?
    public var offences: [Offence]
    public var problems: [ClientProblem]
    public var interventions: [Intervention]
    public var scil: ScilResult
    /// When the SCIL was taken: facts older than the staleness limit count as unknown (SOM evaluation).
    public var scilDate: Day?
    public var risc: RiscLevel
    public var riscDate: Day?
    public var region: String?
    /// An existing trajectory with an RO or its care institutions (continuity).
    public var relation: RO?
    /// Supervision intensity; only meaningful for toezicht.
    public var intensity: Intensity?
    public var age: Int?
    /// Workload points when the intake sets them explicitly; otherwise the configured weights apply.
    public var weight: Double?

    public init(
        id: String,
        kind: CaseKind,
        received: Day,
        deadline: Day? = nil,
        offences: [Offence] = [],
        problems: [ClientProblem] = [],
        interventions: [Intervention] = [],
        scil: ScilResult = .onbekend,
        scilDate: Day? = nil,
        risc: RiscLevel = .onbekend,
        riscDate: Day? = nil,
        region: String? = nil,
        relation: RO? = nil,
        intensity: Intensity? = nil,
        age: Int? = nil,
        weight: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.received = received
        self.deadline = deadline
        self.offences = Array(Set(offences)).sorted()
        self.problems = Array(Set(problems)).sorted()
        self.interventions = Array(Set(interventions)).sorted()
        self.scil = scil
        self.scilDate = scilDate
        self.risc = risc
        self.riscDate = riscDate
        self.region = region
        self.relation = relation
        self.intensity = intensity
        self.age = age
        self.weight = weight
    }

    /// The SCIL result as it may be used on `day`: a result older than `staleAfterDays` is no result.
    public func scil(on day: Day, staleAfterDays: Int) -> ScilResult {
        guard scil != .onbekend else { return .onbekend }
        if let scilDate, scilDate.days(until: day) > staleAfterDays { return .onbekend }
        return scil
    }

    /// The RISc level as it may be used on `day`; stale assessments count as unknown.
    public func risc(on day: Day, staleAfterDays: Int) -> RiscLevel {
        guard risc != .onbekend else { return .onbekend }
        if let riscDate, riscDate.days(until: day) > staleAfterDays { return .onbekend }
        return risc
    }
}
