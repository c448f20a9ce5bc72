import Foundation
import InstroomDomain

/// One varied setting: `bands.SVG.min=0.15:0.30:0.05` gives 0.15, 0.20, 0.25, 0.30.
public struct SweepAxis: Codable, Sendable, Equatable {
    public var key: String
    public var values: [Double]

    public init(key: String, values: [Double]) {
        self.key = key
        self.values = values
    }

    /// Parses `KEY=FROM:TO:STEP` (or `KEY=V1,V2,...`); the key must be one `Scenario.setting` knows.
    public static func parse(_ text: String) throws -> SweepAxis {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else { throw VariantError.invalid("--vary '\(text)': expected KEY=FROM:TO:STEP") }
        let key = parts[0]
        guard Scenario.variableKeys.contains(key) else { throw VariantError.unknownKey(key) }
        func number(_ s: Substring) throws -> Double {
            guard let v = Double(s.replacingOccurrences(of: ",", with: ".")), v.isFinite else {
                throw VariantError.invalid("--vary '\(text)': '\(s)' is not a number")
            }
            return v
        }
        let range = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        var values: [Double] = []
        if range.count == 3 {
            let (from, to, step) = (try number(range[0]), try number(range[1]), try number(range[2]))
            guard step > 0, from <= to else { throw VariantError.invalid("--vary '\(text)': need FROM <= TO and STEP > 0") }
            let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
            guard count <= 10_000 else { throw VariantError.invalid("--vary '\(text)': more than 10,000 values") }
            values = (0..<count).map { Format.round(from + Double($0) * step, 9) }
        } else if range.count == 1 {
            values = try parts[1].split(separator: ";").map(number)
        } else {
            throw VariantError.invalid("--vary '\(text)': expected KEY=FROM:TO:STEP")
        }
        return SweepAxis(key: key, values: values)
    }
}
