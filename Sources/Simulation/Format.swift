import Foundation
import InstroomDomain

/// Rounding for the JSON files; Dutch numbers are `DutchNumber`'s, HTML escaping is the templates'.
public enum Format {
    /// Rounds for JSON output so that the file stays small and readable.
    public static func round(_ x: Double, _ digits: Int = 6) -> Double {
        let f = pow(10, Double(digits))
        return (x * f).rounded() / f
    }
}
