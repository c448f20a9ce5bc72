import Allocation
import Foundation
import InstroomDomain
import Ledger
import Wegingskader

/// The begeleidingscommissie's report over a period, written as the agenda of its meeting: first every
/// escalation still open, grouped by reason and overdue first (what the meeting must decide), then the
/// decisions, then the figures: escalations by reason and by RO, lead time, how often the commissie changed
/// the model's choice and which wegingskader criteria fired in those cases (SOM's "gemotiveerd afwijken":
/// deviations are the model's most valuable feedback). `html()` renders it as a standalone Dutch page that
/// also prints on A4.
public struct CommissieReport: Codable, Sendable {
    public struct ReasonCount: Codable, Sendable, Equatable {
        public var code: EscalationCode
        public var label: String
        /// Escalations that carry this reason (a case may carry several).
        public var count: Int
        /// Escalations whose primary reason it is.
        public var primary: Int
        public var decided: Int
        public var moved: Int
        /// Per provisional RO code.
        public var perRO: [String: Int]
    }

    public struct ROCount: Codable, Sendable, Equatable {
        public var ro: RO
        /// Escalated cases provisionally at this RO.
        public var escalations: Int
        public var confirmed: Int
        public var movedAway: Int
        public var movedTo: Int
        public var open: Int
    }

    public struct DecisionRow: Codable, Sendable, Equatable {
        public var escalationId: Int64
        public var caseId: String
        public var reason: EscalationCode
        public var escalatedOn: String
        public var decision: Commissie.DecisionView
    }

    /// One item of the agenda: the open escalations whose primary reason is `code`, overdue first
    /// (longest overdue first), then oldest first.
    public struct AgendaGroup: Codable, Sendable, Equatable {
        public var code: EscalationCode
        public var label: String
        public var overdue: Int
        public var escalations: [Commissie.EscalationView]
    }

    public struct LeadTime: Codable, Sendable, Equatable {
        public var decisions: Int
        public var meanDays: Double?
        public var medianDays: Double?
        public var maxDays: Int?
        public var withinDeadline: Int
    }

    /// A wegingskader criterion that fired in decided cases: how often the commissie then moved or confirmed.
    public struct CriterionRow: Codable, Sendable, Equatable {
        public var ruleId: String
        public var label: String
        public var ro: RO
        public var points: Int
        public var kind: String
        public var moved: Int
        public var confirmed: Int
        /// In moved cases: the criterion favoured the model's RO (the commissie went against it) ...
        public var favouredModelRO: Int
        /// ... or the RO the commissie chose.
        public var favouredCommissieRO: Int
    }

    public var from: Day
    public var to: Day
    public var asOf: Day
    public var escalations: Int
    public var decided: Int
    public var resolved: Int
    public var moved: Int
    public var confirmed: Int
    public var byReason: [ReasonCount]
    public var byRO: [ROCount]
    public var decisions: [DecisionRow]
    public var leadTime: LeadTime
    public var criteria: [CriterionRow]
    /// Every escalation still open that was raised up to the end of the period, also before it (carried
    /// over: nothing drops off the agenda because a period ended), and those among them past their deadline.
    public var open: [Commissie.EscalationView]
    public var overdue: [Commissie.EscalationView]
    /// `open` by primary reason, in the order of the reasons' codes; reasons with nothing open are left out.
    public var agenda: [AgendaGroup]
    /// Open escalations raised before the period.
    public var carriedOver: Int
    /// Band forecasts raised in the period, latest per RO first; `bandForecastDays` counts runs with a forecast per RO.
    public var bandAlerts: [Commissie.BandAlertView]
    public var bandForecastDays: [String: Int]

