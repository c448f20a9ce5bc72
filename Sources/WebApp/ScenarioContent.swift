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

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One varied setting of the sweep form, with what was typed.
    struct AxisField {
        var n: Int
        var keys: [Option]
        var from: String
        var to: String
        var step: String
    }

    var items: [Item]
    var problems: [String]
    var jobs: [JobRow]
    var folder: String
    /// The uploaded scenario's errors (Dutch, per line and field).
    var uploadErrors: [String] = []
    var sweepErrors: [String] = []
    var sweepScenarios: [Option] = []
    var axes: [AxisField] = []
    var maxVariants = SweepForm.maxVariants

    mutating func sweepForm(_ v: SweepForm.Values) {
        sweepScenarios = items.map { Option(value: $0.file, label: $0.title, selected: $0.file == v.scenario) }
        axes = (0..<SweepForm.axisCount).map { n in
            let none = n == 0 ? [] : [Option(value: "", label: "(geen)", selected: v.keys[n].isEmpty)]
            return AxisField(
                n: n + 1,
                keys: none + Scenario.variableKeys.map { Option(value: $0, label: $0, selected: $0 == v.keys[n]) },
                from: v.from[n],
                to: v.to[n],
                step: v.step[n]
            )
        }
    }
}

struct ScenarioJobContent {
    /// One sweep variant on the job page.
    struct VariantRow {
        var number: Int
        var settings: String
        var error: String?
        var atBestFit: String
        var fitLost: String
        var hardBandFailureDays: String
    }

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
    /// A comparison's scenario files, as `instroom simulate` takes them (nil for a sweep: `what` has them).
    var files: String?
    var startedBy: String
    var running: Bool
    var done: Int
    var total: Int
    var progress: String
    var failure: String?
    var finished: Bool
    var rows: [Row]
    var sweep: Bool
    var variants: [VariantRow] = []
    /// The report's differences with the baseline: a sentence per scenario and the table, through the same
    /// `report-table` partial.
    var difference: SimulationReportPage.Difference?
    /// What runs now without progress of its own (the hindsight), in Dutch.
    var step: String?
    /// The report's hindsight sentences and table (the price of deciding day by day), when the job solved it.
    var hindsight: SimulationReportPage.Hindsight?

    init(_ job: ScenarioJob) {
        let state = job.snapshot
        id = job.id
        what = job.what
        startedBy = job.startedBy
        sweep = job.isSweep
        files = sweep ? nil : job.files.joined(separator: ", ")
        done = state.done
        total = max(state.total, 1)
        step = state.step
        let of = sweep ? DutchNumber.count(state.total, "variant", "varianten") : DutchNumber.count(state.total, "werkdag", "werkdagen")
        let percent = DutchNumber.percent(Double(state.done) / Double(total), digits: 0)
        progress =
            state.total == 0
            ? "Wacht op een eerdere berekening of bereidt de intake voor…"
            : "\(DutchNumber.integer(state.done)) van \(of) doorgerekend (\(percent))"
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
        case .finished(.sweep(let result), _, _):
            running = false
            finished = true
            failure = nil
            rows = []
            difference = nil
            let page = SweepReport.page(result)
            variants = page.variants.map { v in
                VariantRow(
                    number: v.number,
                    settings: zip(page.varyKeys, v.settings).map { "\($0) = \($1)" }.joined(separator: ", "),
                    error: v.error,
                    atBestFit: v.result?.atBestFit ?? "",
                    fitLost: v.result?.fitLost ?? "",
                    hardBandFailureDays: v.result?.hardBandFailureDays ?? ""
                )
            }
        case .finished(.comparison(let comparison), _, _):
            running = false
            finished = true
            failure = nil
            difference = SimulationReport.differenceTable(comparison)
            hindsight = SimulationReport.hindsightTable(comparison)
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
                    // A share stays on one line with its RO (a no-break space); the line breaks between them.
                    shares: RO.allCases.map { ro in
                        "\(ro.displayName)\u{00A0}\(DutchNumber.percent(t.finalShare[ro.rawValue] ?? 0))"
                    }.joined(separator: " · ")
                )
            }
        }
    }
}
