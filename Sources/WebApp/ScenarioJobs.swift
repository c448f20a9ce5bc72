import Foundation

/// The background scenario comparisons and sweeps of this server (kept in memory: a run is minutes, its report is
/// downloaded; the ledger is not the place for what-if results). The replay is CPU-bound and
/// synchronous, so it runs on a dispatch queue, never on the server's event loops or the
/// cooperative pool; the page polls its progress. One serial queue for the whole process: replays on
/// parallel threads crashed in GLPK (see `instroom sweep`), so runs wait for each other.
actor ScenarioJobs {
    static let queue = DispatchQueue(label: "instroom.scenario-jobs", qos: .utility)

    private var jobs: [Int: ScenarioJob] = [:]
    private var nextId = 1

    func start(_ work: ScenarioJob.Work, files: [String], by actor: String) -> ScenarioJob {
        let job = ScenarioJob(id: nextId, work: work, files: files, startedBy: actor)
        jobs[job.id] = job
        nextId += 1
        Task.detached(priority: .background) {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                ScenarioJobs.queue.async {
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
