import Foundation

/// One reason with the case-specific detail, in Dutch ("SVG past beter (5) dan RN (2), maar SVG zit vol").
public struct EscalationReason: Codable, Sendable, Equatable {
    public var code: EscalationCode
    public var detail: String

    public init(_ code: EscalationCode, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var label: String { code.label }
}
