import Allocation
import Foundation
import InstroomDomain
import Triage
import Wegingskader

// MARK: - Variants (sweeps)

extension Scenario {
    /// The keys a sweep may vary, with what they set.
    public static let variableKeys: [String] = {
        var keys: [String] = []
        for ro in RO.allCases { keys += ["bands.\(ro.rawValue).min", "bands.\(ro.rawValue).max"] }
        keys += ["bands.width", "bands.softPenalty", "allocation.continuityBonus"]
        for ro in RO.allCases { keys.append("capacity.caseload.\(ro.rawValue)") }
        keys.append("capacity.scale")
        for k in CaseKind.allCases { keys.append("durations.\(k.rawValue)") }
        keys += ["workload.vi", "workload.advies", "intake.perDay"]
        return keys
    }()

    /// This scenario with one numeric setting changed. `bands.width` sets every RO's band to its
    /// midpoint ± width/2 (clamped to 0...1); `capacity.scale` multiplies every caseload.
    public func setting(_ key: String, to value: Double) throws -> Scenario {
        var s = self
        let parts = key.split(separator: ".").map(String.init)
        func band(_ ro: RO) -> Bandwidth { s.config.band(ro) }
        switch (parts.first, parts.count) {
        case ("bands", 3):
            guard let ro = RO(code: parts[1]), ["min", "max"].contains(parts[2]) else { throw VariantError.unknownKey(key) }
            guard (0...1).contains(value) else {
                throw VariantError.invalid(
                    "\(key) = \(value) is not a share in 0...1",
                    dutch: "\(key) = \(DutchNumber.decimal(value, upTo: 4)) is geen aandeel tussen 0 en 1"
                )
            }
            var b = band(ro)
            if parts[2] == "min" { b.min = value } else { b.max = value }
            s.config.bands[ro] = b
        case ("bands", 2) where parts[1] == "width":
            guard value >= 0 else { throw VariantError.invalid("bands.width must be >= 0", dutch: "bands.width moet 0 of meer zijn") }
            for ro in RO.allCases {
                let b = band(ro)
                let mid = (b.min + b.max) / 2
                s.config.bands[ro] = Bandwidth(min: max(0, mid - value / 2), max: min(1, mid + value / 2), mode: b.mode)
            }
        case ("bands", 2) where parts[1] == "softPenalty":
            s.config.softBandPenalty = max(0, value)
        case ("allocation", 2) where parts[1] == "continuityBonus":
            s.config.continuityBonus = Int(value.rounded())
        case ("capacity", 3) where parts[1] == "caseload":
            guard let ro = RO(code: parts[2]) else { throw VariantError.unknownKey(key) }
            s.capacity.caseload[ro] = max(0, value)
        case ("capacity", 2) where parts[1] == "scale":
            for ro in RO.allCases { s.capacity.caseload[ro] = (s.capacity.caseload[ro] ?? 0) * max(0, value) }
        case ("durations", 2):
            guard let kind = CaseKind(rawValue: parts[1]) else { throw VariantError.unknownKey(key) }
            s.durations[kind] = max(1, Int(value.rounded()))
        case ("workload", 2) where parts[1] == "vi": s.config.workload.vi = max(0.01, value)
        case ("workload", 2) where parts[1] == "advies": s.config.workload.advies = max(0.01, value)
        case ("intake", 2) where parts[1] == "perDay": s.intake.perDay = max(0, Int(value.rounded()))
        default: throw VariantError.unknownKey(key)
        }
        for ro in RO.allCases where band(ro).min > band(ro).max + 1e-12 {
            throw VariantError.invalid(
                "band \(ro.displayName): min \(band(ro).min) is above max \(band(ro).max)",
                dutch:
                    "band \(ro.displayName): minimum \(DutchNumber.percent(band(ro).min, upTo: 2)) ligt boven maximum \(DutchNumber.percent(band(ro).max, upTo: 2))"
            )
        }
        let minSum = RO.allCases.reduce(0) { $0 + band($1).min }
        let maxSum = RO.allCases.reduce(0) { $0 + band($1).max }
        if minSum > 1 + 1e-9 {
            throw VariantError.invalid("the minimum shares add up to more than 100%", dutch: "de minimumaandelen zijn samen meer dan 100%")
        }
        if maxSum < 1 - 1e-9 {
            throw VariantError.invalid(
                "the maximum shares add up to less than 100%",
                dutch: "de maximumaandelen zijn samen minder dan 100%"
            )
        }
        return s
    }

    /// Total band width: the sum over the ROs of max − min (0 = fixed shares, 3 = no bands).
    public var totalBandWidth: Double { RO.allCases.reduce(0) { $0 + config.band($1).max - config.band($1).min } }
}
