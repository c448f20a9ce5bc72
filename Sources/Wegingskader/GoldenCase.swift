import Foundation
import InstroomDomain
import YAMLReading

/// An example case with the outcome the 3RO agree on: the test that a rule change keeps its word.
///
/// ```yaml
/// day: "2026-03-01"            # the day facts are read on (staleness)
/// cases:
///   - id: verslaving-toezicht
///     description: Toezicht, vermogensdelicten uit verslaving
///     facts: {kind: toezicht, offence: vermogen, problem: verslaving, scil: geen_lvb, scilDate: "2025-10-01",
///             risc: midden, riscDate: "2025-11-01", age: 41}
///     expected: SVG               # SVG | RN | LJR | nearTie | a list of acceptable ROs
///     between: [RN, SVG]          # optional, with nearTie: the two leading ROs
///     flags: [risc_onbekend]      # optional: exactly these data flags
///     why: Verslaving is het specialisme van SVG.
/// ```
public struct GoldenCase: Sendable, Identifiable {
    public var id: String
    public var description: String
    public var intake: IntakeCase
    /// The day the file says the facts are read on.
    public var day: Day
    public var expected: Expectation
    /// The data flags the score must carry exactly; nil when the case does not say.
    public var flags: [String]?
    public var why: String
    public var line: Int?

    public enum Expectation: Sendable, Equatable {
        /// This RO, clearly (not a near-tie).
        case ro(RO)
        /// Any of these as best fit, near-tie or not.
        case oneOf([RO])
        /// A near-tie; if ROs are given, best and runner-up are among them.
        case nearTie(between: [RO]?)

        /// Dutch.
        public var label: String {
            switch self {
            case .ro(let ro): ro.displayName
            case .oneOf(let ros): "een van " + ros.map(\.displayName).joined(separator: ", ")
            case .nearTie(let between): "bijna gelijk" + (between.map { " (" + $0.map(\.displayName).joined(separator: "/") + ")" } ?? "")
            }
        }

        public func isMet(by score: CaseScore) -> Bool {
            switch self {
            case .ro(let ro): return score.bestFit == ro && !score.isNearTie
            case .oneOf(let ros): return ros.contains(score.bestFit)
            case .nearTie(let between):
                guard score.isNearTie else { return false }
                guard let between else { return true }
                return between.contains(score.bestFit) && score.runnerUp.map(between.contains) == true
            }
        }
    }

    public init(
        id: String,
        description: String,
        intake: IntakeCase,
        day: Day,
        expected: Expectation,
        flags: [String]? = nil,
        why: String,
        line: Int? = nil
    ) {
        self.id = id
        self.description = description
        self.intake = intake
        self.day = day
        self.expected = expected
        self.flags = flags
        self.why = why
        self.line = line
    }

    /// Whether `score` is what this case expects, flags included.
    public func agrees(with score: CaseScore) -> Bool {
        guard expected.isMet(by: score) else { return false }
        if let flags, Set(flags) != Set(score.flags.map(\.code)) { return false }
        return true
    }

    public static var bundledURL: URL {
        Bundle.module.url(forResource: "golden-cases", withExtension: "yaml", subdirectory: "Resources")!
    }

    public static func load(contentsOf url: URL) throws -> [GoldenCase] {
        try parse(try YAMLValue.load(contentsOf: url))
    }

    public static func parse(_ text: String, file: String) throws -> [GoldenCase] {
        try parse(try YAMLValue.parse(text, file: file))
    }

    static let factFields: Set<String> = [
        "kind", "offence", "problem", "intervention", "scil", "scilDate", "risc", "riscDate", "age", "region",
        "relation", "intensity",
    ]
    static let flagCodes: Set<String> = ["scil_onbekend", "scil_verouderd", "risc_onbekend", "risc_verouderd"]

