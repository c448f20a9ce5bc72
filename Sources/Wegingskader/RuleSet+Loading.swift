import Foundation
import InstroomDomain
import YAMLReading

// MARK: - Loading

extension RuleSet {
    public static var bundledDefaultURL: URL {
        Bundle.module.url(forResource: "wegingskader", withExtension: "yaml", subdirectory: "Resources")!
    }

    /// The illustrative rule set shipped with the package. A test proves it loads.
    public static func bundledDefault() -> RuleSet {
        try! load(contentsOf: bundledDefaultURL)
    }

    public static func load(contentsOf url: URL) throws -> RuleSet {
        let data: Data
        do { data = try InputFile.data(at: url) } catch { throw InputErrors([error]) }
        return try parse(String(decoding: data, as: UTF8.self), bytes: Array(data), file: url.path)
    }

    /// Reads a rule file's text. Throws `InputErrors` listing every problem found.
    public static func parse(_ text: String, file: String) throws -> RuleSet {
        try parse(text, bytes: Array(text.utf8), file: file)
    }

    static let topFields: Set<String> = [
        "version", "title", "nearTieMargin", "minimumFit", "weightRange", "base", "criteria", "routes", "exclusions",
    ]

    private static func parse(_ text: String, bytes: [UInt8], file: String) throws -> RuleSet {
        let root: YAMLValue
        do { root = try YAMLValue.parse(text, file: file) } catch var error as InputError {
            // An unquoted comparison (`problemCount: >=2`) is YAML syntax for a folded block: say so.
            if let line = error.line, line >= 1 {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                if line <= lines.count, lines[line - 1].range(of: #":\s*[<>]"#, options: .regularExpression) != nil {
                    error.message += " (put a comparison in quotes: problemCount: \">=2\")"
                }
            }
            throw InputErrors([error])
        }
        var problems = ErrorList()
        guard
            let top = problems.collect({
                try root.fields(allowed: topFields, required: ["version", "title", "weightRange", "base", "criteria"])
            })
        else {
            throw InputErrors(problems.errors)
        }
        let version = problems.collect { try nonEmpty(top["version"]!) } ?? ""
        let title = problems.collect { try nonEmpty(top["title"]!) } ?? ""
        let nearTieMargin = problems.collect { try top["nearTieMargin"]?.int(in: 0...1000) ?? 1 } ?? 1
        let minimumFit = problems.collect { try top["minimumFit"]?.int(in: -1000...1000) ?? 1 } ?? 1
        let weightRange =
            problems.collect { () throws -> ClosedRange<Int> in
                let v = top["weightRange"]!
                let f = try v.fields(allowed: ["min", "max"], required: ["min", "max"])
                let low = try f["min"]!.int(in: -1000...1000)
                let high = try f["max"]!.int(in: -1000...1000)
                guard low <= high else {
                    throw v.error("min \(low) is above max \(high)", dutch: "minimum \(low) ligt boven maximum \(high)")
                }
                return low...high
            } ?? -10...10
        let base = problems.collect { try weights(top["base"]!, in: weightRange) } ?? [:]

        var seenIds: [String: (section: String, line: Int?)] = [:]
        func checkId(_ v: YAMLValue, section: String) throws -> String {
            let id = try nonEmpty(v)
            guard id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw v.error(
                    "an id may hold only letters, digits, '-' and '_'; found '\(id)'",
                    dutch: "een id mag alleen letters, cijfers, ‘-’ en ‘_’ bevatten; gevonden: ‘\(id)’"
                )
            }
            if let first = seenIds[id] {
                throw v.error(
                    "duplicate id '\(id)': already used in \(first.section) at line \(first.line.map(String.init) ?? "?")",
                    dutch: "id ‘\(id)’ komt twee keer voor: al gebruikt in \(first.section) op regel \(first.line.map(String.init) ?? "?")"
                )
            }
            seenIds[id] = (section, v.line)
            return id
        }

