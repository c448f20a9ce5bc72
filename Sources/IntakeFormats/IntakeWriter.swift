import Foundation
import InstroomDomain

/// Writes intake files that ``IntakeReader`` reads back to the same cases. Output is deterministic:
/// the same cases give the same bytes on every machine.
public enum IntakeWriter {
    /// The CSV header, in this order: id, kind, received, deadline, offence, problem, intervention, scil,
    /// scil_date, risc, risc_date, region, relation, intensity, age, weight.
    public static let columns: [String] = IntakeColumn.allCases.map(\.rawValue)

    /// CSV text with a header line; lists are joined with `|`, absent values are empty cells, and cells
    /// with a separator, quote, line break or surrounding spaces are quoted (RFC 4180).
    public static func csv(_ cases: [IntakeCase], dialect: CSVDialect = .standard) -> String {
        let separator = dialect == .standard ? "," : ";"
        let newline = dialect == .standard ? "\n" : "\r\n"
        var out = columns.joined(separator: separator) + newline
        for c in cases {
            out += cells(c, dialect: dialect).map { quote($0, separator: separator) }.joined(separator: separator) + newline
        }
        return out
    }

    /// The bytes of a CSV file; the Dutch Excel dialect starts with a UTF-8 BOM.
    public static func csvData(_ cases: [IntakeCase], dialect: CSVDialect = .standard) -> Data {
        var data = Data()
        if dialect == .dutchExcel { data.append(contentsOf: TextDecoding.utf8BOM) }
        data.append(contentsOf: Array(csv(cases, dialect: dialect).utf8))
        return data
    }

    /// Pretty JSON `{"cases": [...]}` with keys sorted; absent values and empty lists are left out,
    /// `scil` and `risc` are always written (also when `onbekend`).
    public static func json(_ cases: [IntakeCase]) -> Data {
        var out = "{\n  \"cases\" : ["
        for (index, c) in cases.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            var members: [(String, String)] = [
                ("id", string(c.id)), ("kind", string(c.kind.rawValue)), ("received", string(c.received.description)),
                ("scil", string(c.scil.rawValue)), ("risc", string(c.risc.rawValue)),
            ]
            if let d = c.deadline { members.append(("deadline", string(d.description))) }
            if !c.offences.isEmpty { members.append(("offence", array(c.offences.map(\.rawValue)))) }
            if !c.problems.isEmpty { members.append(("problem", array(c.problems.map(\.rawValue)))) }
            if !c.interventions.isEmpty { members.append(("intervention", array(c.interventions.map(\.rawValue)))) }
            if let d = c.scilDate { members.append(("scil_date", string(d.description))) }
            if let d = c.riscDate { members.append(("risc_date", string(d.description))) }
            if let r = c.region { members.append(("region", string(r))) }
            if let r = c.relation { members.append(("relation", string(r.rawValue))) }
            if let i = c.intensity { members.append(("intensity", string(i.rawValue))) }
            if let a = c.age { members.append(("age", String(a))) }
            if let w = c.weight { members.append(("weight", number(w))) }
            members.sort { $0.0 < $1.0 }
            out += "    {\n"
            out += members.map { "      \(string($0.0)) : \($0.1)" }.joined(separator: ",\n")
            out += "\n    }"
        }
        out += cases.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return Data(out.utf8)
    }

    // MARK: Cells

    static func cells(_ c: IntakeCase, dialect: CSVDialect) -> [String] {
        func date(_ d: Day?) -> String {
            guard let d else { return "" }
            if dialect == .standard { return d.description }
            let (y, m, day) = d.components
            return "\(day < 10 ? "0" : "")\(day)-\(m < 10 ? "0" : "")\(m)-\(y)"
        }
        return IntakeColumn.allCases.map { column in
            switch column {
            case .id: c.id
            case .kind: c.kind.rawValue
            case .received: date(c.received)
            case .deadline: date(c.deadline)
            case .offence: c.offences.map(\.rawValue).joined(separator: "|")
            case .problem: c.problems.map(\.rawValue).joined(separator: "|")
            case .intervention: c.interventions.map(\.rawValue).joined(separator: "|")
            case .scil: c.scil.rawValue
            case .scilDate: date(c.scilDate)
            case .risc: c.risc.rawValue
            case .riscDate: date(c.riscDate)
            case .region: c.region ?? ""
            case .relation: c.relation?.rawValue ?? ""
            case .intensity: c.intensity?.rawValue ?? ""
            case .age: c.age.map(String.init) ?? ""
            case .weight:
                c.weight.map { w in dialect == .standard ? number(w) : number(w).replacingOccurrences(of: ".", with: ",") } ?? ""
            }
        }
    }

    static func quote(_ cell: String, separator: String) -> String {
        let needsQuotes =
            cell.contains(separator) || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
            || cell != cell.trimmingCharacters(in: .whitespaces)
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The shortest text that reads back to the same Double; whole numbers without ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON string literal, escaped by Foundation's encoder (control characters, quotes, backslashes).
    static func string(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding a String cannot fail.
        return String(decoding: try! encoder.encode(s), as: UTF8.self)
    }

    static func array(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }
}
