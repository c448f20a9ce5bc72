import Allocation
import Foundation
import GLPK
import InstroomDomain
import Testing

/// The OR-Library instances with proven optima: the integer-programming core must reach every one.
struct GAPReferenceTests {
    static let dataFolder: URL = {
        // The OR-Library instances live in the repository (Tests/Data/gap), so a bare clone passes.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("Tests/Data/gap")
    }()

    static let files = ["gap1.txt", "gap2.txt", "gap3.txt", "gap4.txt", "gapa.txt"]

    @Test(arguments: files)
    func everyInstanceReachesItsProvenOptimum(file: String) throws {
        let optima = try GAPOptima.read(contentsOf: Self.dataFolder.appendingPathComponent("optima.tsv"))
        let instances = try GAPInstance.read(contentsOf: Self.dataFolder.appendingPathComponent(file))
        #expect(!instances.isEmpty)
        for instance in instances {
            let result = try instance.solve(settings: SolverSettings(timeLimitSeconds: 60))
            let expected = try #require(optima.optimum(for: instance), "no optimum listed for \(file) #\(instance.index)")
            #expect(result.status == .optimal, "\(file) #\(instance.index): \(result.status) \(result.message)")
            #expect(result.objective == expected, "\(file) #\(instance.index)")
        }
    }

    @Test func lineBreaksCarryNoMeaning() throws {
        let wrapped = "1\n2 3\n1 2\n3 4 5 6\n1 1 1\n1\n1 1 2 2\n"
        let flat = "1 2 3 1 2 3 4 5 6 1 1 1 1 1 1 2 2"
        #expect(
            try GAPInstance.parse(wrapped, file: "w", sense: .maximise).map(\.profit)
                == GAPInstance.parse(flat, file: "f", sense: .maximise).map(\.profit)
        )
    }

    @Test func truncatedFileIsAClearError() {
        #expect(throws: InputError.self) { try GAPInstance.parse("1\n2 3\n1 2 3", file: "t.txt", sense: .maximise) }
    }

    @Test func senseFollowsTheCollectionsConvention() {
        #expect(GAPInstance.defaultSense(forFile: "gap12.txt") == .maximise)
        #expect(GAPInstance.defaultSense(forFile: "gapa.txt") == .minimise)
        #expect(GAPInstance.defaultSense(forFile: "gapd.txt") == .minimise)
    }
}
