/// Free text a person types that the ledger keeps for good: a name (`--by`, who decided) or a reason
/// (a rationale, a contest, a deviation). Checked in the library, so the CLI and the web app refuse the
/// same things: blank text, control characters (a name `$'\n'`, a terminal escape sequence), and text
/// longer than anyone writes by hand.
public enum UserText {
    /// Which field and why: the CLI shows it as is, the web app puts `message` at the form field.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var field: String
        public var message: String
        public var description: String { "\(field): \(message)" }
    }

    public static let maximumNameLength = 100
    public static let maximumReasonLength = 4000

    /// A name: one line, trimmed. `field` names the option or form field in the refusal.
    public static func name(_ value: String, field: String) throws(UserText.Refusal) -> String {
        try checked(value, field: field, maximum: maximumNameLength, allowsLineBreaks: false, what: "a name")
    }

    /// A reason or rationale: may span lines (tabs and line breaks are kept), trimmed.
    public static func reason(_ value: String, field: String) throws(UserText.Refusal) -> String {
        try checked(value, field: field, maximum: maximumReasonLength, allowsLineBreaks: true, what: "a reason")
    }

    static func checked(
        _ value: String,
        field: String,
        maximum: Int,
        allowsLineBreaks: Bool,
        what: String
    ) throws(UserText.Refusal)
        -> String
    {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw Refusal(field: field, message: "\(what) is required and may not be blank") }
        guard trimmed.count <= maximum else {
            throw Refusal(field: field, message: "\(what) may be at most \(maximum) characters (this one has \(trimmed.count))")
        }
        let allowed: Set<Unicode.Scalar> = allowsLineBreaks ? ["\n", "\t", "\r"] : []
        if let bad = trimmed.unicodeScalars.first(where: { isControl($0) && !allowed.contains($0) }) {
            throw Refusal(
                field: field,
                message: "\(what) may not contain control characters (found U+\(String(bad.value, radix: 16, uppercase: true)))"
            )
        }
        return trimmed
    }

    /// C0 and C1 controls and DEL, and the bidirectional overrides that make text display other than it reads.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }
}

extension String {
    /// Without leading and trailing white space (Unicode), without Foundation.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
