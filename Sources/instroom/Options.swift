import ArgumentParser
import Foundation
import InstroomDomain
import Ledger
import Triage
import Wegingskader

/// Where the day's rules and settings come from: the bundled defaults unless a file is named.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Allocation settings (YAML): bands, capacities, workload weights. Default: the bundled illustrative settings.")
    var config: String?

    @Option(help: "Wegingskader rule file (YAML). Default: the bundled illustrative rule set.")
    var rules: String?

    func load() throws -> (AllocationConfig, RuleSet) {
        let config = try Defaults.config(file: config)
        let rules = try rules.map { try RuleSet.load(contentsOf: URL(fileURLWithPath: $0)) } ?? RuleSet.bundledDefault()
        return (config, rules)
    }
}

struct IntakeOptions: ParsableArguments {
    @Option(help: "The day's intake: CSV (comma, or the Dutch Excel export with semicolons) or JSON. Default: the bundled sample.")
    var intake: String?

    @Option(help: "The allocation day (YYYY-MM-DD). Default: the latest 'received' date in the intake.")
    var date: String?

    func load() throws -> (cases: [IntakeCase], day: Day, file: String) {
        let url = intake.map { URL(fileURLWithPath: $0) } ?? Defaults.sampleIntakeURL
        let cases = try IntakeReader.read(contentsOf: url)
        let day: Day
        if let date {
            guard let parsed = Day(date) else { throw ValidationError("--date '\(date)' is not a date (YYYY-MM-DD)") }
            day = parsed
        } else if let latest = cases.map(\.received).max() {
            day = latest
        } else {
            throw ValidationError("the intake \(url.path) holds no cases; give --date to allocate waiting cases")
        }
        return (cases, day, intake ?? "sample-intake.csv (bundled)")
    }
}

struct LedgerOptions: ParsableArguments {
    @Option(help: "The SQLite ledger file; created when missing.")
    var db: String = "instroom.sqlite"

    func open() throws -> Ledger { try Ledger(path: db) }
}

/// Encodes with sorted keys so that output is stable for diffs and scripts.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
