import Foundation
import InstroomDomain

// MARK: - Can two rules fire on the same case?

extension Condition {
    /// The largest number of problems a case can have: every problem plus LVB (see `FactView.problemCount`).
    static let maxProblemCount = ClientProblem.allCases.count + 1
    /// The numbers a rule file may compare a count with: a typo like `">9223372036854775807"` is
    /// refused where it is read, with its line, instead of trapping in the arithmetic below.
    public static let countRange: ClosedRange<Int> = 0...100

    /// Whether some case could satisfy every one of `conditions` at once.
    ///
    /// Exact per field: offence, problem and intervention hold several values at once, so "any of"
    /// tests on them never conflict unless a "none of" forbids them; the other fields hold one value,
    /// so disjoint value sets conflict. Numeric tests conflict only when their ranges do not overlap.
    /// Links between fields (for example `problemCount` and the listed problems) are not used, so a
    /// "yes" may be a case that cannot occur; a "no" is always right.
    static func canHoldTogether(_ conditions: [Condition]) -> Bool {
        var byField: [FactField: [Test]] = [:]
        for condition in conditions {
            for clause in condition.clauses { byField[clause.field, default: []].append(clause.test) }
        }
        return byField.allSatisfy { satisfiable($0.key, $0.value) }
    }

    static let multiValued: Set<FactField> = [.offence, .problem, .intervention]
    /// Fields a case may have no value for at all (then only "none of" tests hold).
    static let mayBeEmpty: Set<FactField> = [.intensity, .region]

    private static func satisfiable(_ field: FactField, _ tests: [Test]) -> Bool {
        if field == .problemCount {
            var low = 0
            var high = maxProblemCount
            for case .compare(let comparison, let bound) in tests {
                switch comparison {
                case .atLeast: low = max(low, bound)
                case .greater: low = max(low, bound == .max ? bound : bound + 1)
                case .atMost: high = min(high, bound)
                case .less: high = min(high, bound == .min ? bound : bound - 1)
                case .equal:
                    low = max(low, bound)
                    high = min(high, bound)
                }
            }
            return low <= high
        }
        var required: Set<String> = []  // every value that must be present
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
