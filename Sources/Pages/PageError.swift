/// A template problem: a programming error in this module, reported instead of rendering half a page.
public enum PageError: Error, CustomStringConvertible, Sendable {
    case noTemplates
    case missingTemplate(String)
    case badTemplate(name: String, reason: String)

    public var description: String {
        switch self {
        case .noTemplates: "the bundled templates are missing"
        case .missingTemplate(let name): "no template named '\(name)'"
        case .badTemplate(let name, let reason): "template '\(name)' does not parse: \(reason)"
        }
    }
}