    /// The report for [from, to], with open/overdue judged on `asOf`.
    public static func build(_ commissie: Commissie, from: Day, to: Day, asOf: Day) throws -> CommissieReport {
        let ledger = commissie.ledger
        let records = try ledger.escalations().filter { Day($0.day).map { $0 >= from && $0 <= to } ?? false }
        let views = try records.map { try commissie.view($0, on: asOf) }
        var byReason: [ReasonCount] = []
        for code in EscalationCode.allCases where code != .bandForecast {
            let with = views.filter { v in v.reasons.contains { $0.code == code } }
            var perRO: [String: Int] = [:]
            for v in with { perRO[v.provisionalRO?.rawValue ?? "-", default: 0] += 1 }
            byReason.append(
                ReasonCount(
                    code: code,
                    label: code.label,
                    count: with.count,
                    primary: with.filter { $0.reason == code }.count,
                    decided: with.filter { $0.decision != nil }.count,
                    moved: with.filter { $0.decision?.action == "move" }.count,
                    perRO: perRO
                )
            )
        }
        let alerts = try ledger.bandAlerts().filter { Day($0.day).map { $0 >= from && $0 <= to } ?? false }
        var forecastDays: [String: Int] = [:]
        for a in alerts { forecastDays[a.ro.rawValue, default: 0] += 1 }
        byReason.append(
            ReasonCount(
                code: .bandForecast,
                label: EscalationCode.bandForecast.label,
                count: alerts.count,
                primary: alerts.count,
                decided: 0,
                moved: 0,
                perRO: forecastDays
            )
        )
        let latestAlerts = RO.allCases.compactMap { ro in alerts.last { $0.ro == ro } }.map { commissie.view($0, on: asOf) }

        let byRO = RO.allCases.map { ro in
            let at = views.filter { $0.provisionalRO == ro }
            return ROCount(
                ro: ro,
                escalations: at.count,
                confirmed: at.filter { $0.decision?.action == "confirm" }.count,
                movedAway: at.filter { $0.decision?.action == "move" }.count,
                movedTo: views.filter { $0.decision?.action == "move" && $0.decision?.roAfter == ro }.count,
                open: at.filter { $0.status == "open" }.count
            )
        }
        // The agenda: open on `asOf`, raised up to `to` (earlier periods included).
        let earlier = try ledger.escalations(openOnly: true, from: nil, to: from.adding(days: -1)).map { try commissie.view($0, on: asOf) }
        let open = earlier + views.filter { $0.status == "open" }
        let agenda = EscalationCode.allCases.compactMap { code -> AgendaGroup? in
            let items = open.filter { $0.reason == code }.sorted { a, b in
                (a.overdue ? 0 : 1, -a.workingDaysOverdue, a.day, a.id) < (b.overdue ? 0 : 1, -b.workingDaysOverdue, b.day, b.id)
            }
            return items.isEmpty
                ? nil : AgendaGroup(code: code, label: code.label, overdue: items.filter(\.overdue).count, escalations: items)
        }
        let decisions = views.compactMap { v in
            v.decision.map { DecisionRow(escalationId: v.id, caseId: v.caseId, reason: v.reason, escalatedOn: v.day, decision: $0) }
        }
        let days = decisions.map(\.decision.days).sorted()
        let median: Double? =
            days.isEmpty
            ? nil : (days.count % 2 == 1 ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2)
        let within = decisions.filter { row in
            guard let deadline = records.first(where: { $0.id == row.escalationId }).flatMap({ Day($0.deadline) }),
                let decided = Day(String(row.decision.decidedAt.prefix(10)))
            else { return false }
            return decided <= deadline
        }.count
        let lead = LeadTime(
            decisions: days.count,
            meanDays: days.isEmpty ? nil : Double(days.reduce(0, +)) / Double(days.count),
            medianDays: median,
            maxDays: days.max(),
            withinDeadline: within
        )

        return CommissieReport(
            from: from,
            to: to,
            asOf: asOf,
            escalations: views.count,
            decided: decisions.count,
            resolved: views.filter { $0.status == "resolved" }.count,
            moved: decisions.filter { $0.decision.action == "move" }.count,
            confirmed: decisions.filter { $0.decision.action == "confirm" }.count,
            byReason: byReason,
            byRO: byRO,
            decisions: decisions,
            leadTime: lead,
            criteria: try criteria(decisions, ledger: ledger, staleAfterDays: commissie.config.staleAfterDays),
            open: open,
            overdue: open.filter(\.overdue),
            agenda: agenda,
            carriedOver: earlier.count,
            bandAlerts: latestAlerts,
            bandForecastDays: forecastDays
        )
    }

    /// Re-scores each decided case with the rule set version it was allocated under (stored in the ledger)
    /// to name the criteria that fired, and counts them for moved and confirmed cases.
    static func criteria(_ decisions: [DecisionRow], ledger: Ledger, staleAfterDays: Int) throws -> [CriterionRow] {
        var ruleSets: [String: RuleSet] = [:]
        var rows: [String: CriterionRow] = [:]
        for row in decisions {
            guard let facts = try ledger.intakeCase(id: row.caseId), let first = try ledger.history(caseId: row.caseId).first,
                let day = Day(row.escalatedOn)
            else { continue }
            if ruleSets[first.ruleHash] == nil, let stored = try ledger.ruleSet(hash: first.ruleHash) {
                ruleSets[first.ruleHash] = try? RuleSet.parse(stored.source, file: "wegingskader \(stored.version)")
            }
            guard let rules = ruleSets[first.ruleHash] else { continue }
            let score = rules.score(FactView(facts, on: day, staleAfterDays: staleAfterDays))
            let moved = row.decision.action == "move"
            for c in score.contributions where c.kind != .base && c.points != 0 {
                let key = "\(c.ruleId)|\(c.ro.rawValue)"
                var r =
                    rows[key]
                    ?? CriterionRow(
                        ruleId: c.ruleId,
                        label: c.label,
                        ro: c.ro,
                        points: c.points,
                        kind: c.kind.rawValue,
                        moved: 0,
                        confirmed: 0,
                        favouredModelRO: 0,
                        favouredCommissieRO: 0
                    )
                if moved {
                    r.moved += 1
                    if c.points > 0 && c.ro == row.decision.roBefore { r.favouredModelRO += 1 }
                    if c.points > 0 && c.ro == row.decision.roAfter { r.favouredCommissieRO += 1 }
                } else {
                    r.confirmed += 1
                }
                rows[key] = r
            }
        }
        return rows.values.sorted { ($0.moved, $0.confirmed, $1.ruleId, $1.ro) > ($1.moved, $1.confirmed, $0.ruleId, $0.ro) }
    }

    /// Parses `2026`, `2026-Q1` or `2026-03` into the first and last day of that period.
    public static func period(_ text: String) -> (from: Day, to: Day)? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = t.split(separator: "-")
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4, let jan = Day(year: year, month: 1, day: 1) else {
            return nil
        }
        if parts.count == 1 { return (jan, BandPeriod.year.end(of: jan)) }
        guard parts.count == 2 else { return nil }
        if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q),
            let first = Day(year: year, month: (q - 1) * 3 + 1, day: 1)
        {
            return (first, BandPeriod.quarter.end(of: first))
        }
        if let m = Int(parts[1]), let first = Day(year: year, month: m, day: 1) { return (first, BandPeriod.month.end(of: first)) }
        return nil
    }
}
