import Foundation

/// Text for a terminal with everything that could steer it removed.
///
/// Case ids, names, reasons and file names come from intake files and the ledger; an id holding
/// `ESC [ 2 J` would clear the screen of whoever lists the escalations, and a right-to-left override
/// would make a line read differently from what it says. Everything the CLI prints as text (not JSON,
/// whose encoder escapes control characters itself) goes through here.
enum TerminalText {
    /// Drops escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL`, and two-byte `ESC x`),
    /// bidirectional overrides, and replaces any other control character with `?`. Line breaks and
    /// tabs stay when `keepingLineBreaks` (a multi-line report), else they become spaces (a cell).
    static func clean(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            switch s.value {
            case 0x1B:
                guard let kind = scalars.popFirst() else { break }
                if kind == "[" {
                    while let p = scalars.popFirst(), !(0x40...0x7E).contains(p.value) {}
                } else if kind == "]" {
                    while let p = scalars.popFirst(), p.value != 0x07 {
                        if p.value == 0x1B {
                            _ = scalars.popFirst()
                            break
                        }
                    }
                }
            case 0x0A, 0x09:
                output.append(keepingLineBreaks ? s : " ")
            case 0x0D:
                if !keepingLineBreaks { output.append(" ") }
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F:
                break
            default:
                output.append(s.properties.generalCategory == .control ? "?" : s)
            }
        }
        return String(output)
    }

    /// `print` for text that may hold ids, names or reasons from files and the ledger.
    static func print(_ text: String) {
        Swift.print(clean(text, keepingLineBreaks: true))
    }
}
