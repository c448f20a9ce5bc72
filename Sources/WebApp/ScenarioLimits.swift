import InstroomDomain
import Simulation

/// How big a run started from the web may be. The scenario queue is shared by every directie member and
/// runs one job at a time, so an uploaded scenario or a sweep of the daily intake may not occupy it for
/// hours (the bundled baseline is 250 working days of 243 cases); bigger runs are for the command line.
enum ScenarioLimits {
    static let maxCases = 100_000

    /// The synthetic intake's size in cases (working days × cases per day), given another `perDay`.
    static func cases(_ scenario: Scenario, perDay: Int? = nil) -> Int {
        let days = scenario.calendar.workingDays ?? 250
        let (product, overflow) = days.multipliedReportingOverflow(by: perDay ?? scenario.intake.perDay)
        return overflow ? Int.max : product
    }

    /// A Dutch reason when the run is too big, else nil.
    static func problem(_ scenario: Scenario, perDay: Int? = nil) -> String? {
        let n = cases(scenario, perDay: perDay)
        guard n > maxCases else { return nil }
        return "Dat zijn \(n == Int.max ? "te veel" : DutchNumber.integer(n)) zaken (werkdagen × zaken per dag); "
            + "vanuit de webapplicatie kunnen er hoogstens \(DutchNumber.integer(maxCases)) per scenario. "
            + "Grotere berekeningen: instroom simulate of instroom sweep op de opdrachtregel."
    }
}
