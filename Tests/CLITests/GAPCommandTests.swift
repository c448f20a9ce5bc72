import Foundation
import InstroomTesting
import Testing

/// `instroom gap solve Tests/Data/gap/*.txt --expect Tests/Data/gap/optima.tsv`, as the README names it.
struct GAPCommandTests {
    static var data: URL { Fixtures.packageRoot.appendingPathComponent("Tests/Data/gap") }

    @Test func everyReferenceInstanceMatchesItsProvenOptimum() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.data.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count == 5)
        let r = try CLI.run(["gap", "solve"] + files.map { Self.data.appendingPathComponent($0).path }
                            + ["--expect", Self.data.appendingPathComponent("optima.tsv").path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let results = try #require((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [[String: Any]])
        #expect(results.count == 26)
        for result in results {
            #expect(result["matches"] as? Bool == true, "\(result)")
            #expect(result["status"] as? String == "optimal")
        }
    }

    @Test func aWrongExpectationIsAnError() throws {
        let dir = Fixtures.temporaryFolder()
        let optima = dir.appendingPathComponent("optima.tsv")
        try Data("file\tinstance\tsense\tagents\tjobs\toptimum\ngap1.txt\t1\tmax\t5\t15\t335\n".utf8).write(to: optima)
        let r = try CLI.run(["gap", "solve", Self.data.appendingPathComponent("gap1.txt").path, "--expect", optima.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("gap1.txt"))
    }
}
