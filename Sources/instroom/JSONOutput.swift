import Foundation

/// Encodes with sorted keys so that output is stable for diffs and scripts.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Writes sorted-key JSON to a file, or to standard output for "-".
func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    if path == "-" {
        print(String(decoding: data, as: UTF8.self))
    } else {
        try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
    }
}
