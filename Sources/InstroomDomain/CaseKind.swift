import Foundation

/// The three streams of the intake.
public enum CaseKind: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    /// Vi-gestelde: a detainee heading for conditional release.
    case vi
    /// Advies: a probation report with a deadline.
    case advies
    /// Toezicht: supervision of special conditions; its intensity sets its workload.
    case toezicht

    public static func < (a: CaseKind, b: CaseKind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}
