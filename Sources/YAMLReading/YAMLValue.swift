import Foundation
import InstroomDomain
import Yams

/// A YAML node with its file and path, so every error can name file, line and field.
///
/// Configuration, rule and scenario files are written by people; Codable decoding would lose the line
/// and accept unknown keys silently. This reader rejects unknown keys and reports where.
public struct YAMLValue {
    public let file: String
    public let path: String
    let node: Node

    public var line: Int? { node.mark?.line }

    /// Parses a whole file's text. Syntax errors carry the line libyaml reports.
    public static func parse(_ text: String, file: String) throws -> YAMLValue {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw InputError(file: file, line: 1, "the file is empty", dutch: "het bestand is leeg")
            }
            return YAMLValue(file: file, path: "", node: node)
        } catch let error as YamlError {
            throw InputError(
                file: file,
                line: YAMLValue.line(of: error),
                "not valid YAML: \(YAMLValue.problem(of: error))",
                dutch: "geen geldige YAML; controleer op deze regel het inspringen, de dubbele punt na elke sleutel en de aanhalingstekens"
            )
        }
    }

    public static func load(contentsOf url: URL) throws -> YAMLValue {
        try parse(try InputFile.text(at: url), file: url.path)
    }

    /// An error at this value: `message` in English for the command line, `dutch` for the web app.
    public func error(_ message: String, dutch: String) -> InputError {
        InputError(file: file, line: line, field: path, message, dutch: dutch)
    }

    private func child(_ key: String, _ node: Node) -> YAMLValue {
        YAMLValue(file: file, path: path.isEmpty ? key : "\(path).\(key)", node: node)
    }

    public var isNull: Bool {
        if case .scalar(let s) = node { return s.string == "~" || s.string == "null" || (s.string.isEmpty && s.style == .plain) }
        return false
    }

    /// The mapping's entries in file order; unknown keys are an error naming their line.
    public func mapping(allowed: Set<String>? = nil) throws -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping (key: value lines)", dutch: "verwacht regels ‘sleutel: waarde’")
        }
        var seen = Set<String>()
        var result: [(String, YAMLValue)] = []
        for (k, v) in mapping {
            guard let key = k.string else { throw error("a key must be text", dutch: "een sleutel moet tekst zijn") }
            let value = child(key, v)
            if let allowed, !allowed.contains(key) {
                throw InputError(
                    file: file,
                    line: k.mark?.line,
                    field: value.path,
                    "unknown field; expected one of: \(allowed.sorted().joined(separator: ", "))",
                    dutch: "onbekend veld; verwacht een van: \(allowed.sorted().joined(separator: ", "))"
                )
            }
            guard seen.insert(key).inserted else {
                throw InputError(file: file, line: k.mark?.line, field: value.path, "duplicate field", dutch: "veld staat er twee keer in")
            }
            result.append((key, value))
        }
        return result
    }

    /// The mapping as a dictionary, for files where order carries no meaning.
    public func fields(allowed: Set<String>, required: Set<String> = []) throws -> [String: YAMLValue] {
        let entries = try mapping(allowed: allowed)
        let dict = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        for key in required.sorted() where dict[key] == nil {
            throw error("missing required field '\(key)'", dutch: "verplicht veld ‘\(key)’ ontbreekt")
        }
        return dict
    }

    public func sequence() throws -> [YAMLValue] {
        guard case .sequence(let seq) = node else {
            throw error("expected a list (lines starting with '-')", dutch: "verwacht een lijst (regels die met ‘-’ beginnen)")
        }
        return seq.enumerated().map { YAMLValue(file: file, path: "\(path)[\($0.offset)]", node: $0.element) }
    }

    /// A list, or a single scalar read as a one-element list (`problem: verslaving`).
    public func scalarList() throws -> [String] {
        if case .sequence = node { return try sequence().map { try $0.string() } }
        return [try string()]
    }

    public func string() throws -> String {
        guard case .scalar(let s) = node else { throw error("expected a single value", dutch: "verwacht één waarde") }
        return s.string
    }

    public func double(in range: ClosedRange<Double>? = nil) throws -> Double {
        let text = try string()
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
            throw error("expected a number, found '\(text)'", dutch: "verwacht een getal, gevonden: ‘\(text)’")
        }
        if let range, !range.contains(value) {
            throw error(
                "\(text) is outside the allowed range \(range.lowerBound)...\(range.upperBound)",
                dutch:
                    "\(text) ligt buiten het toegestane bereik van \(DutchNumber.decimal(range.lowerBound, upTo: 6)) tot en met \(DutchNumber.decimal(range.upperBound, upTo: 6))"
            )
        }
        return value
    }

    public func int(in range: ClosedRange<Int>? = nil) throws -> Int {
        let text = try string()
        guard let value = Int(text) else {
            throw error("expected a whole number, found '\(text)'", dutch: "verwacht een geheel getal, gevonden: ‘\(text)’")
        }
        if let range, !range.contains(value) {
            throw error(
                "\(value) is outside the allowed range \(range.lowerBound)...\(range.upperBound)",
                dutch: "\(value) ligt buiten het toegestane bereik van \(range.lowerBound) tot en met \(range.upperBound)"
            )
        }
        return value
    }

    /// A date (`YYYY-MM-DD` or `DD-MM-YYYY`) in `Day.supportedYears`.
    public func day() throws -> Day {
        let text = try string()
        do { return try Day(parsing: text) } catch { throw self.error(error.description, dutch: error.dutch) }
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "ja", "on": return true
        case "false", "no", "nee", "off": return false
        default: throw error("expected true or false", dutch: "verwacht true of false (ja of nee)")
        }
    }

    /// A value from a fixed vocabulary, with the allowed words in the error.
    public func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(
                "unknown value '\(text)'; expected one of: \(allowed)",
                dutch: "onbekende waarde ‘\(text)’; verwacht een van: \(allowed)"
            )
        }
        return value
    }

    public func ro() throws -> RO {
        let text = try string()
        guard let ro = RO(code: text) else { throw unknownRO(text) }
        return ro
    }

    /// The error for `text` at this value naming no RO.
    public func unknownRO(_ text: String) -> InputError {
        error("unknown RO '\(text)'; expected SVG, RN or LJR", dutch: "onbekende RO ‘\(text)’; verwacht SVG, RN of LJR")
    }

    /// A mapping from RO code to value, rejecting anything that is not an RO.
    public func perRO<T>(_ read: (YAMLValue) throws -> T) throws -> [RO: T] {
        var result: [RO: T] = [:]
        for (key, value) in try mapping() {
            guard let ro = RO(code: key) else {
                throw value.unknownRO(key)
            }
            result[ro] = try read(value)
        }
        return result
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default: return "\(error)"
        }
    }
}
