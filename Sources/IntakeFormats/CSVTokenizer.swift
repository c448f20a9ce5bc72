import Foundation

/// A small RFC 4180 tokenizer: quoted cells may hold separators, doubled quotes and line breaks.
///
/// It works on the UTF-8 bytes of already decoded text (separators and quotes are ASCII, so a byte
/// never splits a character). CRLF, LF and a lone CR all end a record; a CRLF inside a quoted cell is
/// kept as a single LF so that Excel exports and Unix files read to the same value.
/// Records whose cells are all empty (blank lines, `;;;;` rows Excel leaves behind) are skipped.
enum CSVTokenizer {
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    struct SyntaxError: Equatable, Sendable {
        var line: Int
        var message: String
        var dutch: String
    }

    static func tokenize(_ text: String, separator: UInt8) -> (records: [CSVRecord], syntaxErrors: [SyntaxError]) {
        let bytes = Array(text.utf8)
        let n = bytes.count
        var i = 0
        var line = 1
        var records: [CSVRecord] = []
        var syntaxErrors: [SyntaxError] = []

        /// Consumes a line break at `i` if there is one; true when it did.
        func consumeNewline() -> Bool {
            guard i < n else { return false }
            if bytes[i] == cr {
                i += (i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                line += 1
                return true
            }
            if bytes[i] == lf {
                i += 1
                line += 1
                return true
            }
            return false
        }

        /// After a malformed cell: skip to the end of the physical line.
        func skipRestOfLine() {
            while i < n, bytes[i] != lf, bytes[i] != cr { i += 1 }
            _ = consumeNewline()
        }

        while i < n {
            let recordLine = line
            var cells: [String] = []
            var broken: (message: String, dutch: String)?

            cellLoop: while true {
                if i < n, bytes[i] == quote {
                    let quoteLine = line
                    i += 1
                    var buffer: [UInt8] = []
                    var closed = false
                    while i < n {
                        let b = bytes[i]
                        if b == quote {
                            if i + 1 < n, bytes[i + 1] == quote {
                                buffer.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if b == cr {
                            buffer.append(lf)
                            i += (i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                            line += 1
                            continue
                        }
                        if b == lf { line += 1 }
                        buffer.append(b)
                        i += 1
                    }
                    guard closed else {
                        syntaxErrors.append(
                            SyntaxError(
                                line: quoteLine,
                                message:
                                    "unterminated quote: the quoted cell that starts here is never closed (a cell that starts with \" must end with \")",
                                dutch:
                                    "aanhalingsteken niet gesloten: de cel die hier met \" begint, eindigt niet met \""
                            )
                        )
                        return (records, syntaxErrors)
                    }
                    cells.append(String(decoding: buffer, as: UTF8.self))
                    if i >= n { break cellLoop }
                    if bytes[i] == separator {
                        i += 1
                        continue cellLoop
                    }
                    if consumeNewline() { break cellLoop }
                    broken = (
                        "unexpected text after the closing quote of cell \(cells.count); a quote inside a quoted cell must be doubled (\"\")",
                        "tekst na het sluitende aanhalingsteken van cel \(cells.count); een aanhalingsteken binnen een cel tussen aanhalingstekens moet dubbel (\"\")"
                    )
                    skipRestOfLine()
                    break cellLoop
                } else {
                    let start = i
                    while i < n, bytes[i] != separator, bytes[i] != lf, bytes[i] != cr {
                        if bytes[i] == quote, broken == nil {
                            broken = (
                                "a quote inside unquoted cell \(cells.count + 1); quote the whole cell and double the quote (\"a \"\"b\"\" c\")",
                                "een aanhalingsteken in cel \(cells.count + 1) zonder aanhalingstekens; zet de hele cel tussen aanhalingstekens en verdubbel het teken (\"a \"\"b\"\" c\")"
                            )
                        }
                        i += 1
                    }
                    cells.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    if i >= n { break cellLoop }
                    if bytes[i] == separator {
                        i += 1
                        continue cellLoop
                    }
                    _ = consumeNewline()
                    break cellLoop
                }
            }

            if let broken {
                syntaxErrors.append(SyntaxError(line: recordLine, message: broken.message, dutch: broken.dutch))
            } else if cells.contains(where: { !$0.trimmedWhitespace.isEmpty }) {
                records.append(CSVRecord(line: recordLine, cells: cells))
            }
        }
        return (records, syntaxErrors)
    }

    /// The separator of a file: `sep=;` on the first line (an Excel convention) wins; otherwise the
    /// more frequent of `;` and `,` outside quotes on the header line. Returns how many lines the hint took.
    static func detectSeparator(_ text: String) -> (separator: UInt8, hintLines: Int) {
        let bytes = Array(text.utf8.prefix(64 * 1024))
        var firstLineEnd = 0
        while firstLineEnd < bytes.count, bytes[firstLineEnd] != lf, bytes[firstLineEnd] != cr { firstLineEnd += 1 }
        let first = String(decoding: bytes[0..<firstLineEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if first.lowercased().hasPrefix("sep="), first.utf8.count == 5, let sep = first.utf8.last {
            return (sep, 1)
        }
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for b in bytes {
            if b == quote {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            if b == lf || b == cr { break }
            if b == UInt8(ascii: ",") { commas += 1 }
            if b == UInt8(ascii: ";") { semicolons += 1 }
        }
        return (semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ","), 0)
    }
}

extension String {
    /// Strict UTF-8 decoding: nil when any byte sequence is invalid (no replacement characters).
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var scalars = String.UnicodeScalarView()
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(scalars)
    }
}

extension String {
    /// Trims spaces, tabs and line breaks without Foundation's bridging: the intake reader calls this for
    /// every cell of a 10,000-case day, and `trimmingCharacters(in:)` dominated reading time.
    var trimmedWhitespace: String {
        let u = utf8
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = u.first, let last = u.last, blank(first) || blank(last) else { return self }
        guard let start = u.firstIndex(where: { !blank($0) }) else { return "" }
        let end = u.lastIndex(where: { !blank($0) })!
        return String(self[start...end])
    }
}
