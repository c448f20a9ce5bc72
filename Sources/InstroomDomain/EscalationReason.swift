import Foundation

/// One reason with the case-specific detail, in Dutch ("SVG past beter (5) dan RN (2), maar SVG zit vol").
public struct EscalationReason: Codable, Sendable, Equatable {
    public var code: EscalationCode
    public var detail: String
    /// Fit points lost against the best allowed RO (forced placements): what decides their queue.
    public var fitLoss: Int?
    /// Where the reason goes; nil: counted in the figures but on no list.
    public var queue: ReviewQueue?

    public init(_ code: EscalationCode, _ detail: String, fitLoss: Int? = nil, queue: ReviewQueue? = nil) {
        self.code = code
        self.detail = detail
        self.fitLoss = fitLoss
        self.queue = queue
    }

    public var label: String { code.label }
}
