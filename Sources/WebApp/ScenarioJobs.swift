import Foundation
import Simulation

/// The background scenario comparisons and sweeps of this server (kept in memory: a run is minutes, its report is
/// downloaded; the ledger is not the place for what-if results). The replay is CPU-bound and
/// synchronous, so it runs on a dispatch queue, never on the server's event loops or the
/// cooperative pool; the page polls its progress. At most `parallel` runs at once, each on a thread of
/// its own: two where GLPK keeps its environment per thread (`GLPKThreads`, Debian's build) and the
/// machine has the cores, so a quick comparison need not wait for a ten-minute one with hindsight; one
/// at a time otherwise. The others wait their turn.
actor ScenarioJobs {
    static let queue = DispatchQueue(label: "instroom.scenario-jobs", qos: .utility, attributes: .concurrent)
    static let parallel = GLPKThreads.safe ? max(1, min(2, ProcessInfo.processInfo.activeProcessorCount)) : 1
    private static let slots = DispatchSemaphore(value: parallel)

    private var jobs: [Int: ScenarioJob] = [:]
    private var nextId = 1

    func start(_ work: ScenarioJob.Work, files: [String], by actor: String) -> ScenarioJob {
        let job = ScenarioJob(id: nextId, work: work, files: files, startedBy: actor)
        jobs[job.id] = job
        nextId += 1
        Task.detached(priority: .background) {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                ScenarioJobs.queue.async {
                    ScenarioJobs.slots.wait()
                    defer { ScenarioJobs.slots.signal() }
                    job.run()
                    done.resume()
                }
            }
        }
        return job
    }

    func job(_ id: Int) -> ScenarioJob? { jobs[id] }

    func all() -> [ScenarioJob] { jobs.values.sorted { $0.id > $1.id } }
}
