import Foundation
import InstroomDomain

/// When a rule fires: a conjunction of tests on case facts (`when:` in the rule file).
///
/// ```yaml
/// when: {problem: verslaving}                    # the case has this problem
/// when: {offence: [terrorisme, georganiseerd]}    # any of these (a list means "one of")
/// when: {problem: {allOf: [dakloos, verslaving]}} # all of these
/// when: {problem: {noneOf: [dakloos]}}            # none of these
/// when: {intervention: werkstraf, problemCount: ">=2"}   # several keys: all must hold
/// when: {youngAdult: true}
/// ```
///
/// Conditions are compiled once into bit masks over each field's vocabulary, so scoring a case does
/// no string work (except for `region`, whose values are free text).
public struct Condition: Sendable, Equatable {
    public var clauses: [Clause]

    public init(clauses: [Clause]) {
        self.clauses = clauses
        compiled = clauses.map(CompiledClause.init)
    }

    public static func == (a: Condition, b: Condition) -> Bool { a.clauses == b.clauses }

    /// One test on one fact field.
    public struct Clause: Sendable, Equatable {
        public var field: FactField
        public var test: Test

        public init(field: FactField, test: Test) {
            self.field = field
            self.test = test
        }
    }

    public enum Test: Sendable, Equatable {
        /// The case has at least one of these values.
        case anyOf([String])
        /// The case has every one of these values (only meaningful for offence, problem, intervention).
        case allOf([String])
        /// The case has none of these values.
        case noneOf([String])
        /// A numeric comparison (`problemCount`).
        case compare(Comparison, Int)
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = ">=", atMost = "<=", greater = ">", less = "<", equal = "="

        func holds(_ value: Int, _ bound: Int) -> Bool {
            switch self {
            case .atLeast: value >= bound
            case .atMost: value <= bound
            case .greater: value > bound
            case .less: value < bound
            case .equal: value == bound
            }
        }
    }

    let compiled: [CompiledClause]

    /// The fast test used when scoring.
    func holds(_ facts: FactBits) -> Bool {
        for clause in compiled where !clause.holds(facts) { return false }
        return true
    }

    /// The same test, read directly from `FactView.values(of:)`: the reference the compiled form is
    /// tested against.
    func holds(reading facts: FactView) -> Bool {
        clauses.allSatisfy { clause in
            switch clause.test {
            case .anyOf(let values): return !Set(values).isDisjoint(with: facts.values(of: clause.field))
            case .allOf(let values): return Set(values).isSubset(of: facts.values(of: clause.field))
            case .noneOf(let values): return Set(values).isDisjoint(with: facts.values(of: clause.field))
            case .compare(let comparison, let bound):
                return facts.values(of: clause.field).compactMap { Int($0) }.contains { comparison.holds($0, bound) }
            }
        }
    }
}

// MARK: - Compiled form

/// A case's facts as bit masks over each field's vocabulary (bit i = the i-th word of
/// `FactField.vocabulary`), read once per case.
struct FactBits {
    var masks: [UInt64]   // indexed by FactBits.slot(of:)
    var problemCount: Int
    var region: String?
    var risc: RiscLevel

    static let fieldCount = FactField.allCases.count

    @inline(__always) static func slot(of field: FactField) -> Int {
        switch field {
        case .kind: 0
        case .offence: 1
        case .problem: 2
        case .intervention: 3
        case .scil: 4
        case .risc: 5
        case .intensity: 6
        case .relation: 7
        case .youngAdult: 8
        case .region: 9
        case .problemCount: 10
        }
    }

    init(_ facts: FactView) {
        let intake = facts.intake
        var masks = [UInt64](repeating: 0, count: FactBits.fieldCount)
        masks[0] = FactBits.bit(intake.kind, in: CaseKind.allCases)
        for offence in intake.offences { masks[1] |= FactBits.bit(offence, in: Offence.allCases) }
        for problem in intake.problems { masks[2] |= FactBits.bit(problem, in: Problem.allCases) }
        for intervention in intake.interventions { masks[3] |= FactBits.bit(intervention, in: Intervention.allCases) }
        let scil = facts.scil
        let risc = facts.risc
        masks[4] = FactBits.bit(scil, in: ScilResult.allCases)
        masks[5] = FactBits.bit(risc, in: RiscLevel.allCases)
        if let intensity = intake.intensity { masks[6] = FactBits.bit(intensity, in: Intensity.allCases) }
        // Vocabulary of `relation`: the RO codes, then "geen".
        masks[7] = intake.relation.map { FactBits.bit($0, in: RO.allCases) } ?? (1 << UInt64(RO.allCases.count))
        // Vocabulary of `youngAdult`: "true", "false".
        let young = intake.age.map { facts.youngAdultAges.contains($0) } == true
        masks[8] = young ? 1 : 2
        self.masks = masks
        self.problemCount = facts.problemCount
        self.region = intake.region
        self.risc = risc
    }

    @inline(__always) static func bit<T: Equatable>(_ value: T, in all: [T]) -> UInt64 {
        1 << UInt64(all.firstIndex(of: value)!)
    }
}