        var criteria: [Criterion] = []
        if let list = problems.collect({ try top["criteria"]!.sequence() }) {
            for item in list {
                problems.collect {
                    let f = try item.fields(
                        allowed: ["id", "label", "axis", "when", "weights", "byRisk", "rationale"],
                        required: ["id", "label", "axis", "when", "weights", "rationale"]
                    )
                    var risk: [RiscLevel: [RO: Int]] = [:]
                    if let byRisk = f["byRisk"] {
                        for (key, value) in try byRisk.mapping(allowed: Set(RiscLevel.allCases.map(\.rawValue))) {
                            risk[RiscLevel(rawValue: key)!] = try weights(value, in: weightRange)
                        }
                    }
                    criteria.append(
                        Criterion(
                            id: try checkId(f["id"]!, section: "criteria"),
                            label: try nonEmpty(f["label"]!),
                            axis: try f["axis"]!.oneOf(Axis.self),
                            condition: try condition(f["when"]!),
                            weights: try weights(f["weights"]!, in: weightRange),
                            byRisk: risk,
                            rationale: try nonEmpty(f["rationale"]!),
                            line: item.line
                        )
                    )
                }
            }
        }
        /// Routes and exclusions share one shape; `effect` says which section they came from.
        func hardRules(_ section: String, effect: HardRule.Effect) -> (rules: [HardRule], nodes: [YAMLValue]) {
            var rules: [HardRule] = []
            var nodes: [YAMLValue] = []
            guard let items = problems.collect({ try list(top[section]) }) else { return ([], []) }
            for item in items {
                problems.collect {
                    let f = try item.fields(
                        allowed: ["id", "label", "when", "ro", "rationale"],
                        required: ["id", "label", "when", "ro", "rationale"]
                    )
                    rules.append(
                        HardRule(
                            id: try checkId(f["id"]!, section: section),
                            label: try nonEmpty(f["label"]!),
                            condition: try condition(f["when"]!),
                            ro: try f["ro"]!.ro(),
                            effect: effect,
                            rationale: try nonEmpty(f["rationale"]!),
                            line: item.line
                        )
                    )
                    nodes.append(item)
                }
            }
            return (rules, nodes)
        }
        let (routes, routeNodes) = hardRules("routes", effect: .route)
        let (exclusions, exclusionNodes) = hardRules("exclusions", effect: .exclusion)
        problems.errors += contradictions(routes: routes, routeNodes: routeNodes, exclusions: exclusions, exclusionNodes: exclusionNodes)

