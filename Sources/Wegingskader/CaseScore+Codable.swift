import Foundation
import InstroomDomain

extension CaseScore: Codable {
    enum CodingKeys: String, CodingKey {
        case scores, allowed, bestFit, runnerUp, margin, isNearTie, isUnfit, flags, contributions
    }

    /// `scores` is written as an object keyed by RO code (`{"SVG": 3, "RN": 1, "LJR": 1}`), not as the
    /// key-value array Swift uses for enum-keyed dictionaries.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Dictionary(uniqueKeysWithValues: scores.map { ($0.key.rawValue, $0.value) }), forKey: .scores)
        try c.encode(allowed, forKey: .allowed)
        try c.encode(bestFit, forKey: .bestFit)
        try c.encodeIfPresent(runnerUp, forKey: .runnerUp)
        try c.encodeIfPresent(margin, forKey: .margin)
        try c.encode(isNearTie, forKey: .isNearTie)
        try c.encode(isUnfit, forKey: .isUnfit)
        try c.encode(flags, forKey: .flags)
        try c.encode(contributions, forKey: .contributions)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var scores: [RO: Int] = [:]
        for (key, value) in try c.decode([String: Int].self, forKey: .scores) {
            guard let ro = RO(rawValue: key) else {
                throw DecodingError.dataCorruptedError(forKey: .scores, in: c, debugDescription: "unknown RO '\(key)'")
            }
            scores[ro] = value
        }
        self.init(
            scores: scores, allowed: try c.decode([RO].self, forKey: .allowed),
            contributions: try c.decode([Contribution].self, forKey: .contributions),
            flags: try c.decode([DataFlag].self, forKey: .flags), bestFit: try c.decode(RO.self, forKey: .bestFit),
            runnerUp: try c.decodeIfPresent(RO.self, forKey: .runnerUp), margin: try c.decodeIfPresent(Int.self, forKey: .margin),
            isNearTie: try c.decode(Bool.self, forKey: .isNearTie), isUnfit: try c.decode(Bool.self, forKey: .isUnfit)
        )
    }
}
