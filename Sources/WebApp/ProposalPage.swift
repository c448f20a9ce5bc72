import Foundation
import InstroomDomain
import Ledger
import Review
import Triage
import Wegingskader

/// A day's proposal as the triagepunt reviews it: the figures, the review list with its actions, the
/// whole day as a sortable, filterable table, and per case the explanation (scores per RO, the criteria
/// that fired, continuity, the band or capacity that pushed it, the tie rule and the step that decided).
struct ProposalPage {
    /// One line of the day's list, also the row of the downloadable CSV.
    struct Row {
        var caseId: String
        var kind: String
        var ro: String
        /// The fit of the proposed RO ("8 punten"), and its number for sorting.
        var fit: String
        var fitValue: Int
        var bestFit: String
        var weight: String
        var reason: String
        var queue: String
        var state: String
        var by: String
        var note: String
    }

    /// A review item with what can be done with it.
    struct ReviewRow {
        var index: Int
        var caseId: String
        var ro: String
        var reason: String
        var detail: String?
        var state: String
        var open: Bool
        var by: String?
        var note: String?
        var roOptions: [Option]
    }

    struct Explanation {
        var caseId: String
        var kind: String
        var headline: String
        var tie: String?
        var continuity: String?
        var reasons: [String]
        var judgement: String?
        var flags: [String]
        var scores: [CaseText.ScoreRow]
        var hasScores: Bool
    }

    /// An RO's share of the period after this proposal, against its band, and today's capacity use.
    struct ShareRow {
        var ro: String
        var share: String
        var band: String
        var within: Bool
        var capacity: String
    }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    var day: String
    var base: String
    var summary: [String]
    var ruleSet: String
    var createdBy: String
    var shares: [ShareRow]
    var review: [ReviewRow]
    var openCount: Int
    var openText: String
    var commissie: [ReviewRow]
    var rows: [Row]
    var shown: String
    var explanations: [Explanation]
    var show: [Option]
    var roFilter: [Option]
    var search: String
    var allRO: [Option]

    /// The filters of the table: which list (`toon`), which RO and a case-id fragment (`zaak`).
    struct Filter {
        var show: String = "alle"
        var ro: String = ""
        var search: String = ""

        static let choices: [(String, String)] = [
            ("alle", "Alle zaken"), ("beoordeling", "Op de reviewlijst"), ("open", "Open reviewpunten"),
            ("commissie", "Naar de begeleidingscommissie"), ("afgeweken", "Gemotiveerd afgeweken"), ("wacht", "Wachtend op capaciteit"),
        ]
    }

