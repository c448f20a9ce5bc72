import Foundation
import InstroomDomain
import IntakeFormats

/// An uploaded intake (file, or pasted text): JSON when it starts with `{` or `[`, CSV otherwise (the
/// reader detects the Dutch Excel dialect itself). Nothing is stored.
enum IntakeUpload {
    static func read(_ data: Data, name: String) throws -> [IntakeCase] {
        let first = String(decoding: data.prefix(64), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))
        ).first
        let lower = name.lowercased()
        if lower.hasSuffix(".json") || first == "{" || first == "[" { return try IntakeReader.parseJSON(data, file: name) }
        return try IntakeReader.parseCSV(data, file: name)
    }
}
