import Foundation
import InstroomTesting
import Testing

/// `instroom wegingskader test|diff|show` as policy staff use them.
struct WegingskaderCommandTests {
    static var bundledRules: URL { Fixtures.packageRoot.appendingPathComponent("Sources/Wegingskader/Resources/wegingskader.yaml") }

    @Test func theBundledRulesAgreeWithEveryGoldenCase() throws {
        let r = try CLI.run(["wegingskader", "test"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("51 van 51"))
    }

    @Test func aBrokenRuleFileGivesLineNumberedErrors() throws {
        let dir = Fixtures.temporaryFolder()
        var text = try String(contentsOf: Self.bundledRules, encoding: .utf8)
        // Break a weight, in a known line, beyond the allowed range.
        let lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("weights: {SVG: 3}") })
        var broken = lines
        broken[index] = broken[index].replacingOccurrences(of: "weights: {SVG: 3}", with: "weights: {SVG: 300}")
        text = broken.joined(separator: "\n")
        let file = dir.appendingPathComponent("kapot.yaml")
        try Data(text.utf8).write(to: file)
        let r = try CLI.run(["wegingskader", "test", "--rules", file.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("kapot.yaml:\(index + 1)"), "\(r.stderr)")
    }

    @Test func aRuleChangeThatBreaksAGoldenCaseFailsTheCheck() throws {
        let dir = Fixtures.temporaryFolder()
        let text = try String(contentsOf: Self.bundledRules, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "weights: {SVG: 3}", with: "weights: {SVG: 0}")
        #expect(changed != text)
        let file = dir.appendingPathComponent("nieuw.yaml")
        try Data(changed.utf8).write(to: file)
        let r = try CLI.run(["wegingskader", "test", "--rules", file.path])
        #expect(r.status != 0)
        #expect(r.stdout.contains("verwacht"))
    }

    @Test func diffListsTheCasesWhoseBestFitChanges() throws {
        let dir = Fixtures.temporaryFolder()
        let text = try String(contentsOf: Self.bundledRules, encoding: .utf8)
        let file = dir.appendingPathComponent("nieuw.yaml")
        try Data(text.replacingOccurrences(of: "weights: {SVG: 3}", with: "weights: {SVG: 0}").utf8).write(to: file)
        let intake = dir.appendingPathComponent("day.csv").path
        #expect(try CLI.run(["generate", "--cases", "200", "--seed", "4", "--date", "2026-03-02", "--output", intake]).status == 0)
        let same = try CLI.run(["wegingskader", "diff", Self.bundledRules.path, Self.bundledRules.path, "--intake", intake])
        #expect(same.status == 0)
        let changed = try CLI.run(["wegingskader", "diff", Self.bundledRules.path, file.path, "--intake", intake])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout != same.stdout)
        #expect(changed.stdout.contains("C20260302-"))
    }

    @Test func showWritesADutchHTMLPage() throws {
        let dir = Fixtures.temporaryFolder()
        let page = dir.appendingPathComponent("regels.html").path
        #expect(try CLI.run(["wegingskader", "show", "--html", page]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.contains("lang=\"nl\""))
        #expect(html.contains("Verslavingsproblematiek"))
    }
}
