import Foundation
import HTMLText
import InstroomDomain

/// Rounding for the JSON files and escaping for the HTML reports; Dutch numbers are `DutchNumber`'s.
public enum Format {
    /// Rounds for JSON output so that the file stays small and readable.
    public static func round(_ x: Double, _ digits: Int = 6) -> Double {
        let f = pow(10, Double(digits))
        return (x * f).rounded() / f
    }

    public static func html(_ s: String) -> String { HTML.escape(s) }
}