    /// Reads every case; all problems are reported together as `InputErrors`.
    static func parse(_ root: YAMLValue) throws -> [GoldenCase] {
        var problems = ErrorList()
        guard let top = problems.collect({ try root.fields(allowed: ["day", "cases"], required: ["day", "cases"]) }),
            let day = problems.collect({ try date(top["day"]!) }),
            let list = problems.collect({ try top["cases"]!.sequence() })
        else { throw InputErrors(problems.errors) }
        var cases: [GoldenCase] = []
        var seen: [String: Int?] = [:]
        for item in list {
            problems.collect {
                let f = try item.fields(
                    allowed: ["id", "description", "facts", "expected", "between", "flags", "why"],
                    required: ["id", "description", "facts", "expected", "why"]
                )
                let idNode = f["id"]!
                let id = try idNode.string()
                if let first = seen[id] {
                    throw idNode.error(
                        "duplicate id '\(id)': already used at line \(first.map(String.init) ?? "?")",
                        dutch: "id ‘\(id)’ komt twee keer voor: al gebruikt op regel \(first.map(String.init) ?? "?")"
                    )
                }
                seen[id] = idNode.line
                let flags = try f["flags"].map { node in
                    try ((try? node.sequence()) ?? [node]).map { flag in
                        let code = try flag.string()
                        guard flagCodes.contains(code) else {
                            throw flag.error(
                                "unknown flag '\(code)'; expected one of: \(flagCodes.sorted().joined(separator: ", "))",
                                dutch: "onbekende vlag ‘\(code)’; verwacht een van: \(flagCodes.sorted().joined(separator: ", "))"
                            )
                        }
                        return code
                    }
                }
                cases.append(
                    GoldenCase(
                        id: id,
                        description: try f["description"]!.string(),
                        intake: try facts(f["facts"]!, id: id, day: day),
                        day: day,
                        expected: try expectation(f["expected"]!, between: f["between"]),
                        flags: flags,
                        why: try f["why"]!.string(),
                        line: item.line
                    )
                )
            }
        }
        guard problems.errors.isEmpty else { throw InputErrors(problems.errors) }
        return cases
    }

    private static func date(_ v: YAMLValue) throws -> Day {
        try v.day()
    }

    private static func list<T: RawRepresentable & CaseIterable>(_ v: YAMLValue?, _ type: T.Type) throws -> [T] where T.RawValue == String {
        guard let v else { return [] }
        return try ((try? v.sequence()) ?? [v]).map { try $0.oneOf(T.self) }
    }

    private static func facts(_ v: YAMLValue, id: String, day: Day) throws -> IntakeCase {
        let f = try v.fields(allowed: factFields, required: ["kind"])
        return IntakeCase(
            id: id,
            kind: try f["kind"]!.oneOf(CaseKind.self),
            received: day,
            offences: try list(f["offence"], Offence.self),
            problems: try list(f["problem"], ClientProblem.self),
            interventions: try list(f["intervention"], Intervention.self),
            scil: try f["scil"]?.oneOf(ScilResult.self) ?? .onbekend,
            scilDate: try f["scilDate"].map(date),
            risc: try f["risc"]?.oneOf(RiscLevel.self) ?? .onbekend,
            riscDate: try f["riscDate"].map(date),
            region: try f["region"]?.string(),
            relation: try f["relation"]?.ro(),
            intensity: try f["intensity"]?.oneOf(Intensity.self),
            age: try f["age"]?.int(in: 12...120)
        )
    }

    private static func expectation(_ v: YAMLValue, between: YAMLValue?) throws -> Expectation {
        if let items = try? v.sequence() {
            guard between == nil else {
                throw between!.error("'between' goes only with expected: nearTie", dutch: "‘between’ hoort alleen bij expected: nearTie")
            }
            return .oneOf(try items.map { try $0.ro() })
        }
        if try v.string() == "nearTie" {
            return .nearTie(between: try between.map { try ((try? $0.sequence()) ?? [$0]).map { try $0.ro() } })
        }
        guard between == nil else {
            throw between!.error("'between' goes only with expected: nearTie", dutch: "‘between’ hoort alleen bij expected: nearTie")
        }
        let text = try v.string()
        guard let ro = RO(code: text) else {
            throw v.error(
                "expected SVG, RN, LJR, nearTie or a list of ROs; found '\(text)'",
                dutch: "verwacht SVG, RN, LJR, nearTie of een lijst van RO’s; gevonden: ‘\(text)’"
            )
        }
        return .ro(ro)
    }
}
