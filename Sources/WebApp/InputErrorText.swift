import InstroomDomain

/// An input error framed in Dutch for the web: "Regel 4, veld ‘kind’: …". The message itself comes from
/// the reader that found it.
enum InputErrorText {
    static func dutch(_ error: InputError) -> String {
        var location: [String] = []
        if let line = error.line { location.append("Regel \(line)") }
        if let field = error.field, !field.isEmpty { location.append("veld ‘\(field)’") }
        return (location.isEmpty ? "" : location.joined(separator: ", ") + ": ") + error.message
    }
}
