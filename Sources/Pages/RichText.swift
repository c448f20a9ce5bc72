/// A report cell's text with a little emphasis: lines (shown with breaks) of runs that are plain, strong,
/// emphasised, flagged (`bad`) or small. The `rich-text` partial adds the markup and escapes every run,
/// so a report never builds markup from strings.
public struct RichText: Sendable, ExpressibleByStringLiteral {
    public enum Style: Sendable { case plain, strong, em, bad, small }

    public struct Run: Sendable {
        public var text: String
        // One flag per style: the template can only test fields.
        public var plain, strong, em, bad, small: Bool
        init(_ text: String, _ style: Style) {
            self.text = text
            plain = style == .plain
            strong = style == .strong
            em = style == .em
            bad = style == .bad
            small = style == .small
        }
    }

    public struct Line: Sendable {
        /// No break before the first line.
        public var first: Bool
        public var runs: [Run]
    }

    public private(set) var lines: [Line]

    public init(_ text: String, _ style: Style = .plain) { lines = [Line(first: true, runs: [Run(text, style)])] }
    public init(stringLiteral text: String) { self.init(text) }

    init(lines: [[Run]]) { self.lines = lines.enumerated().map { Line(first: $0.offset == 0, runs: $0.element) } }

    public static func strong(_ text: String) -> RichText { RichText(text, .strong) }
    public static func em(_ text: String) -> RichText { RichText(text, .em) }
    public static func bad(_ text: String) -> RichText { RichText(text, .bad) }
    public static func small(_ text: String) -> RichText { RichText(text, .small) }

    /// The texts one below the other.
    public static func lines(_ texts: [RichText]) -> RichText { RichText(lines: texts.flatMap { $0.lines.map(\.runs) }) }

    /// `b` continues on `a`'s last line.
    public static func + (a: RichText, b: RichText) -> RichText {
        let runs = a.lines.map(\.runs)
        let more = b.lines.map(\.runs)
        guard let last = runs.last, let next = more.first else { return RichText(lines: runs + more) }
        return RichText(lines: Array(runs.dropLast()) + [last + next] + Array(more.dropFirst()))
    }

    public static func + (a: RichText, b: String) -> RichText { a + RichText(b) }
    public static func + (a: String, b: RichText) -> RichText { RichText(a) + b }
}
