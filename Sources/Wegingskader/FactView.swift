import Foundation
import InstroomDomain

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
