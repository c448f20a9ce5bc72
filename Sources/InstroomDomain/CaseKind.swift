import Foundation

/// The three streams of the intake.
public enum CaseKind: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, OrderedByDeclaration {
    /// Vi-gestelde: a detainee heading for conditional release.
    case vi
    /// Advies: a probation report with a deadline.
    case advies
    /// Toezicht: supervision of special conditions; its intensity sets its workload.
    case toezicht
}
