import Foundation

/// One of the three recognised probation organisations (3RO).
///
/// The raw values are the codes used in every file and in JSON output ("LJR" for LJ&R, because an
/// ampersand does not survive CSV headers, URLs and shell arguments well). `CodingKeyRepresentable`, like
/// the other fact enums, so `[RO: X]` encodes as a JSON object keyed by those codes.
public enum RO: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, OrderedByDeclaration, CustomStringConvertible {
    case SVG, RN, LJR

    /// The name as staff write it.
    public var displayName: String {
        switch self {
        case .SVG: "SVG"
        case .RN: "RN"
        case .LJR: "LJ&R"
        }
    }

    public var description: String { rawValue }

    /// Accepts the code in any case and "LJ&R" as written by staff.
    public init?(code: String) {
        let normalised = code.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "&", with: "")
        self.init(rawValue: normalised)
    }
}
