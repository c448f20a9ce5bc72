import Foundation
import InstroomDomain

// MARK: - Compiled form

/// A case's facts as bit masks over each field's vocabulary (bit i = the i-th word of
/// `FactField.vocabulary`), read once per case.
struct FactBits {
    var masks: [UInt64]  // indexed by FactBits.slot(of:)
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
        for problem in intake.problems { masks[2] |= FactBits.bit(problem, in: ClientProblem.allCases) }
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
            mask = maskOf(values)
            texts = Set(values)
        case .allOf(let values):
            kind = region ? .regionAllOf : .allOf
            mask = maskOf(values)
            texts = Set(values)
        case .noneOf(let values):
            kind = region ? .regionNoneOf : .noneOf
            mask = maskOf(values)
            texts = Set(values)
        case .compare(let c, let b):
            kind = .compare
            comparison = c
            bound = b
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
