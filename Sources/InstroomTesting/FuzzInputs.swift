import Foundation
import IntakeGenerator

/// Seeded mutation fuzzing for the parsers: start from the seed corpus in `Tests/Data/fuzz/<parser>/`
/// and apply a few random edits (cut, repeat, splice, a hostile token in place of a word or number),
/// so each run of the suite tries the same few thousand inputs and a failure is reproducible by seed.
///
/// A crash (trap, GLPK abort) ends the test process, which fails the suite; the tests add properties
/// on what a parser accepts.
public struct FuzzInputs: Sequence, IteratorProtocol {
    public let seeds: [(name: String, text: String)]
    public let count: Int
    var generator: SplitMix64
    var produced = 0

    /// `count` mutants of the corpus files of `parser`, from `seed`.
    public init(parser: String, count: Int, seed: UInt64 = 14) {
        self.init(seeds: Self.corpus(parser), count: count, seed: seed)
    }

    public init(seeds: [(name: String, text: String)], count: Int, seed: UInt64 = 14) {
        precondition(!seeds.isEmpty, "an empty fuzz corpus")
        self.seeds = seeds
        self.count = count
        generator = SplitMix64(seed: seed)
    }

    /// The files of `Tests/Data/fuzz/<parser>/`, sorted by name.
    public static func corpus(_ parser: String) -> [(name: String, text: String)] {
        let folder = Fixtures.packageRoot.appendingPathComponent("Tests/Data/fuzz/\(parser)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.map { ($0, String(decoding: (try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data(), as: UTF8.self)) }
    }

    /// Values that broke, or could break, a reader: overflow, non-finite, out-of-range dates and
    /// weights, control characters, structure characters of CSV, JSON and YAML.
    public static let hostile: [String] = [
        "9223372036854775807", "-9223372036854775808", ">9223372036854775807", "<-9223372036854775808", "1e19", "9e18", "1e17",
        "1e-300", "1e308", "-1e308", "nan", "inf", "-inf", ".inf", ".nan", "-0", "0", "-1", "1e6", "0,000001", "1.7976931348623157e308",
        "0999-12-31", "+026-03-03", "2101-01-01", "1999-12-31", "31-12-0999", "2026-02-29", "2024-02-29", "\u{1B}[2J", "\u{1B}]0;x\u{07}",
        "\u{0}", "\u{202E}", "\"", "'", ",", ";", "|", "\n", "\r\n", ":", "- ", "{", "}", "[", "]", "&a", "*a", "!!binary", "~", "null",
        "true", "yes", "ja", String(repeating: "x", count: 300), "ë", "\u{FEFF}",
    ]

    public mutating func next() -> (seed: String, text: String)? {
        guard produced < count else { return nil }
        produced += 1
        let base = seeds[Int(generator.next() % UInt64(seeds.count))]
        var text = Array(base.text.unicodeScalars)
        let edits = 1 + Int(generator.next() % 4)
        for _ in 0..<edits { mutate(&text) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text)
        return (base.name, String(result))
    }

    mutating func index(_ text: [Unicode.Scalar]) -> Int { text.isEmpty ? 0 : Int(generator.next() % UInt64(text.count + 1)) }

    mutating func mutate(_ text: inout [Unicode.Scalar]) {
        let token = Array(Self.hostile[Int(generator.next() % UInt64(Self.hostile.count))].unicodeScalars)
        switch generator.next() % 7 {
        case 0:  // a hostile token in place of the number or word under a random position
            let at = Swift.min(index(text), Swift.max(0, text.count - 1))
            var start = at
            var end = at
            func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "-" }
            while start > 0, isWord(text[start - 1]) { start -= 1 }
            while end < text.count, isWord(text[end]) { end += 1 }
            text.replaceSubrange(start..<end, with: token)
        case 1:  // insert a hostile token
            text.insert(contentsOf: token, at: index(text))
        case 2:  // cut a span
            let a = index(text)
            let b = Swift.min(text.count, a + Int(generator.next() % 40))
            text.removeSubrange(a..<b)
        case 3:  // repeat a span (long lines, duplicate keys and ids)
            let a = index(text)
            let b = Swift.min(text.count, a + Int(generator.next() % 200))
            text.insert(contentsOf: Array(text[a..<b]), at: index(text))
        case 4:  // one scalar replaced by a byte-like value
            guard !text.isEmpty else { return }
            text[Swift.min(index(text), text.count - 1)] = Unicode.Scalar(UInt8(truncatingIfNeeded: generator.next()))
        case 5:  // swap two lines
            var lines = String(String.UnicodeScalarView(text)).split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 2 else { return }
            let i = Int(generator.next() % UInt64(lines.count))
            let j = Int(generator.next() % UInt64(lines.count))
            lines.swapAt(i, j)
            text = Array(lines.joined(separator: "\n").unicodeScalars)
        default:  // a digit changed, so numbers and dates drift
            let digits = text.indices.filter { ("0"..."9").contains(text[$0]) }
            guard !digits.isEmpty else { return }
            text[digits[Int(generator.next() % UInt64(digits.count))]] = Unicode.Scalar(UInt8(0x30 + generator.next() % 10))
        }
    }
}
