import Foundation

/// A JSON value with the physical line (1-based) where it starts, so each error can name its line.
///
/// Foundation's JSONSerialization drops positions; this small RFC 8259 parser keeps them. It is only
/// used for intake files, which are small, so clarity wins over speed.
struct LineJSON: Sendable {
    struct Member: Sendable {
        var key: String
        var keyLine: Int
        var value: LineJSON
    }

    enum Value: Sendable {
        case object([Member])
        case array([LineJSON])
        case string(String)
        /// The number and its literal text (for messages).
        case number(Double, String)
        case bool(Bool)
        case null
    }

    var line: Int
    var value: Value

    /// What a person would call this kind of value, for messages.
    var typeName: String {
        switch value {
        case .object: "an object {...}"
        case .array: "a list [...]"
        case .string(let s): "the text \"\(s)\""
        case .number(_, let text): "the number \(text)"
        case .bool(let b): "\(b)"
        case .null: "null"
        }
    }

    /// `typeName` in Dutch, for the web app.
    var dutchTypeName: String {
        switch value {
        case .object: "een object {...}"
        case .array: "een lijst [...]"
        case .string(let s): "de tekst \"\(s)\""
        case .number(_, let text): "het getal \(text)"
        case .bool(let b): b ? "true (ja/nee-waarde)" : "false (ja/nee-waarde)"
        case .null: "null"
        }
    }

    struct SyntaxError: Error, Sendable {
        var line: Int
        var message: String
        /// The same in Dutch, for the web app.
        var dutch: String
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> LineJSON? {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        if parser.i >= bytes.count { return nil }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.i < bytes.count {
            throw SyntaxError(
                line: parser.line,
                message: "unexpected \(parser.describe(parser.i)) after the end of the JSON value",
                dutch: "onverwacht \(parser.describe(parser.i, dutch: true)) na het einde van de JSON-waarde"
            )
        }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        static let maxDepth = 200

        init(bytes: [UInt8]) { self.bytes = bytes }

        func describe(_ at: Int, dutch: Bool = false) -> String {
            guard at < bytes.count else { return dutch ? "einde van het bestand" : "end of file" }
            let b = bytes[at]
            if b >= 0x20, b < 0x7F { return dutch ? "‘\(Character(Unicode.Scalar(b)))’" : "'\(Character(Unicode.Scalar(b)))'" }
            return String(format: "byte 0x%02X", b)
        }

        func fail(_ message: String, dutch: String) -> SyntaxError { SyntaxError(line: line, message: message, dutch: dutch) }

        mutating func skipWhitespace() {
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\n"):
                    line += 1
                    i += 1
                case UInt8(ascii: "\r"):
                    // CRLF counts once; a lone CR is a line break too.
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                    line += 1
                    i += 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"): i += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8, _ what: String, dutch: String) throws(SyntaxError) {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == byte else {
                throw fail("expected \(what), found \(describe(i))", dutch: "verwacht \(dutch), gevonden \(describe(i, dutch: true))")
            }
            i += 1
        }

