import Foundation

/// The columns of an intake file (CSV header, JSON keys), in the order the writer uses.
public enum IntakeColumn: String, CaseIterable, Sendable {
    case id, kind, received, deadline, offence, problem, intervention
    case scil
    case scilDate = "scil_date"
    case risc
    case riscDate = "risc_date"
    case region, relation, intensity, age, weight

    /// Columns every case must fill.
    public static let required: [IntakeColumn] = [.id, .kind, .received]

    /// The column a header or key names: case-insensitive, `_`, `-` and spaces ignored (so `scil_date`,
    /// `scilDate` and `SCIL date` are one column). The plurals `offences`, `problems`, `interventions`
    /// (the names `IntakeCase` encodes with) are accepted too.
    public init?(header: String) {
        let key = Self.normalise(header)
        if let column = Self.byKey[key] {
            self = column
        } else {
            return nil
        }
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !"_- \t".unicodeScalars.contains($0) })
    }

    private static let byKey: [String: IntakeColumn] = {
        var map: [String: IntakeColumn] = [:]
        for c in allCases { map[normalise(c.rawValue)] = c }
        map["offences"] = .offence
        map["problems"] = .problem
        map["interventions"] = .intervention
        return map
    }()

    static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
