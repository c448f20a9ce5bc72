import Foundation

/// A JSON decoder for one column that names the column in its errors: Foundation's decoding error
/// only knows the path inside the JSON, and the ledger reports which cell of which row is unreadable.
final class ColumnJSONDecoder: JSONDecoder, @unchecked Sendable {
    struct Failure: Error {
        var column: String
        var underlying: any Error
    }

    let column: String

    init(column: String) {
        self.column = column
        super.init()
    }

    override func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try super.decode(type, from: data)
        } catch {
            throw Failure(column: column, underlying: error)
        }
    }
}
