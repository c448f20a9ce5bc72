import Foundation
import GLPK
import InstroomDomain

/// The proven optima listed beside the instances (`optima.tsv`: file, instance, sense, agents, jobs, optimum).
public struct GAPOptima: Sendable {
    public var values: [String: Double]

    public static func key(file: String, instance: Int) -> String { "\(URL(fileURLWithPath: file).lastPathComponent)#\(instance)" }

    /// Reads the table; an optimum must be a finite number within ±1e15 (the objective's range).
    public static func read(contentsOf url: URL) throws -> GAPOptima {
        try parse(try InputFile.text(at: url), file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> GAPOptima {
        var values: [String: Double] = [:]
        for (n, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let cells = line.split(separator: "\t").map(String.init)
            if n == 0, cells.first == "file" { continue }
            guard cells.count >= 6 else {
                throw InputError(file: file, line: n + 1, "expected six tab-separated cells: file, instance, sense, agents, jobs, optimum")
            }
            guard let instance = Int(cells[1]), instance >= 1 else {
                throw InputError(
                    file: file,
                    line: n + 1,
                    field: "instance",
                    "'\(cells[1].prefix(40))' is not an instance number (1, 2, ...)"
                )
            }
            guard let optimum = Double(cells[5]), optimum.isFinite, abs(optimum) <= LinearModel.maxMagnitude else {
                throw InputError(
                    file: file,
                    line: n + 1,
                    field: "optimum",
                    "'\(cells[5].prefix(40))' is not a finite number within ±\(LinearModel.maxMagnitude)"
                )
            }
            values[key(file: cells[0], instance: instance)] = optimum
        }
        return GAPOptima(values: values)
    }

    public func optimum(for instance: GAPInstance) -> Double? { values[Self.key(file: instance.file, instance: instance.index)] }
}
