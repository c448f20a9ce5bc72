/// Escaping for the Dutch HTML pages (commissie report, scenario report, rule table): every text
/// that came from a file or a person goes through here.
public enum HTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for character in s {
            if let entity = entities[character] { out += entity } else { out.append(character) }
        }
        return out
    }

    /// The five characters that can end a text or an attribute value.
    static let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
}
