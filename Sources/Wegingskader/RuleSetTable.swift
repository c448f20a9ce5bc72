import Foundation
import InstroomDomain

extension FactField {
    /// Dutch name of the fact, as tables show it.
    public var dutchLabel: String {
        switch self {
        case .kind: "soort zaak"
        case .offence: "delict"
        case .problem: "problematiek"
        case .intervention: "interventie"
        case .scil: "SCIL"
        case .risc: "RISc"
        case .intensity: "intensiteit"
        case .relation: "bestaande relatie"
        case .region: "regio"
        case .youngAdult: "jongvolwassene"
        case .problemCount: "aantal problemen"
        }
    }
}

extension Condition {
    /// Dutch: "problematiek: dakloos en verslaving; interventie: werkstraf; aantal problemen ≥ 2".
    public var dutchDescription: String {
        clauses.map { clause in
            let name = clause.field.dutchLabel
            func words(_ values: [String]) -> [String] {
                clause.field == .youngAdult ? values.map { $0 == "true" ? "ja" : "nee" } : values
            }
            switch clause.test {
            case .anyOf(let values): return "\(name): " + words(values).joined(separator: " of ")
            case .allOf(let values): return "\(name): " + words(values).joined(separator: " en ")
            case .noneOf(let values): return "\(name): niet " + words(values).joined(separator: " of ")
            case .compare(let comparison, let bound):
                let symbol =
                    switch comparison {
                    case .atLeast: "≥"
                    case .atMost: "≤"
                    case .greater: ">"
                    case .less: "<"
                    case .equal: "="
                    }
                return "\(name) \(symbol) \(bound)"
            }
        }.joined(separator: "; ")
    }
}

/// The rule set as policy staff read it: a Dutch table for the terminal, and the rows and header the
/// `rule-table` page template renders (Pages; this module writes no HTML).
public enum RuleSetTable {
    public struct Row: Sendable {
        public var id: String
        public var axis: String
        public var condition: String
        /// One per RO, in `RO.allCases` order.
        public var weights: [String]
        public var explanation: String
    }

    /// The rows by section ("Basis", "Criteria", "Routes", "Uitsluitingen"), empty sections left out.
    public static func rows(_ rules: RuleSet) -> [(section: String, rows: [Row])] {
        func cells(_ w: [RO: Int]) -> [String] { RO.allCases.map { w[$0].map(Contribution.signed) ?? "" } }
        let base = Row(
            id: "basis",
            axis: "",
            condition: "elke zaak",
            weights: cells(rules.base),
            explanation: "\(RuleSet.baseLabel). \(RuleSet.baseRationale)"
        )
        var criteria: [Row] = []
        for c in rules.criteria {
            criteria.append(
                Row(
                    id: c.id,
                    axis: c.axis.label,
                    condition: c.condition.dutchDescription,
                    weights: cells(c.weights),
                    explanation: "\(c.label). \(c.rationale)"
                )
            )
            for level in RiscLevel.allCases {
                guard let w = c.byRisk[level] else { continue }
                criteria.append(
                    Row(
                        id: "",
                        axis: "",
                        condition: "bij RISc \(level.rawValue)",
                        weights: cells(w),
                        explanation: "\(c.label(at: level)) (vervangt de gewichten hierboven)"
                    )
                )
            }
        }
        func hard(_ ro: RO, _ mark: String) -> [String] { RO.allCases.map { $0 == ro ? mark : "" } }
        let routes = rules.routes.map {
            Row(
                id: $0.id,
                axis: "route",
                condition: $0.condition.dutchDescription,
                weights: hard($0.ro, "alleen"),
                explanation: "\($0.label). \($0.rationale)"
            )
        }
        let exclusions = rules.exclusions.map {
            Row(
                id: $0.id,
                axis: "uitsluiting",
                condition: $0.condition.dutchDescription,
                weights: hard($0.ro, "niet"),
                explanation: "\($0.label). \($0.rationale)"
            )
        }
        return [("Basis", [base]), ("Criteria", criteria), ("Routes", routes), ("Uitsluitingen", exclusions)]
            .filter { !$0.rows.isEmpty }
    }

    /// The title, and a line with the version, hash and thresholds.
    public static func header(_ rules: RuleSet) -> [String] {
        [
            "\(rules.title)",
            "Versie \(rules.version) · SHA-256 \(rules.shortHash) · bijna gelijk bij verschil ≤ \(rules.nearTieMargin)"
                + " · geen passende RO bij een beste score onder \(rules.minimumFit)"
                + " · gewichten \(rules.weightRange.lowerBound) t/m \(rules.weightRange.upperBound)",
        ]
    }

    public static let columns = ["id", "as", "voorwaarde"] + RO.allCases.map(\.displayName) + ["toelichting"]

    /// A plain-text table for the terminal; long explanations wrap within their column.
    public static func text(_ rules: RuleSet, explanationWidth: Int = 60) -> String {
        let sections = rows(rules)
        let all = sections.flatMap(\.rows)
        func width(_ header: String, _ value: (Row) -> String) -> Int {
            max(header.count, all.map { value($0).count }.max() ?? 0)
        }
        let widths =
            [
                width("id", \.id), width("as", \.axis), width("voorwaarde", \.condition),
            ] + RO.allCases.indices.map { i in width(RO.allCases[i].displayName) { $0.weights[i] } }
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        func line(_ cells: [String], _ explanation: String) -> String {
            (zip(cells, widths).map { pad($0, $1) } + [explanation]).joined(separator: "  ")
        }
        var out = header(rules) + [""]
        out.append(line(Array(columns.dropLast()), columns.last!))
        out.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * widths.count + explanationWidth))
        for section in sections {
            out.append("\(section.section):")
            for row in section.rows {
                let wrapped = wrap(row.explanation, width: explanationWidth)
                out.append(line([row.id, row.axis, row.condition] + row.weights, wrapped.first ?? ""))
                for more in wrapped.dropFirst() { out.append(line(Array(repeating: "", count: widths.count), more)) }
            }
        }
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n") + "\n"
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
