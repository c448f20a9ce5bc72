import Foundation
import InstroomDomain
import Pages
import Simulation

/// The scenario list (with the runs of this server) and one run's progress or result.
struct ScenarioListContent {
    struct Item {
        var file: String
        var title: String
        var description: String
        var baseline: Bool
    }

    struct JobRow {
        var id: Int
        var what: String
        var status: String
        var startedBy: String
    }

    var items: [Item]
    var problems: [String]
    var jobs: [JobRow]
    var folder: String
}

struct ScenarioJobContent {
    struct Row {
        var title: String
        var baseline: Bool
        var assigned: String
        var atBestFit: String
        var fitLostToBands: String
        var fitLostToCapacity: String
        var escalated: String
        var waitingAtEnd: String
        var hardBandFailureDays: String
        var shares: String
    }

    var id: Int
    var what: String
    var startedBy: String
    var running: Bool
    var done: Int
    var total: Int
    var progress: String
    var failure: String?
    var finished: Bool
    var rows: [Row]
    /// The report's table of differences with the baseline, through the same `report-table` partial.
    var difference: ReportTable?

    init(_ job: ScenarioJob) {
        let state = job.snapshot
        id = job.id
        what = job.files.joined(separator: ", ")
        startedBy = job.startedBy
        done = state.done
        total = max(state.total, 1)
        progress =
            state.total == 0
            ? "Wacht op een eerdere vergelijking of bereidt de intake voor…"
            : "\(DutchNumber.integer(state.done)) van \(DutchNumber.count(state.total, "werkdag", "werkdagen")) doorgerekend (\(DutchNumber.percent(Double(state.done) / Double(state.total), digits: 0)))"
        switch state.phase {
        case .running:
            running = true
            finished = false
            failure = nil
            rows = []
            difference = nil
        case .failed(let message):
            running = false
            finished = false
            failure = message
            rows = []
            difference = nil
        case .finished(let comparison, _, _):
            running = false
            finished = true
            failure = nil
            difference = SimulationReport.differenceTable(comparison)?.table
            rows = comparison.scenarios.enumerated().map { k, r in
                let t = r.totals
                return Row(
                    title: r.scenario.title,
                    baseline: k == 0,
                    assigned: DutchNumber.integer(t.assigned),
                    atBestFit: DutchNumber.percent(t.atBestFitShare),
                    fitLostToBands: DutchNumber.count(t.fitLostToBands, "punt", "punten"),
                    fitLostToCapacity: DutchNumber.count(t.fitLostToCapacity, "punt", "punten"),
                    escalated: DutchNumber.count(t.escalatedCases, "zaak", "zaken"),
                    waitingAtEnd: DutchNumber.count(t.waitingAtEnd, "zaak", "zaken"),
                    hardBandFailureDays: DutchNumber.count(t.hardBandFailureDays, "dag", "dagen"),
                    shares: ["SVG", "RN", "LJR"].map { code in
                        "\(code == "LJR" ? "LJ&R" : code) \(DutchNumber.percent(t.finalShare[code] ?? 0))"
                    }.joined(separator: " · ")
                )
            }
        }
    }
}
