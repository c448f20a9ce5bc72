import Foundation

/// Turning file bytes into text: UTF-8 (with or without BOM), else Windows-1252 as old Excel writes it.
enum TextDecoding {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func decode(_ data: Data) -> (text: String, encoding: String) {
        var bytes = [UInt8](data)
        if bytes.starts(with: utf8BOM) { bytes.removeFirst(3) }
        if let text = String(validatingUTF8Bytes: bytes) { return (text, "UTF-8") }
        return (windows1252(bytes), "Windows-1252")
    }

    /// The line of the first byte sequence that is not UTF-8, or nil when all of it is.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F; the five unassigned bytes map to the same code point.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