struct CompiledClause: Sendable {
    let slot: Int
    let kind: Kind
    let mask: UInt64
    let texts: Set<String>
    let comparison: Condition.Comparison
    let bound: Int

    enum Kind: Sendable { case anyOf, allOf, noneOf, compare, regionAnyOf, regionAllOf, regionNoneOf }

    init(_ clause: Condition.Clause) {
        slot = FactBits.slot(of: clause.field)
        var mask: UInt64 = 0
        var texts: Set<String> = []
        var comparison = Condition.Comparison.equal
        var bound = 0
        let region = clause.field == .region
        let kind: Kind
        func maskOf(_ values: [String]) -> UInt64 {
            let vocabulary = clause.field.vocabulary ?? []
            return values.reduce(0) { m, v in vocabulary.firstIndex(of: v).map { m | (1 << UInt64($0)) } ?? m }
        }
        switch clause.test {
        case .anyOf(let values):
            kind = region ? .regionAnyOf : .anyOf
            mask = maskOf(values); texts = Set(values)
        case .allOf(let values):
            kind = region ? .regionAllOf : .allOf
            mask = maskOf(values); texts = Set(values)
        case .noneOf(let values):
            kind = region ? .regionNoneOf : .noneOf
            mask = maskOf(values); texts = Set(values)
        case .compare(let c, let b):
            kind = .compare
            comparison = c; bound = b
        }
        self.kind = kind
        self.mask = mask
        self.texts = texts
        self.comparison = comparison
        self.bound = bound
    }

    @inline(__always) func holds(_ facts: FactBits) -> Bool {
        switch kind {
        case .anyOf: return facts.masks[slot] & mask != 0
        case .allOf: return facts.masks[slot] & mask == mask
        case .noneOf: return facts.masks[slot] & mask == 0
        case .compare: return comparison.holds(facts.problemCount, bound)
        case .regionAnyOf: return facts.region.map { texts.contains($0) } ?? false
        case .regionAllOf: return facts.region.map { texts.count == 1 && texts.contains($0) } ?? false
        case .regionNoneOf: return facts.region.map { !texts.contains($0) } ?? true
        }
    }
}

// MARK: - Can two rules fire on the same case?

extension Condition {
    /// The largest number of problems a case can have: every problem plus LVB (see `FactView.problemCount`).
    static let maxProblemCount = Problem.allCases.count + 1

    /// Whether some case could satisfy every one of `conditions` at once.
    ///
    /// Exact per field: offence, problem and intervention hold several values at once, so "any of"
    /// tests on them never conflict unless a "none of" forbids them; the other fields hold one value,
    /// so disjoint value sets conflict. Numeric tests conflict only when their ranges do not overlap.
    /// Links between fields (for example `problemCount` and the listed problems) are not used, so a
    /// "yes" may be a case that cannot occur; a "no" is always right.
    static func canHoldTogether(_ conditions: [Condition]) -> Bool {
        let clauses = conditions.flatMap(\.clauses)
        for field in FactField.allCases {
            let tests = clauses.filter { $0.field == field }.map(\.test)
            if tests.isEmpty { continue }
            if !satisfiable(field, tests) { return false }
        }
        return true
    }

    static let multiValued: Set<FactField> = [.offence, .problem, .intervention]
    /// Fields a case may have no value for at all (then only "none of" tests hold).
    static let mayBeEmpty: Set<FactField> = [.intensity, .region]

    private static func satisfiable(_ field: FactField, _ tests: [Test]) -> Bool {
        if field == .problemCount {
            var low = 0, high = maxProblemCount
            for case .compare(let comparison, let bound) in tests {
                switch comparison {
                case .atLeast: low = max(low, bound)
                case .greater: low = max(low, bound + 1)
                case .atMost: high = min(high, bound)
                case .less: high = min(high, bound - 1)
                case .equal: low = max(low, bound); high = min(high, bound)
                }
            }
            return low <= high
        }
        var required: Set<String> = []      // every value that must be present
        var anyOfSets: [Set<String>] = []
        var forbidden: Set<String> = []
        for test in tests {
            switch test {
            case .anyOf(let values): anyOfSets.append(Set(values))
            case .allOf(let values): required.formUnion(values)
            case .noneOf(let values): forbidden.formUnion(values)
            case .compare: break
            }
        }
        if !required.isDisjoint(with: forbidden) { return false }
        if multiValued.contains(field) {
            return anyOfSets.allSatisfy { !$0.subtracting(forbidden).isEmpty }
        }
        // Single-valued: the one value must be in every "any of", be every "all of", and not be forbidden.
        if required.isEmpty && anyOfSets.isEmpty { return mayBeEmpty.contains(field) || hasValueOutside(field, forbidden) }
        if required.count > 1 { return false }
        var candidates: Set<String>? = required.isEmpty ? nil : required
        for set in anyOfSets { candidates = candidates.map { $0.intersection(set) } ?? set }
        return !(candidates ?? []).subtracting(forbidden).isEmpty
    }

    private static func hasValueOutside(_ field: FactField, _ forbidden: Set<String>) -> Bool {
        guard let vocabulary = field.vocabulary else { return true }
        return vocabulary.contains { !forbidden.contains($0) }
    }
}
