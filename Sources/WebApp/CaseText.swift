import Foundation
import InstroomDomain
import Ledger

/// Case facts, audit actions and statuses as the commissie and the triagepunt read them.
enum CaseText {
    struct Fact {
        var name: String
        var value: String
    }

    static func kind(_ kind: CaseKind?) -> String {
        switch kind {
        case .vi: "Vi-gestelde"
        case .advies: "Advies"
        case .toezicht: "Toezicht"
        case nil: "onbekend"
        }
    }

    /// The link to a case's page, its id percent-encoded (ids come from intake files).
    static func href(_ caseId: String) -> String { "/zaken/" + CaseController.pathComponent(caseId) }

    static func code(_ raw: String) -> String { raw.replacingOccurrences(of: "_", with: " ") }

    static func facts(_ c: IntakeCase) -> [Fact] {
        var facts = [Fact(name: "Soort", value: kind(c.kind)), Fact(name: "Binnengekomen", value: c.received.description)]
        if let deadline = c.deadline { facts.append(Fact(name: "Termijn", value: deadline.description)) }
        let list = { (values: [String]) in values.isEmpty ? "geen" : values.map(code).joined(separator: ", ") }
        facts.append(Fact(name: "Delict", value: list(c.offences.map(\.rawValue))))
        facts.append(Fact(name: "Problematiek", value: list(c.problems.map(\.rawValue))))
        facts.append(Fact(name: "Interventies", value: list(c.interventions.map(\.rawValue))))
        facts.append(Fact(name: "SCIL", value: code(c.scil.rawValue) + (c.scilDate.map { " (\($0))" } ?? "")))
        facts.append(Fact(name: "RISc", value: c.risc.rawValue + (c.riscDate.map { " (\($0))" } ?? "")))
        if let region = c.region { facts.append(Fact(name: "Regio", value: region)) }
        if let relation = c.relation { facts.append(Fact(name: "Bestaande relatie", value: relation.displayName)) }
        if let intensity = c.intensity { facts.append(Fact(name: "Intensiteit", value: intensity.rawValue)) }
        if let age = c.age { facts.append(Fact(name: "Leeftijd", value: "\(age) jaar")) }
        if let weight = c.weight { facts.append(Fact(name: "Werklast", value: DutchNumber.amount(weight, upTo: 2, "punt", "punten"))) }
        return facts
    }

    static func action(_ action: AuditAction) -> String {
        switch action {
        case .wegingskader: "Wegingskader"
        case .run: "Verdeelrun"
        case .assign: "Toewijzing"
        case .escalate: "Escalatie"
        case .contest: "Betwisting"
        case .decide: "Besluit"
        case .resolve: "Afgehandeld"
        case .bandForecast: "Bandprognose"
        case .propose: "Voorstel"
        case .accept: "Akkoord"
        case .override: "Gemotiveerd afgeweken"
        case .confirm: "Dag bevestigd"
        case .purge: "Bewaartermijn verstreken"
        }
    }

    static func status(_ raw: String) -> String {
        switch raw {
        case "open": "open"
        case "decided": "besloten"
        case "resolved": "afgehandeld"
        case "superseded": "vervangen"
        default: raw
        }
    }

    struct AuditRow {
        var at: String
        var actor: String
        var action: String
        var detail: String
    }

    static func audit(_ entries: [AuditEntry]) -> [AuditRow] {
        entries.map { AuditRow(at: time($0.at), actor: $0.actor, action: action($0.action), detail: $0.detail) }
    }

    struct HistoryRow {
        var revision: Int
        var day: String
        var ro: String
        var final: Bool
        var source: String
        var at: String
    }

    static func history(_ records: [AssignmentRecord]) -> [HistoryRow] {
        records.map {
            HistoryRow(
                revision: $0.revision,
                day: $0.day,
                ro: $0.ro.displayName,
                final: $0.final,
                source: $0.source == .model ? "model" : "commissie",
                at: time($0.createdAt)
            )
        }
    }

    struct ScoreRow {
        var ro: String
        var score: String
        var best: Bool
        var current: Bool
        var explanations: [String]
    }

    static func scores(_ scores: [String: Int], best: RO?, current: RO?, reasons: [String: [String]]) -> [ScoreRow] {
        RO.allCases.map { ro in
            let points = scores[ro.rawValue]
            return ScoreRow(
                ro: ro.displayName,
                score: points.map { DutchNumber.count($0, "punt", "punten") } ?? "uitgesloten",
                best: ro == best,
                current: ro == current,
                explanations: reasons[ro.rawValue] ?? []
            )
        }
    }

    /// A ledger timestamp (ISO 8601, UTC) as Dutch local time: "2026-03-02 15:05".
    static func time(_ iso: String) -> String {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = parser.date(from: iso) ?? ISO8601DateFormatter().date(from: iso) else { return iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
