import Foundation

/// How staff name an escalation on the command line and in the web app: its number (`4`), the case it
/// is about (`C20260302-0031`), or `B<number>` for a band forecast. A case id works wherever a number does,
/// because the commissie's papers list cases, not escalation numbers.
public enum EscalationReference: Hashable, Sendable, CustomStringConvertible {
    case escalation(Int64)
    case caseId(String)
    case bandAlert(Int64)

    /// A bare number is an escalation number, `B<number>` a band forecast, anything else a case id.
    /// (A case whose id looks like a number is still found: see `Ledger.resolve`.)
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed) {
            self = .escalation(id)
        } else if trimmed.uppercased().hasPrefix("B"), let id = Int64(trimmed.dropFirst()) {
            self = .bandAlert(id)
        } else {
            self = .caseId(trimmed)
        }
    }

    /// As the user wrote it: `4`, `B3`, or the case id.
    public var description: String {
        switch self {
        case .escalation(let id): String(id)
        case .caseId(let id): id
        case .bandAlert(let id): "B\(id)"
        }
    }
}
