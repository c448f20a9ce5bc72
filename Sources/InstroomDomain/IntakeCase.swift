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
    public var problems: [Problem]
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
        id: String, kind: CaseKind, received: Day, deadline: Day? = nil,
        offences: [Offence] = [], problems: [Problem] = [], interventions: [Intervention] = [],
        scil: ScilResult = .onbekend, scilDate: Day? = nil, risc: RiscLevel = .onbekend, riscDate: Day? = nil,
        region: String? = nil, relation: RO? = nil, intensity: Intensity? = nil, age: Int? = nil, weight: Double? = nil
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

    /// A fact that was known but is older than the staleness limit: worth saying so in the escalation.
    public func staleFacts(on day: Day, staleAfterDays: Int) -> [FactField] {
        var stale: [FactField] = []
        if scil != .onbekend, scil(on: day, staleAfterDays: staleAfterDays) == .onbekend { stale.append(.scil) }
        if risc != .onbekend, risc(on: day, staleAfterDays: staleAfterDays) == .onbekend { stale.append(.risc) }
        return stale
    }
}

/// The facts a wegingskader rule may test, with the words a rule file uses for them.
public enum FactField: String, CaseIterable, Codable, Sendable {
    case kind, offence, problem, intervention, scil, risc, intensity, relation, region
    /// 18 to 23 at intake: adolescentenstrafrecht (ASR) and the Jovo approach.
    case youngAdult
    /// Number of client problems, counting LVB: "meervoudige problematiek".
    case problemCount

    /// The values a rule may compare with; nil where any text or number is allowed.
    public var vocabulary: [String]? {
        switch self {
        case .kind: CaseKind.allCases.map(\.rawValue)
        case .offence: Offence.allCases.map(\.rawValue)
        case .problem: Problem.allCases.map(\.rawValue)
        case .intervention: Intervention.allCases.map(\.rawValue)
        case .scil: ScilResult.allCases.map(\.rawValue)
        case .risc: RiscLevel.allCases.map(\.rawValue)
        case .intensity: Intensity.allCases.map(\.rawValue)
        case .relation: RO.allCases.map(\.rawValue) + ["geen"]
        case .youngAdult: ["true", "false"]
        case .region, .problemCount: nil
        }
    }
}

/// Reading a case's facts as rule values, on a given day (so stale facts read as unknown).
public struct FactView: Sendable {
    public let intake: IntakeCase
    public let day: Day
    public let staleAfterDays: Int
    public let youngAdultAges: ClosedRange<Int>

    public init(_ intake: IntakeCase, on day: Day, staleAfterDays: Int = 365, youngAdultAges: ClosedRange<Int> = 18...23) {
        self.intake = intake
        self.day = day
        self.staleAfterDays = staleAfterDays
        self.youngAdultAges = youngAdultAges
    }

    public var scil: ScilResult { intake.scil(on: day, staleAfterDays: staleAfterDays) }
    public var risc: RiscLevel { intake.risc(on: day, staleAfterDays: staleAfterDays) }

    public var problemCount: Int { intake.problems.count + (scil == .lvb ? 1 : 0) }

    public func values(of field: FactField) -> [String] {
        switch field {
        case .kind: [intake.kind.rawValue]
        case .offence: intake.offences.map(\.rawValue)
        case .problem: intake.problems.map(\.rawValue)
        case .intervention: intake.interventions.map(\.rawValue)
        case .scil: [scil.rawValue]
        case .risc: [risc.rawValue]
        case .intensity: intake.intensity.map { [$0.rawValue] } ?? []
        case .relation: [intake.relation?.rawValue ?? "geen"]
        case .region: intake.region.map { [$0] } ?? []
        case .youngAdult: [intake.age.map { youngAdultAges.contains($0) } == true ? "true" : "false"]
        case .problemCount: [String(problemCount)]
        }
    }
}
