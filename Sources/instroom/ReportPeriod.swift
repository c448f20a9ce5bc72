import ArgumentParser
import InstroomDomain
import Triage

/// `--period 2026|2026-Q1|2026-03`: a whole year, quarter or month for the commissie report.
struct ReportPeriod: ExpressibleByArgument {
    let from: Day
    let to: Day

    init?(argument: String) {
        guard let range = CommissieReport.period(argument) else { return nil }
        (from, to) = range
    }

    init(year: Int) {
        let range = CommissieReport.period(String(year))!
        (from, to) = range
    }
}
