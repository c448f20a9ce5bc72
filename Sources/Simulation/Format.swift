import Foundation
import HTMLText
import InstroomDomain

/// Numbers as a Dutch reader expects them: decimal comma, thin grouping with a dot.
public enum Format {
    /// `12.345,6` with `digits` decimals.
    public static func number(_ x: Double, digits: Int = 0) -> String {
        guard x.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", abs(x))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "." + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let sign = x < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "−" : ""
        return sign + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    public static func int(_ x: Int) -> String { number(Double(x)) }

    /// A share in 0...1 as `23,4%`.
    public static func percent(_ share: Double, digits: Int = 1) -> String { number(share * 100, digits: digits) + "%" }

    /// Rounds for JSON output so that the file stays small and readable.
    public static func round(_ x: Double, _ digits: Int = 6) -> Double {
        let f = pow(10, Double(digits))
        return (x * f).rounded() / f
    }

    public static func html(_ s: String) -> String { HTML.escape(s) }
}
