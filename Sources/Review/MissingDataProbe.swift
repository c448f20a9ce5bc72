import Allocation
import Foundation
import InstroomDomain
import Wegingskader

/// What a missing or stale SCIL/RISc could change for one scored case on one day: the first plausible
/// value of each under which another allowed RO would fit clearly best (better than every RO that fits
/// best now by more than the near-tie margin). It depends on the case, its score, the day, the rule set
/// and `staleAfterDays`, not on bands or capacity, so a simulation that replays one intake under many
/// settings probes each case once (`ScoredCase.missingData`) instead of re-scoring it in every replay.
public struct MissingDataProbe: Sendable, Equatable {
    public struct Finding: Sendable, Equatable {
        /// The plausible value (`ScilResult` or `RiscLevel` raw value) that would change the outcome.
        public var value: String
        /// The RO that would then fit clearly best.
        public var best: RO
    }

    public var scil: Finding?
    public var risc: Finding?

    /// Probes `scored` on `day`: the case re-scored with each plausible value of a missing fact.
    public static func probe(_ scored: ScoredCase, day: Day, rules: RuleSet, config: AllocationConfig) -> MissingDataProbe {
        let c = scored.intake
        let view = FactView(c, on: day, staleAfterDays: config.staleAfterDays)
        let top = scored.score.allowed.map { scored.score.score($0) }.max() ?? 0
        let bestNow = scored.score.allowed.filter { scored.score.score($0) == top }

        /// The first plausible value of a missing fact under which another allowed RO clearly fits better.
        func change<Value: RawRepresentable>(_ values: [Value], _ set: (inout IntakeCase, Value) -> Void) -> Finding?
        where Value.RawValue == String {
            for value in values {
                var alt = c
                set(&alt, value)
                let score = rules.score(FactView(alt, on: day, staleAfterDays: config.staleAfterDays))
                let best = score.bestFit
                if !bestNow.contains(best), score.score(best) - (bestNow.map(score.score).max() ?? 0) > rules.nearTieMargin {
                    return Finding(value: value.rawValue, best: best)
                }
            }
            return nil
        }

        var probe = MissingDataProbe()
        if view.scil == .onbekend {
            probe.scil = change(
                [ScilResult.lvb, .geenLVB],
                {
                    $0.scil = $1
                    $0.scilDate = day
                }
            )
        }
        if view.risc == .onbekend {
            probe.risc = change(
                [RiscLevel.laag, .midden, .hoog],
                {
                    $0.risc = $1
                    $0.riscDate = day
                }
            )
        }
        return probe
    }
}
