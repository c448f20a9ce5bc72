import Foundation
import Simulation
import Synchronization

/// One scenario comparison running in the background: its progress (working days replayed of all
/// scenarios' days) and, when done, the comparison and its reports.
final class ScenarioJob: Sendable {
    enum Phase: Sendable {
        case running
        case finished(Comparison, html: String, json: Data)
        case failed(String)
    }

    struct State: Sendable {
        var done = 0
        var total = 0
        var phase = Phase.running
    }

    let id: Int
    let files: [String]
    let startedBy: String
    let startedAt: Date
    let state = Mutex(State())

    init(id: Int, files: [String], startedBy: String, startedAt: Date = Date()) {
        self.id = id
        self.files = files
        self.startedBy = startedBy
        self.startedAt = startedAt
    }

    var snapshot: State { state.withLock { $0 } }

    /// Replays every scenario on the first one's intake (the baseline's), as `instroom simulate` does.
    func run(_ urls: [URL]) {
        do {
            let loaded = try urls.map { try Scenario.load(contentsOf: $0) }
            guard let first = loaded.first else { throw WebError.badRequest("Kies minstens één scenario.") }
            let basis = try IntakeBasis.make(for: first)
            let days = basis.days.count
            state.withLock { $0.total = loaded.count * days }
            var results: [ScenarioResult] = []
            for (k, scenario) in loaded.enumerated() {
                results.append(try Simulator.run(scenario, basis: basis) { [self] i, _ in state.withLock { $0.done = k * days + i } })
            }
            let comparison = Comparison(scenarios: results)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            let json = try encoder.encode(comparison)
            let html = try SimulationReport.html(comparison)
            state.withLock {
                $0.done = $0.total
                $0.phase = .finished(comparison, html: html, json: json)
            }
        } catch {
            let message = (error as? WebError)?.message ?? "Het scenario kon niet worden doorgerekend: \(error)"
            state.withLock { $0.phase = .failed(message) }
        }
    }
}
