import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny PRNG whose output depends only on its seed, so
/// synthetic intake is byte-identical on every machine and Swift version. Never use it for security.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit hash, also used to derive per-case seeds.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1) from the top 53 bits. Written out (not `Double.random(using:)`) so the
    /// mapping from bits to values cannot change with the standard library.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p` (clamped to 0...1).
    public mutating func chance(_ p: Double) -> Bool { unit() < min(max(p, 0), 1) }

    /// A uniform integer in `range`, by rejection (unbiased, and independent of the standard library).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var x = next()
        while x >= limit { x = next() }
        return range.lowerBound + Int(x % span)
    }

    /// An index drawn with probability proportional to `weights` (negative weights count as 0).
    public mutating func pick(weights: [Double]) -> Int {
        let clean = weights.map { max($0, 0) }
        let total = clean.reduce(0, +)
        guard total > 0 else { return 0 }
        var u = unit() * total
        for (i, w) in clean.enumerated() {
            if u < w { return i }
            u -= w
        }
        return clean.lastIndex(where: { $0 > 0 }) ?? 0
    }
}
