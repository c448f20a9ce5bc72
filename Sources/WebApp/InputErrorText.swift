import InstroomDomain

/// An input error framed in Dutch for the web: "Regel 4, veld ‘kind’: …". The message comes from the
/// reader that found it: its Dutch text where it has one (the intake reader always does).
enum InputErrorText {
    static func dutch(_ error: InputError) -> String {
        var location: [String] = []
        if let line = error.line { location.append("Regel \(line)") }
        if let field = error.field, !field.isEmpty { location.append("veld ‘\(field)’") }
        return (location.isEmpty ? "" : location.joined(separator: ", ") + ": ") + (error.dutch ?? error.message)
    }
}
