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
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
        case equal = "="

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