        guard problems.errors.isEmpty else { throw InputErrors(problems.errors) }
        return RuleSet(
            version: version,
            title: title,
            hash: hash(of: bytes),
            nearTieMargin: nearTieMargin,
            minimumFit: minimumFit,
            weightRange: weightRange,
            base: base,
            criteria: criteria,
            routes: routes,
            exclusions: exclusions,
            sourceText: text,
            file: file
        )
    }

    /// An optional list; `routes:` with nothing after it is an empty list.
    private static func list(_ v: YAMLValue?) throws -> [YAMLValue] {
        guard let v, !v.isNull else { return [] }
        return try v.sequence()
    }

    private static func nonEmpty(_ v: YAMLValue) throws -> String {
        let text = try v.string().trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw v.error("must not be empty", dutch: "mag niet leeg zijn") }
        return text
    }

    /// `{SVG: 3, RN: -1}`: whole numbers inside the weight range, so scores stay integral.
    private static func weights(_ v: YAMLValue, in range: ClosedRange<Int>) throws -> [RO: Int] {
        var result: [RO: Int] = [:]
        for (key, value) in try v.mapping() {
            guard let ro = RO(code: key) else {
                throw value.unknownRO(key)
            }
            guard result[ro] == nil else {
                throw value.error("RO \(ro.rawValue) appears twice", dutch: "RO \(ro.rawValue) staat er twee keer in")
            }
            let text = try value.string()
            guard let points = Int(text) else {
                throw value.error(
                    "a weight must be a whole number, found '\(text)'",
                    dutch: "een gewicht moet een geheel getal zijn, gevonden: ‘\(text)’"
                )
            }
            guard range.contains(points) else {
                throw value.error(
                    "weight \(points) is outside weightRange \(range.lowerBound)...\(range.upperBound)",
                    dutch: "gewicht \(points) ligt buiten weightRange (\(range.lowerBound) tot en met \(range.upperBound))"
                )
            }
            result[ro] = points
        }
        return result
    }

    /// `when:` — fact field to a value, a list (any of) or `{anyOf|allOf|noneOf: ...}`.
    static func condition(_ v: YAMLValue) throws -> Condition {
        let entries = try v.mapping(allowed: Set(FactField.allCases.map(\.rawValue)))
        guard !entries.isEmpty else {
            throw v.error("a condition needs at least one fact", dutch: "een voorwaarde heeft ten minste één feit nodig")
        }
        var clauses: [Condition.Clause] = []
        for (key, value) in entries {
            let field = FactField(rawValue: key)!
            if field == .problemCount {
                let (comparison, bound) = try comparison(value)
                clauses.append(.init(field: field, test: .compare(comparison, bound)))
                continue
            }
            if (try? value.mapping()) != nil {
                let tests = try value.mapping(allowed: ["anyOf", "allOf", "noneOf"])
                for (name, list) in tests {
                    let values = try factValues(list, field: field)
                    let test: Condition.Test =
                        switch name {
                        case "allOf": .allOf(values)
                        case "noneOf": .noneOf(values)
                        default: .anyOf(values)
                        }
                    clauses.append(.init(field: field, test: test))
                }
            } else {
                clauses.append(.init(field: field, test: .anyOf(try factValues(value, field: field))))
            }
        }
        let condition = Condition(clauses: clauses)
        guard Condition.canHoldTogether([condition]) else {
            throw v.error("this condition can never hold", dutch: "aan deze voorwaarde kan nooit worden voldaan")
        }
        return condition
    }

    /// A value or list of values, each checked against the field's vocabulary on its own line.
    private static func factValues(_ v: YAMLValue, field: FactField) throws -> [String] {
        let items = (try? v.sequence()) ?? [v]
        guard !items.isEmpty else { throw v.error("an empty list matches nothing", dutch: "een lege lijst past bij geen enkele zaak") }
        return try items.map { item in
            var text = try item.string()
            if field == .youngAdult { text = try item.bool() ? "true" : "false" }
            if let vocabulary = field.vocabulary, !vocabulary.contains(text) {
                throw item.error(
                    "unknown value '\(text)' for \(field.rawValue); expected one of: \(vocabulary.joined(separator: ", "))",
                    dutch: "onbekende waarde ‘\(text)’ voor \(field.rawValue); verwacht een van: \(vocabulary.joined(separator: ", "))"
                )
            }
            return text
        }
    }

    /// `">=2"`, `"<= 1"`, `"=3"` or a plain number (equal), the number in `Condition.countRange`.
    private static func comparison(_ v: YAMLValue) throws -> (Condition.Comparison, Int) {
        let text = try v.string().replacingOccurrences(of: " ", with: "")
        func checked(_ bound: Int) throws -> Int {
            guard Condition.countRange.contains(bound) else {
                let range = Condition.countRange
                throw v.error(
                    "\(bound) is outside the allowed range \(range.lowerBound)...\(range.upperBound)",
                    dutch: "\(bound) ligt buiten het toegestane bereik van \(range.lowerBound) tot en met \(range.upperBound)"
                )
            }
            return bound
        }
        for comparison in [Condition.Comparison.atLeast, .atMost, .greater, .less, .equal] where text.hasPrefix(comparison.rawValue) {
            var rest = text.dropFirst(comparison.rawValue.count)
            if comparison == .equal, rest.hasPrefix("=") { rest = rest.dropFirst() }
            if let bound = Int(rest) { return (comparison, try checked(bound)) }
        }
        if let bound = Int(text) { return (.equal, try checked(bound)) }
        throw v.error(
            "expected a comparison such as \">=2\", \"<=1\" or a whole number (quote it: \">=2\"), found '\(text)'",
            dutch:
                "verwacht een vergelijking als \">=2\" of \"<=1\", of een geheel getal (tussen aanhalingstekens: \">=2\"), gevonden: ‘\(text)’"
        )
    }

    /// Hard rules that could leave a case with two mandatory ROs or with none.
    private static func contradictions(
        routes: [HardRule],
        routeNodes: [YAMLValue],
        exclusions: [HardRule],
        exclusionNodes: [YAMLValue]
    ) -> [InputError] {
        var errors: [InputError] = []
        func at(_ line: Int?) -> String { "line \(line.map(String.init) ?? "?")" }
        func op(_ line: Int?) -> String { "regel \(line.map(String.init) ?? "?")" }
        for (j, later) in routes.enumerated() {
            for earlier in routes[..<j] where earlier.ro != later.ro && Condition.canHoldTogether([earlier.condition, later.condition]) {
                errors.append(
                    routeNodes[j].error(
                        "contradictory routes: '\(later.id)' sends to \(later.ro.rawValue) and '\(earlier.id)' (\(at(earlier.line))) sends to \(earlier.ro.rawValue), and both can apply to the same case",
                        dutch:
                            "tegenstrijdige routes: ‘\(later.id)’ stuurt naar \(later.ro.rawValue) en ‘\(earlier.id)’ (\(op(earlier.line))) naar \(earlier.ro.rawValue), en beide kunnen voor dezelfde zaak gelden"
                    )
                )
            }
        }
        for (i, exclusion) in exclusions.enumerated() {
            for route in routes where route.ro == exclusion.ro && Condition.canHoldTogether([route.condition, exclusion.condition]) {
                errors.append(
                    exclusionNodes[i].error(
                        "contradictory rules: exclusion '\(exclusion.id)' bars \(exclusion.ro.rawValue), but route '\(route.id)' (\(at(route.line))) sends the same case to \(route.ro.rawValue)",
                        dutch:
                            "tegenstrijdige regels: uitsluiting ‘\(exclusion.id)’ sluit \(exclusion.ro.rawValue) uit, maar route ‘\(route.id)’ (\(op(route.line))) stuurt dezelfde zaak naar \(route.ro.rawValue)"
                    )
                )
            }
        }
        // Three exclusions bar all ROs only if each pair of them can hold together: test the pairs once
        // and only the triples whose three pairs pass (160 exclusions per RO: 4 million triples before).
        let byRO = RO.allCases.map { ro in exclusions.indices.filter { exclusions[$0].ro == ro } }
        func compatible(_ first: [Int], _ second: [Int]) -> [[Int]] {
            first.map { a in
                second.indices.filter { Condition.canHoldTogether([exclusions[a].condition, exclusions[second[$0]].condition]) }
            }
        }
        let ab = compatible(byRO[0], byRO[1])
        let ac = compatible(byRO[0], byRO[2])
        let bc = compatible(byRO[1], byRO[2])
        let bcSets = bc.map(Set.init)
        for (ai, a) in byRO[0].enumerated() {
            for bi in ab[ai] {
                let b = byRO[1][bi]
                for ci in ac[ai] where bcSets[bi].contains(ci) {
                    let c = byRO[2][ci]
                    let trio = [a, b, c]
                    guard Condition.canHoldTogether(trio.map { exclusions[$0].condition }) else { continue }
                    let last = trio.max { (exclusions[$0].line ?? 0) < (exclusions[$1].line ?? 0) }!
                    errors.append(
                        exclusionNodes[last].error(
                            "exclusions \(trio.map { "'\(exclusions[$0].id)' (\(at(exclusions[$0].line)))" }.joined(separator: ", ")) can together bar all three ROs from the same case",
                            dutch:
                                "de uitsluitingen \(trio.map { "‘\(exclusions[$0].id)’ (\(op(exclusions[$0].line)))" }.joined(separator: ", ")) kunnen samen alle drie de RO’s voor dezelfde zaak uitsluiten"
                        )
                    )
                }
            }
        }
        return errors
    }
}
