import Foundation
import Simulation
import Synchronization

/// One background run: a scenario comparison (progress in working days replayed of all scenarios' days)
/// or a sweep (progress in variants), and, when done, its result and reports.
final class ScenarioJob: Sendable {
    /// What the job runs; the scenarios are read and checked before the job starts, so a bad file never
    /// occupies the queue.
    enum Work: Sendable {
        /// Every scenario replayed on the first one's intake (the baseline's), as `instroom simulate` does;
        /// with `hindsight`, each also solved with hindsight (`simulate --hindsight`: minutes per scenario).
        case comparison([Scenario], hindsight: Bool = false)
        /// The grid of variants of one scenario, as `instroom sweep` does.
        case sweep(Scenario, [SweepAxis])
    }

    enum Outcome: Sendable {
        case comparison(Comparison)
        case sweep(SweepResult)
    }

    enum Phase: Sendable {
        case running
        case finished(Outcome, html: String, json: Data)
        case failed(String)
    }

    struct State: Sendable {
        var done = 0
        var total = 0
        /// What runs now when it has no progress of its own (a hindsight solve), in Dutch.
        var step: String?
        var phase = Phase.running
    }

    let id: Int
    /// The files (and, for a sweep, the varied settings) as the directie chose them, for the lists.
    let files: [String]
    let work: Work
    let startedBy: String
    let startedAt: Date
    let state = Mutex(State())

    init(id: Int, work: Work, files: [String], startedBy: String, startedAt: Date = Date()) {
        self.id = id
        self.work = work
        self.files = files
        self.startedBy = startedBy
        self.startedAt = startedAt
    }

    var snapshot: State { state.withLock { $0 } }

    var isSweep: Bool {
        if case .sweep = work { return true }
        return false
    }

    /// The job in the lists, in Dutch: a comparison by its scenarios' titles (an uploaded one marked as
    /// such) and whether it solves the year with hindsight too; a sweep by its file and varied settings.
    var what: String {
        switch work {
        case .comparison(let scenarios, let hindsight):
            let titles = zip(scenarios, files).map { scenario, file in
                "‘\(scenario.title)’" + (file.hasSuffix(" (eigen)") ? " (eigen)" : "")
            }
            return titles.joined(separator: ", ") + (hindsight ? " (met terugblik)" : "")
        case .sweep: return files.joined(separator: ", ")
        }
    }

    func run() {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let finished: Phase
            switch work {
            case .comparison(let loaded, let hindsight):
                guard let first = loaded.first else { throw WebError.badRequest("Kies minstens één scenario.") }
                let basis = try IntakeBasis.make(for: first)
                let days = basis.days.count
                state.withLock { $0.total = loaded.count * days }
                var results: [ScenarioResult] = []
                var references = HindsightReferences()
                for (k, scenario) in loaded.enumerated() {
                    var result = try Simulator.run(scenario, basis: basis) { [self] i, _ in state.withLock { $0.done = k * days + i } }
                    if hindsight {
                        // A scenario that differs from an earlier one only in its band policy shares its solve.
                        if !references.isSolved(scenario, basis: basis) {
                            let step =
                                "Het jaar met terugblik voor ‘\(scenario.title)’ (scenario \(k + 1) van \(loaded.count)): dat duurt enkele minuten."
                            state.withLock { $0.step = step }
                        }
                        result.hindsight = try references.benchmark(scenario, basis: basis, daily: result.totals)
                        state.withLock { $0.step = nil }
                    }
                    results.append(result)
                }
                let comparison = Comparison(scenarios: results)
                finished = .finished(
                    .comparison(comparison),
                    html: try SimulationReport.html(comparison),
                    json: try encoder.encode(comparison)
                )
            case .sweep(let scenario, let axes):
                let sweep = ParameterSweep(scenario: scenario, axes: axes, basis: try IntakeBasis.make(for: scenario))
                state.withLock { $0.total = sweep.gridSize }
                let result = sweep.run(jobs: 1) { [self] done, _ in state.withLock { $0.done = done } }
                finished = .finished(.sweep(result), html: try SweepReport.html(result), json: try encoder.encode(result))
            }
            state.withLock {
                $0.done = $0.total
                $0.phase = finished
            }
        } catch {
            let message = (error as? WebError)?.message ?? "Het scenario kon niet worden doorgerekend: \(error)"
            state.withLock { $0.phase = .failed(message) }
        }
    }
}
