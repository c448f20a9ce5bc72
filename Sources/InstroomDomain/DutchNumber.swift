import Foundation

/// Numbers as a Dutch reader expects them: "60.066", "0,5", "12,5%", "1 punt" and "2 punten".
///
/// Built on Foundation's `FormatStyle` with the nl_NL locale, so grouping, decimal comma and rounding
/// come from the locale data (ICU) instead of string surgery; the one place every report formats numbers.
public enum DutchNumber {
    static let locale = Locale(identifier: "nl_NL")

    /// A whole number with a thousands separator: `60.066`.
    public static func integer(_ n: Int) -> String {
        n.formatted(.number.locale(locale))
    }

    /// `x` with exactly `digits` decimals (`1.234,50`); "–" when it is not a number.
    public static func decimal(_ x: Double, digits: Int) -> String {
        format(x, digits: digits...digits)
    }

    /// `x` with at most `digits` decimals, none for a whole number: `2`, `2,5`.
    public static func decimal(_ x: Double, upTo digits: Int) -> String {
        format(x, digits: 0...digits)
    }

    /// A share in 0...1 as a percentage with exactly `digits` decimals: `12,5%`.
    public static func percent(_ share: Double, digits: Int = 1) -> String {
        decimal(share * 100, digits: digits) + "%"
    }

    /// A share in 0...1 as a percentage with at most `digits` decimals: `15%`, `12,5%`.
    public static func percent(_ share: Double, upTo digits: Int) -> String {
        decimal(share * 100, upTo: digits) + "%"
    }

    /// A count and its noun, singular only for exactly one: `1 punt`, `2 punten`, `1.200 zaken`.
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }

    /// An amount and its noun, singular only for exactly one: `1 punt`, `1,5 punten`.
    public static func amount(_ x: Double, upTo digits: Int, _ singular: String, _ plural: String) -> String {
        let text = decimal(x, upTo: digits)
        return "\(text) \(text == "1" ? singular : plural)"
    }

    private static func format(_ x: Double, digits: ClosedRange<Int>) -> String {
        guard x.isFinite else { return "–" }
        // A value that rounds to zero is shown as 0, never as "-0".
        let scale = pow(10, Double(digits.upperBound))
        let value = (x * scale).rounded() == 0 ? 0 : x
        return value.formatted(.number.locale(locale).precision(.fractionLength(digits)))
    }
}
