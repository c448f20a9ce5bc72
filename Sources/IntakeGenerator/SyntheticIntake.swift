import Foundation
import InstroomDomain

/// Deterministic synthetic intake for demos, tests, benchmarks and year simulations.
///
/// Case `n` of a day depends only on (seed, day, n): the same inputs give identical cases on every
/// machine, and `day(d, count: 10)` is a prefix of `day(d, count: 20)`. Ids are
/// `<prefix><YYYYMMDD>-<nnnn>` (e.g. `C20260301-0001`), unique across days and stable.
///
/// The facts follow ``IntakeMix``, whose numbers are illustrative assumptions (see its doc comment and
/// `Intake/ASSUMPTIONS.md`). Missing and stale data are deliberate: SCIL missing, RISc unknown, facts
/// older than a year, toezicht without intensity, absent age or region.
public struct SyntheticIntake: Sendable {
    public let seed: UInt64
    public let mix: IntakeMix

    /// Region names in a fixed (sorted) order with their weights: sampling never depends on hash order.
    private let regionNames: [String]
    private let regionWeights: [Double]

    public init(seed: UInt64, mix: IntakeMix = .illustrative) {
        self.seed = seed
        self.mix = mix
        regionNames = mix.regionShares.keys.sorted()
        regionWeights = regionNames.map { mix.regionShares[$0] ?? 0 }
    }

    /// `count` cases received on `day`.
    public func day(_ day: Day, count: Int, idPrefix: String = "C") -> [IntakeCase] {
        guard count > 0 else { return [] }
        let (y, m, d) = day.components
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        let stamp = pad(y, 4) + pad(m, 2) + pad(d, 2)
        return (1...count).map { n in makeCase(id: "\(idPrefix)\(stamp)-\(pad(n, 4))", day: day, index: n) }
    }

    /// The intake of every working day (Monday–Friday) from `start` through `end`, `perDay` cases each.
    public func workingDays(from start: Day, through end: Day, perDay: Int, idPrefix: String = "C") -> [IntakeCase] {
        guard start <= end else { return [] }
        return Day.workingDays(from: start, through: end).flatMap { day($0, count: perDay, idPrefix: idPrefix) }
    }

    /// Keys of a dictionary in a fixed order, so sampling never depends on hash order.
    private static func ordered<K: CaseIterable & Hashable>(_ d: [K: Double]) -> ([K], [Double]) {
        let keys = Array(K.allCases)
        return (keys, keys.map { d[$0] ?? 0 })
    }

    private func makeCase(id: String, day: Day, index: Int) -> IntakeCase {
        // Each case has its own stream: independent of count and of the other cases.
        var rng = SplitMix64(
            seed: SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(bitPattern: Int64(day.daysSinceEpoch)) &+ SplitMix64.mix(UInt64(index))))
        )
        let mix = self.mix

        let (kinds, kindWeights) = Self.ordered(mix.kindShares)
        let kind = kinds[rng.pick(weights: kindWeights)]

        var offences: [Offence] = []
        for o in Offence.allCases where o != .overig && rng.chance(mix.offencePrevalence[o] ?? 0) { offences.append(o) }
        if offences.isEmpty { offences = [.overig] }

        var problems: [ClientProblem] = []
        for p in ClientProblem.allCases where rng.chance(mix.problemPrevalence[p] ?? 0) { problems.append(p) }
        if offences.contains(.verkeerAlcohol), !problems.contains(.verslaving), rng.chance(mix.addictionGivenTrafficAlcohol) {
            problems.append(.verslaving)
        }

        /// A fact date: fresh (0–364 days old) or, with `staleFactShare`, 366–1095 days old.
        func factDate() -> Day {
            rng.chance(mix.staleFactShare) ? day.adding(days: -rng.int(in: 366...1095)) : day.adding(days: -rng.int(in: 0...364))
        }

        var scil = ScilResult.onbekend
        var scilDate: Day?
        if !rng.chance(mix.scilMissingShare) {
            scil = rng.chance(mix.lvbShare) ? .lvb : .geenLVB
            scilDate = factDate()
        }

        var risc = RiscLevel.onbekend
        var riscDate: Day?
        if !rng.chance(mix.riscUnknownShare) {
            let levels: [RiscLevel] = [.laag, .midden, .hoog]
            risc = levels[rng.pick(weights: levels.map { mix.riscShares[$0] ?? 0 })]
            riscDate = factDate()
        }

        var age: Int?
        if !rng.chance(mix.ageMissingShare) {
            age = rng.chance(mix.youngAdultShare) ? rng.int(in: 18...23) : rng.int(in: 24...70)
        }
        let youngAdult = age.map { (18...23).contains($0) } ?? false

        var interventions: [Intervention] = []
        for i in Intervention.allCases {
            let p = mix.interventionPrevalence[i] ?? 0
            if i == .jovo {
                if youngAdult, rng.chance(p) { interventions.append(i) }
            } else if rng.chance(p) {
                interventions.append(i)
            }
        }

        var relation: RO?
        if rng.chance(mix.relationShare) {
            let (ros, base) = Self.ordered(mix.relationShares)
            let weights = zip(ros, base).map { ro, w -> Double in
                switch ro {
                case .SVG where problems.contains(.verslaving) || problems.contains(.psychiatrie): w * 2
                case .LJR where problems.contains(.dakloos): w * 2
                default: w
                }
            }
            relation = ros[rng.pick(weights: weights)]
        }

        var intensity: Intensity?
        if kind == .toezicht, !rng.chance(mix.intensityMissingShare) {
            if let fromRisc = Intensity(rawValue: risc.rawValue), rng.chance(mix.intensityFollowsRiscShare) {
                intensity = fromRisc
            } else {
                let (levels, weights) = Self.ordered(mix.intensityShares)
                intensity = levels[rng.pick(weights: weights)]
            }
        }

        var region: String?
        if !rng.chance(mix.regionMissingShare) {
            if !regionNames.isEmpty { region = regionNames[rng.pick(weights: regionWeights)] }
        }

        var deadline: Day?
        if kind == .advies, rng.chance(mix.adviesDeadlineShare) { deadline = day.adding(days: rng.int(in: 10...30)) }

        return IntakeCase(
            id: id,
            kind: kind,
            received: day,
            deadline: deadline,
            offences: offences,
            problems: problems,
            interventions: interventions,
            scil: scil,
            scilDate: scilDate,
            risc: risc,
            riscDate: riscDate,
            region: region,
            relation: relation,
            intensity: intensity,
            age: age
        )
    }
}