        mutating func parseValue(depth: Int) throws(SyntaxError) -> LineJSON {
            skipWhitespace()
            guard depth < Self.maxDepth else {
                throw fail("nested more than \(Self.maxDepth) levels deep", dutch: "meer dan \(Self.maxDepth) niveaus diep genest")
            }
            guard i < bytes.count else {
                throw fail("unexpected end of file; expected a value", dutch: "onverwacht einde van het bestand; verwacht een waarde")
            }
            let start = line
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [Member] = []
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return LineJSON(line: start, value: .object(members))
                }
                while true {
                    skipWhitespace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                        throw fail(
                            "expected a key in double quotes, found \(describe(i))",
                            dutch: "verwacht een sleutel tussen dubbele aanhalingstekens, gevonden \(describe(i, dutch: true))"
                        )
                    }
                    let keyLine = line
                    let key = try parseString()
                    try expect(UInt8(ascii: ":"), "':' after the key \"\(key)\"", dutch: "‘:’ na de sleutel \"\(key)\"")
                    let value = try parseValue(depth: depth + 1)
                    members.append(Member(key: key, keyLine: keyLine, value: value))
                    skipWhitespace()
                    guard i < bytes.count else {
                        throw fail(
                            "unexpected end of file; the object that starts on line \(start) is not closed",
                            dutch: "onverwacht einde van het bestand; het object dat op regel \(start) begint, is niet gesloten"
                        )
                    }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        return LineJSON(line: start, value: .object(members))
                    }
                    throw fail(
                        "expected ',' or '}' after the value of \"\(key)\", found \(describe(i))",
                        dutch: "verwacht ‘,’ of ‘}’ na de waarde van \"\(key)\", gevonden \(describe(i, dutch: true))"
                    )
                }
            case UInt8(ascii: "["):
                i += 1
                var elements: [LineJSON] = []
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return LineJSON(line: start, value: .array(elements))
                }
                while true {
                    elements.append(try parseValue(depth: depth + 1))
                    skipWhitespace()
                    guard i < bytes.count else {
                        throw fail(
                            "unexpected end of file; the list that starts on line \(start) is not closed",
                            dutch: "onverwacht einde van het bestand; de lijst die op regel \(start) begint, is niet gesloten"
                        )
                    }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        return LineJSON(line: start, value: .array(elements))
                    }
                    throw fail(
                        "expected ',' or ']' after a list element, found \(describe(i))",
                        dutch: "verwacht ‘,’ of ‘]’ na een element van de lijst, gevonden \(describe(i, dutch: true))"
                    )
                }
            case UInt8(ascii: "\""):
                return LineJSON(line: start, value: .string(try parseString()))
            case UInt8(ascii: "t"):
                try literal("true")
                return LineJSON(line: start, value: .bool(true))
            case UInt8(ascii: "f"):
                try literal("false")
                return LineJSON(line: start, value: .bool(false))
            case UInt8(ascii: "n"):
                try literal("null")
                return LineJSON(line: start, value: .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let text = try parseNumber()
                guard let number = Double(text), number.isFinite else {
                    throw fail("the number \(text) is out of range", dutch: "het getal \(text) is te groot")
                }
                return LineJSON(line: start, value: .number(number, text))
            default:
                throw fail(
                    "unexpected \(describe(i)); expected a value (object, list, text in double quotes, number, true, false or null)",
                    dutch:
                        "onverwacht \(describe(i, dutch: true)); verwacht een waarde (object, lijst, tekst tussen dubbele aanhalingstekens, getal, true, false of null)"
                )
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw fail(
                    "unexpected \(describe(i)); expected a value (text must be in double quotes)",
                    dutch: "onverwacht \(describe(i, dutch: true)); verwacht een waarde (tekst moet tussen dubbele aanhalingstekens)"
                )
            }
            i += w.count
        }

        mutating func parseNumber() throws(SyntaxError) -> String {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
                return i - s
            }
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count else { throw fail("incomplete number", dutch: "onvolledig getal") }
            if bytes[i] == UInt8(ascii: "0") {
                i += 1
            } else if digits() == 0 {
                throw fail(
                    "invalid number: expected a digit, found \(describe(i))",
                    dutch: "ongeldig getal: verwacht een cijfer, gevonden \(describe(i, dutch: true))"
                )
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else {
                    throw fail(
                        "invalid number: expected a digit after '.', found \(describe(i))",
                        dutch: "ongeldig getal: verwacht een cijfer na de punt, gevonden \(describe(i, dutch: true))"
                    )
                }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else {
                    throw fail(
                        "invalid number: expected a digit in the exponent, found \(describe(i))",
                        dutch: "ongeldig getal: verwacht een cijfer in de exponent, gevonden \(describe(i, dutch: true))"
                    )
                }
            }
            if i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                throw fail("invalid number: a number may not start with 0", dutch: "ongeldig getal: een getal mag niet met 0 beginnen")
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func parseHex4() throws(SyntaxError) -> UInt32 {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                throw fail(
                    "invalid \\u escape: expected four hexadecimal digits",
                    dutch: "ongeldige \\u-code: verwacht vier hexadecimale cijfers"
                )
            }
            i += 4
            return v
        }

        mutating func parseString() throws(SyntaxError) -> String {
            let startLine = line
            i += 1  // opening quote
            var buffer: [UInt8] = []
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    i += 1
                    return String(decoding: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    i += 1
                    guard i < bytes.count else { break }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0C)
                    case UInt8(ascii: "n"): buffer.append(0x0A)
                    case UInt8(ascii: "r"): buffer.append(0x0D)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try parseHex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw fail(
                                    "invalid \\u escape: a high surrogate must be followed by a low surrogate",
                                    dutch: "ongeldige \\u-code: op een hoge surrogaat moet een lage volgen"
                                )
                            }
                            i += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else {
                                throw fail(
                                    "invalid \\u escape: expected a low surrogate",
                                    dutch: "ongeldige \\u-code: verwacht een lage surrogaat"
                                )
                            }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else {
                            throw fail("invalid \\u escape: a lone surrogate", dutch: "ongeldige \\u-code: een losse surrogaat")
                        }
                        buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default:
                        throw fail(
                            "invalid escape '\\\(Character(Unicode.Scalar(e)))' in text",
                            dutch: "ongeldige escape ‘\\\(Character(Unicode.Scalar(e)))’ in tekst"
                        )
                    }
                case 0x0A, 0x0D:
                    throw fail(
                        "a line break inside text that starts on line \(startLine); close the quote or write \\n",
                        dutch: "een regeleinde in tekst die op regel \(startLine) begint; sluit het aanhalingsteken of schrijf \\n"
                    )
                case 0x00..<0x20:
                    throw fail(
                        "a control character inside text; write it as a \\u escape",
                        dutch: "een stuurteken in tekst; schrijf het als \\u-code"
                    )
                default:
                    buffer.append(b)
                    i += 1
                }
            }
            throw SyntaxError(
                line: startLine,
                message: "unterminated text: the double quote on this line is never closed",
                dutch: "tekst zonder einde: het dubbele aanhalingsteken op deze regel wordt nooit gesloten"
            )
        }
    }
}
