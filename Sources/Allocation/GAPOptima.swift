import Foundation
import GLPK

/// The proven optima listed beside the instances (`optima.tsv`: file, instance, sense, agents, jobs, optimum).
public struct GAPOptima: Sendable {
    public var values: [String: Double]

    public static func key(file: String, instance: Int) -> String { "\(URL(fileURLWithPath: file).lastPathComponent)#\(instance)" }

    public static func read(contentsOf url: URL) throws -> GAPOptima {
        let text = try String(contentsOf: url, encoding: .utf8)
        var values: [String: Double] = [:]
        for (n, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: "\t").map(String.init)
            if n == 0, cells.first == "file" { continue }
            guard cells.count >= 6, let instance = Int(cells[1]), let optimum = Double(cells[5]) else {
                throw GAPFormatError(file: url.path, message: "line \(n + 1): expected file, instance, sense, agents, jobs, optimum")
            }
            values[key(file: cells[0], instance: instance)] = optimum
        }
        return GAPOptima(values: values)
    }

    public func optimum(for instance: GAPInstance) -> Double? { values[Self.key(file: instance.file, instance: instance.index)] }
}
