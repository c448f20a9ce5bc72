import Foundation
import GRDB

extension Ledger {
    /// Fetches records row by row, so that a row that does not decode is an error naming its table, row
    /// and column: a report that silently skipped it would show history that is not there.
    static func fetchAll<Request: FetchRequest>(_ db: Database, _ request: Request) throws -> [Request.RowDecoder]
    where Request.RowDecoder: FetchableRecord & TableRecord {
        let rows = try Row.fetchCursor(db, request)
        var records: [Request.RowDecoder] = []
        while let row = try rows.next() { records.append(try decode(row)) }
        return records
    }

    static func fetchOne<Request: FetchRequest>(_ db: Database, _ request: Request) throws -> Request.RowDecoder?
    where Request.RowDecoder: FetchableRecord & TableRecord {
        try Row.fetchOne(db, request).map { try decode($0) }
    }

    static func decode<R: FetchableRecord & TableRecord>(_ row: Row, as type: R.Type = R.self) throws -> R {
        do {
            return try R(row: row)
        } catch {
            let key: DatabaseValue = row.hasColumn("id") ? row["id"] : row.hasColumn("hash") ? row["hash"] : .null
            let (column, reason) = explain(error)
            throw LedgerError.unreadable(
                table: R.databaseTableName,
                row: key.storage.value.map { "\($0)" } ?? "?",
                column: column,
                reason: reason
            )
        }
    }

    /// The column and a one-line reason from a decoding error: a JSON column's (wrapped by
    /// `ColumnJSONDecoder`, its path inside the JSON), a plain column's (an unknown enum value: the
    /// path starts with the column, `pathStartsWithColumn`), or GRDB's own (a NULL, a missing column).
    static func explain(_ error: any Error, pathStartsWithColumn: Bool = true) -> (column: String?, reason: String) {
        func located(_ context: DecodingError.Context, _ what: String) -> (String?, String) {
            let path = context.codingPath.map(\.stringValue)
            let at = (pathStartsWithColumn ? path.dropFirst() : path[...]).joined(separator: ".")
            return (pathStartsWithColumn ? path.first : nil, (at.isEmpty ? "" : "at \(at): ") + what)
        }
        switch error {
        case let failure as ColumnJSONDecoder.Failure:
            return (failure.column, explain(failure.underlying, pathStartsWithColumn: false).reason)
        case DecodingError.dataCorrupted(let context):
            return located(context, "not valid JSON for its type (\(context.debugDescription))")
        case DecodingError.keyNotFound(let key, let context):
            return located(context, "missing field \(key.stringValue)")
        case DecodingError.typeMismatch(let type, let context):
            return located(context, "expected \(type) (\(context.debugDescription))")
        case DecodingError.valueNotFound(let type, let context):
            return located(context, "missing value of type \(type)")
        default:
            let text = "\(error)"
            let column = text.range(of: #"column: "[^"]+""#, options: .regularExpression)
                .map { String(text[$0].dropFirst("column: \"".count).dropLast()) }
            return (column, text.components(separatedBy: " - ").first ?? text)
        }
    }

    /// SQLite limits the parameters of one statement: a long id list is asked 500 ids at a time.
    static func inSlices<T>(_ ids: [String], _ fetch: ([String]) throws -> [T]) rethrows -> [T] {
        var result: [T] = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            result += try fetch(Array(ids[start..<min(start + 500, ids.count)]))
        }
        return result
    }
}
