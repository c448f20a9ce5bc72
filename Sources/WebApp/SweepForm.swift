import Foundation
import InstroomDomain
import Simulation

/// The sweep form on the scenarios page: a bundled scenario and one or two varied settings, read field by
/// field with a Dutch error per field before any job starts. The web allows at most `maxVariants` variants
/// per job (the queue is shared); bigger grids are for `instroom sweep`. The values come from
/// `SweepAxis.parse`, as on the command line, so both give the same grid.
struct SweepForm {
    static let maxVariants = 50
    static let axisCount = 2

    /// What was typed, to show the form again with the errors.
    struct Values {
        var scenario = ScenarioCatalog.baselineFile
        var keys = ["bands.SVG.min", ""]
        var from = ["0,15", ""]
        var to = ["0,30", ""]
        var step = ["0,05", ""]
    }

    struct Problems: Error {
        var messages: [String]
    }

    var entry: ScenarioCatalog.Entry
    var axes: [SweepAxis]

    static func values(_ form: FormData) -> Values {
        var v = Values()
        v.scenario = form["variant-scenario"] ?? ""
        for n in 0..<axisCount {
            v.keys[n] = (form["as\(n + 1)-instelling"] ?? "").trimmingCharacters(in: .whitespaces)
            v.from[n] = (form["as\(n + 1)-van"] ?? "").trimmingCharacters(in: .whitespaces)
            v.to[n] = (form["as\(n + 1)-tot"] ?? "").trimmingCharacters(in: .whitespaces)
            v.step[n] = (form["as\(n + 1)-stap"] ?? "").trimmingCharacters(in: .whitespaces)
        }
        return v
    }

    /// The scenario and axes, or every problem found (one message per field).
    static func read(_ v: Values, catalog: ScenarioCatalog) throws -> SweepForm {
        var problems: [String] = []
        let entry = catalog.entries.first { $0.file == v.scenario }
        if entry == nil { problems.append("Veld ‘Scenario’: kies een scenario uit de lijst.") }
        var axes: [SweepAxis] = []
        for n in 0..<axisCount {
            let label = "instelling \(n + 1)"
            let key = v.keys[n]
            if key.isEmpty {
                if n == 0 { problems.append("Veld ‘Instelling 1’: kies de instelling die varieert.") }
                continue
            }
            guard Scenario.variableKeys.contains(key) else {
                problems.append("Veld ‘Instelling \(n + 1)’: ‘\(key)’ is geen instelling die kan variëren.")
                continue
            }
            if v.keys[..<n].contains(key) {
                problems.append("Veld ‘Instelling \(n + 1)’: deze instelling varieert al.")
                continue
            }
            func number(_ text: String, _ field: String) -> Double? {
                guard !text.isEmpty else {
                    problems.append("Veld ‘\(field) (\(label))’: vul een getal in.")
                    return nil
                }
                guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else {
                    problems.append("Veld ‘\(field) (\(label))’: ‘\(text)’ is geen getal (gebruik bijvoorbeeld 0,15).")
                    return nil
                }
                // Keeps whole-number settings (a duration, the daily intake) within what an Int holds.
                guard abs(value) <= 1_000_000 else {
                    problems.append("Veld ‘\(field) (\(label))’: kies een getal tussen −1.000.000 en 1.000.000.")
                    return nil
                }
                return value
            }
            let (from, to, step) = (number(v.from[n], "Van"), number(v.to[n], "Tot en met"), number(v.step[n], "Stap"))
            guard let from, let to, let step else { continue }
            if step <= 0 { problems.append("Veld ‘Stap (\(label))’: de stap moet groter zijn dan 0.") }
            if from > to { problems.append("Veld ‘Van (\(label))’: ‘Van’ mag niet groter zijn dan ‘Tot en met’.") }
            guard step > 0, from <= to else { continue }
            guard (to - from) / step < Double(maxVariants) else {
                problems.append("Veld ‘Stap (\(label))’: dat geeft meer dan \(maxVariants) waarden; kies een grotere stap.")
                continue
            }
            do {
                axes.append(try SweepAxis.parse("\(key)=\(from):\(to):\(step)"))
            } catch {
                problems.append("Veld ‘Instelling \(n + 1)’: \(error)")
            }
        }
        let variants = axes.reduce(1) { $0 * $1.values.count }
        if problems.isEmpty, variants > maxVariants {
            problems.append(
                "Dat zijn \(variants) varianten; vanuit de webapplicatie kunnen er hoogstens \(maxVariants) per berekening. "
                    + "Kies grotere stappen of één instelling (grotere reeksen: instroom sweep op de opdrachtregel)."
            )
        }
        guard problems.isEmpty, let entry else { throw Problems(messages: problems) }
        return SweepForm(entry: entry, axes: axes)
    }

    /// What the job runs, and the lines it lists as its "scenarios" (the file, then each varied setting).
    struct Job {
        var scenario: Scenario
        var axes: [SweepAxis]
        var files: [String]
    }

    /// The values read and checked as `read` does, the scenario loaded, and the generated intake kept within
    /// `ScenarioLimits`: everything the page and the API check before a sweep starts.
    static func job(_ v: Values, catalog: ScenarioCatalog) throws -> Job {
        let sweep = try read(v, catalog: catalog)
        let scenario = try Scenario.load(contentsOf: sweep.entry.url)
        let perDay = sweep.axes.first { $0.key == "intake.perDay" }?.values.max().map { Int($0.rounded()) }
        if let tooBig = ScenarioLimits.problem(scenario, perDay: perDay) {
            throw Problems(messages: ["Instelling intake.perDay: \(tooBig)"])
        }
        let settings = sweep.axes.map { axis in
            "\(axis.key) = \(axis.values.map { DutchNumber.decimal($0, upTo: 4) }.joined(separator: "; "))"
        }
        return Job(scenario: scenario, axes: sweep.axes, files: [sweep.entry.file] + settings)
    }
}