    init(_ proposal: DayProposal, record: ProposalRecord, filter: Filter) {
        let report = proposal.report
        day = proposal.day.description
        base = "/triage/voorstellen/" + day
        let kinds = Dictionary(record.content.cases.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let lines = Dictionary(report.assignments.map { ($0.caseId, $0) }, uniquingKeysWith: { a, _ in a })
        let escalations = Dictionary(report.escalations.map { ($0.caseId, $0) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary((proposal.review + proposal.commissie).map { ($0.caseId, $0) }, uniquingKeysWith: { a, _ in a })
        let reviewIds = Set(proposal.review.map(\.caseId))
        let commissieIds = Set(proposal.commissie.map(\.caseId))
        let caseIds = record.content.cases.map(\.id).sorted()

        let waiting = report.waiting.count
        summary = [
            "\(DutchNumber.count(caseIds.count, "zaak", "zaken")) in dit voorstel (\(DutchNumber.integer(record.content.newCaseIds.count)) nieuw), "
                + "\(DutchNumber.integer(report.assignments.count)) toegewezen, \(DutchNumber.integer(waiting)) "
                + (waiting == 1 ? "wacht" : "wachten") + " op capaciteit.",
            "Reviewlijst: \(DutchNumber.count(proposal.review.count, "zaak", "zaken")), waarvan \(DutchNumber.integer(proposal.open.count)) open; "
                + "naar de begeleidingscommissie: \(DutchNumber.count(proposal.commissie.count, "zaak", "zaken")); "
                + "gemotiveerd afgeweken: \(DutchNumber.count(proposal.overrides.count, "zaak", "zaken")).",
            "Totale fit \(DutchNumber.count(report.fit, "punt", "punten")); oplosser: \(Self.status(report.status)).",
        ]
        ruleSet = "\(report.ruleSet.version) (\(String(report.ruleSet.hash.prefix(12))))"
        createdBy =
            "Voorgesteld door \(record.createdBy) op \(CaseText.time(record.createdAt)); laatst gewijzigd \(CaseText.time(record.updatedAt))."
        shares = RO.allCases.compactMap { ro in
            report.shares[ro.rawValue].map { s in
                ShareRow(
                    ro: ro.displayName,
                    share: DutchNumber.percent(s.share),
                    band: s.band.label + (s.band.mode == .hard ? " (hard)" : " (zacht)"),
                    within: s.withinBand,
                    capacity:
                        "\(DutchNumber.decimal(s.capacityUsed, upTo: 1)) van \(DutchNumber.amount(s.capacity, upTo: 1, "punt", "punten"))"
                )
            }
        }
        openCount = proposal.open.count
        openText = DutchNumber.count(openCount, "open punt", "open punten")

        func roText(_ ro: RO?) -> String { ro?.displayName ?? "wacht" }
        func options(except ro: RO?) -> [Option] {
            RO.allCases.filter { $0 != ro }.map { Option(value: $0.rawValue, label: $0.displayName, selected: false) }
        }
        func reviewRow(_ item: DayProposal.Item, _ index: Int) -> ReviewRow {
            let primary = ReviewRouting.primary(of: item.reasons)
            return ReviewRow(
                index: index,
                caseId: item.caseId,
                ro: roText(item.ro),
                reason: primary?.label ?? (item.state == .contested ? EscalationCode.contested.label : "–"),
                detail: Self.nonEmpty(item.reasons.map(\.detail).filter { !$0.isEmpty }.joined(separator: " ")),
                state: item.queue == .commissie && item.state == .open ? "naar de commissie" : item.state.label,
                open: item.state == .open,
                by: item.by.flatMap(Self.nonEmpty),
                note: item.note.flatMap(Self.nonEmpty),
                roOptions: options(except: item.ro)
            )
        }
        review = proposal.review.enumerated().map { reviewRow($1, $0 + 1) }
        commissie = proposal.commissie.enumerated().map { reviewRow($1, proposal.review.count + $0 + 1) }

        var all: [Row] = []
        var explained: [Explanation] = []
        for id in caseIds {
            let line = lines[id]
            let escalation = escalations[id]
            let item = items[id]
            let override = proposal.overrides[id]
            let fitValue = line.map { $0.scores[$0.ro.rawValue] ?? 0 } ?? 0
            let best = line.map { TieDecision.label($0.bestFits ?? [$0.bestFit]) } ?? "–"
            var reason = escalation?.label ?? ""
            if reason.isEmpty, let tie = line?.tie { reason = "Gelijke score (\(TieDecision.label(tie.tied)))" }
            if reason.isEmpty, item?.state == .contested { reason = EscalationCode.contested.label }
            let queue: String =
                item?.state == .contested || commissieIds.contains(id)
                ? ReviewQueue.commissie.label : reviewIds.contains(id) ? ReviewQueue.triage.label : escalation != nil ? "geen lijst" : ""
            all.append(
                Row(
                    caseId: id,
                    kind: CaseText.kind(kinds[id]),
                    ro: roText(line?.ro),
                    fit: line == nil ? "–" : DutchNumber.count(fitValue, "punt", "punten"),
                    fitValue: fitValue,
                    bestFit: best,
                    weight: line.map { DutchNumber.decimal($0.weight, upTo: 2) } ?? "",
                    reason: reason,
                    queue: queue,
                    state: item.map { $0.queue == .commissie && $0.state == .open ? "naar de commissie" : $0.state.label } ?? "",
                    by: item?.by ?? "",
                    note: item?.note ?? ""
                )
            )
            var judgement: String?
            if let override {
                judgement =
                    "Gemotiveerd afgeweken door \(override.by): naar \(override.ro.displayName)"
                    + (override.proposedRO.map { " in plaats van \($0.displayName)" } ?? "")
                    + "; \(override.costInDutch). Reden: \(override.reason)"
            } else if let item, item.state == .contested {
                judgement = "Betwist door \(item.by ?? "?"): \(item.note ?? "")"
            } else if let item, item.state == .accepted {
                judgement = "Beoordeeld en akkoord (\(item.by ?? "?"))."
            }
            explained.append(
                Explanation(
                    caseId: id,
                    kind: CaseText.kind(kinds[id]),
                    headline: line.map {
                        "Voorgesteld: \($0.ro.displayName) (\(DutchNumber.count(fitValue, "punt", "punten"))); beste match \(best)."
                    } ?? "Wacht op capaciteit: geen RO met een passende plek heeft vandaag ruimte.",
                    tie: line?.tie?.explanation,
                    continuity: line?.continuity.map {
                        "Bestaande relatie met \($0.displayName): de continuïteitsbonus telt mee voor \($0.displayName)."
                    },
                    reasons: (escalation?.reasons ?? []).map { reason in
                        let list = reason.queue.map { " (\($0.label))" } ?? " (op geen lijst)"
                        return reason.label + (reason.detail.isEmpty ? "" : ": " + reason.detail) + list
                    },
                    judgement: judgement,
                    flags: line?.flags.map(\.label) ?? [],
                    scores: line.map { CaseText.scores($0.scores, best: $0.bestFit, current: $0.ro, reasons: $0.reasons) } ?? [],
                    hasScores: line != nil
                )
            )
        }
        let search = filter.search.lowercased()
        rows = all.filter { row in
            let passes: Bool =
                switch filter.show {
                case "beoordeling": reviewIds.contains(row.caseId)
                case "open": reviewIds.contains(row.caseId) && row.state == ReviewState.open.label
                case "commissie": row.queue == ReviewQueue.commissie.label
                case "afgeweken": proposal.overrides[row.caseId] != nil
                case "wacht": row.ro == "wacht"
                default: true
                }
            let ro = filter.ro.isEmpty || lines[row.caseId]?.ro.rawValue == filter.ro
            return passes && ro && (search.isEmpty || row.caseId.lowercased().contains(search))
        }
        shown =
            rows.count == all.count
            ? "Alle \(DutchNumber.count(all.count, "zaak", "zaken"))."
            : "\(DutchNumber.integer(rows.count)) van de \(DutchNumber.count(all.count, "zaak", "zaken")) (gefilterd)."
        explanations = explained
        show = Filter.choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == filter.show) }
        roFilter =
            [Option(value: "", label: "Alle RO's", selected: filter.ro.isEmpty)]
            + RO.allCases.map { Option(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == filter.ro) }
        self.search = filter.search
        allRO = RO.allCases.map { Option(value: $0.rawValue, label: $0.displayName, selected: false) }
    }

    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    static func status(_ raw: String) -> String {
        switch raw {
        case "optimal": "optimaal"
        case "feasible": "toegelaten oplossing (tijdslimiet bereikt)"
        default: raw
        }
    }

    /// The day's list as Dutch Excel opens it.
    static let csvHeader = [
        "Zaak", "Soort", "RO", "Fit (punten)", "Beste match", "Werklast", "Reden", "Lijst", "Beoordeling", "Door", "Toelichting",
    ]

    static func csvRows(_ rows: [Row]) -> [[String]] {
        rows.map {
            [
                $0.caseId, $0.kind, $0.ro, $0.fit == "–" ? "" : String($0.fitValue), $0.bestFit, $0.weight, $0.reason, $0.queue, $0.state,
                $0.by, $0.note,
            ]
        }
    }
}
