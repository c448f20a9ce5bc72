import Crypto
import Foundation
import GRDB

/// The audit hash chain: each entry's `hash` is SHA-256 over its own fields and the previous entry's
/// hash, so changing, removing or inserting an entry anywhere breaks every link after it.
///
/// The encoding is canonical and type-aware (an integer `7` and a text `"7"` differ), built from the
/// stored column values, so `verify` recomputes it from the raw rows without re-encoding any JSON.
enum AuditChain {
    /// The hashed columns, in order. `id` is left out: the order is fixed by the links themselves.
    static let columns = ["at", "actor", "action", "caseId", "runId", "detail", "data", "factsHash"]

    /// The hex SHA-256 of the entry's column values and the previous entry's hash (nil for the first entry).
    static func hash(values: [DatabaseValue], prevHash: String?) -> String {
        var text = ""
        for value in values + [prevHash.databaseValue] { append(value, to: &text) }
        return hex(text)
    }

    /// Lowercase hex SHA-256 of a text's UTF-8 bytes.
    static func hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The hash of a case's stored facts, which every audit entry about the case carries: the facts are
    /// not in the audit (they are purged one day), but a change to them no longer matches the chain.
    static func factsHash(caseId: String?, _ db: Database) throws -> String? {
        guard let caseId else { return nil }
        return try String.fetchOne(db.cachedStatement(sql: "SELECT facts FROM intakeCase WHERE id = ?"), arguments: [caseId]).map(hex)
    }

    /// Length-prefixed, so no choice of field contents can make two different entries encode alike.
    private static func append(_ value: DatabaseValue, to text: inout String) {
        switch value.storage {
        case .null: text += "n;"
        case .int64(let v): text += "i\(v);"
        case .double(let v): text += "r\(v.bitPattern);"
        case .string(let s): text += "s\(s.utf8.count):\(s);"
        case .blob(let d): text += "b\(d.count):\(d.base64EncodedString());"
        }
    }

    /// The newest entry's hash, read inside the inserting transaction.
    static func lastHash(_ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1"))
    }
}
