import Logging

/// Operational log of the daily run and the commissie's actions: ids, counts, statuses and timings only,
/// never case facts or free text (offences, problems, SCIL, RISc, ages, regions, reasons, rationales).
let logger = Logger(label: "nl.3ro.instroom.triage")

/// Timings in log metadata: seconds with millisecond precision.
enum LogValue {
    static func seconds(_ x: Double) -> String { String((x * 1000).rounded() / 1000) }
    static func seconds(_ d: Duration) -> String {
        seconds(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
}
