import Foundation

/// A problem in a file a person wrote or exported: always says which file, which line and which field,
/// so the triagepunt can fix the export instead of guessing.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var line: Int?
    public var field: String?
    public var message: String
    /// The same message in Dutch, for the web app's pages (triage staff read Dutch); nil where the
    /// reader that found it has none, and the page shows `message`.
    public var dutch: String?

    public init(file: String, line: Int? = nil, field: String? = nil, _ message: String, dutch: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.dutch = dutch
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field, !field.isEmpty { location += ": field '\(field)'" }
        return "\(location): \(message)"
    }

    public var errorDescription: String? { description }

    /// The same problem at the same place: the Dutch text is a rendering of `message`, not part of it.
    public static func == (a: InputError, b: InputError) -> Bool {
        a.file == b.file && a.line == b.line && a.field == b.field && a.message == b.message
    }
}

/// Several input errors at once: a person fixing an export wants all of them, not one per try.
public struct InputErrors: Error, Sendable, CustomStringConvertible, LocalizedError {
    public var errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
    public var errorDescription: String? { description }
}
