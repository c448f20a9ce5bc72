import ArgumentParser
import Foundation
import InstroomDomain
import IntakeFormats
import Ledger
import Triage
import Wegingskader

struct IntakeOptions: ParsableArguments {
    @Option(help: "The day's intake: CSV (comma, or the Dutch Excel export with semicolons) or JSON. Default: the bundled sample.")
    var intake: String?

    @Option(help: "The allocation day (YYYY-MM-DD). Default: the latest 'received' date in the intake.")
    var date: Day?

    func load() throws -> (cases: [IntakeCase], day: Day, file: String) {
        let url = intake.map { URL(fileURLWithPath: $0) } ?? SampleIntake.url
        let cases = try IntakeReader.read(contentsOf: url)
        let day: Day
        if let date {
            day = date
        } else if let latest = cases.map(\.received).max() {
            day = latest
        } else {
            throw ValidationError("the intake \(url.path) holds no cases; give --date to allocate waiting cases")
        }
        return (cases, day, intake ?? "sample-intake.csv (bundled)")
    }
}
