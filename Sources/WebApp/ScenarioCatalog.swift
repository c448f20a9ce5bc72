import Foundation
import Simulation

/// The scenario files (`*.yaml`) in the scenarios folder. Only files listed here can be run, so a form
/// can never name a path; `baseline.yaml` is the reference every run is compared with.
struct ScenarioCatalog {
    struct Entry {
        var file: String
        var name: String
        var title: String
        var description: String
        var baseline: Bool
        var url: URL
    }

    var entries: [Entry]
    /// Files that did not load, in Dutch framing, so the directie sees why a scenario is missing.
    var problems: [String]

    static let baselineFile = "baseline.yaml"

    init(folder: URL) {
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var entries: [Entry] = []
        var problems: [String] = []
        for url in files {
            do {
                let s = try Scenario.load(contentsOf: url)
                entries.append(
                    Entry(
                        file: url.lastPathComponent,
                        name: s.name,
                        title: s.title,
                        description: s.description,
                        baseline: url.lastPathComponent == Self.baselineFile,
                        url: url
                    )
                )
            } catch {
                problems.append("\(url.lastPathComponent): \(error)")
            }
        }
        self.entries = entries.sorted { ($0.baseline ? 0 : 1, $0.file) < ($1.baseline ? 0 : 1, $1.file) }
        self.problems = problems
    }

    var baseline: Entry? { entries.first(where: \.baseline) }
}
