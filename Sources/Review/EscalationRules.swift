import Allocation
import Foundation
import InstroomDomain
import Wegingskader

/// Decides, after a solve, which cases need a person's eyes, says why in Dutch, and sends each reason
/// to its queue (`EscalationPolicy`: the triage review before confirmation, or the begeleidingscommissie;
/// a reason with no queue is only counted). This file is the one place to change an escalation rule.
///
/// The order of checks follows SOM's lesson: hard facts first (no RO at all, forced placements), then
/// the judgement calls (near-ties, unfit cases, missing data that could change the outcome). Generic
/// work (only the base fired) is never escalated.
public enum EscalationRules {
    /// `detail`: false leaves every reason's Dutch detail empty, for a replay that only counts codes and
    /// queues (a year's replay writes some 14,000 such sentences that nobody reads).
    public static func reasons(
        for scored: ScoredCase,
        assigned: RO?,
        day: Day,
        instance: DayInstance,
        outcome: DayOutcome,
        rules: RuleSet,
        detail: Bool = true
    ) -> [EscalationReason] {
        func text(_ sentence: @autoclosure () -> String) -> String { detail ? sentence() : "" }
        let c = scored.intake
        let score = scored.score
        let config = instance.config
        var reasons: [EscalationReason] = []
        let candidate = scored.candidate

        let policy = config.escalation
        guard let assigned else {
            func free() -> String {
                RO.allCases.map { ro in "\(ro.displayName) \(DutchNumber.decimal(residual(ro, instance, outcome), upTo: 1))" }
                    .joined(separator: ", ")
            }
            reasons.append(
                .init(
                    .noCapacity,
                    text(
                        "Geen RO heeft vandaag ruimte voor deze zaak (\(DutchNumber.amount(scored.weight, upTo: 1, "punt", "punten"))); vrije capaciteit: \(free()). De zaak gaat voor bij de volgende verdeling."
                    ),
                    queue: policy.queue(for: .noCapacity)
                )
            )
            let waited = c.received.workingDays(until: day)
            if waited > policy.maxWaitingDays {
                reasons.append(
                    .init(
                        .longWaiting,
                        text(
                            "De zaak wacht al \(DutchNumber.count(waited, "werkdag", "werkdagen")) op capaciteit (grens \(policy.maxWaitingDays))."
                        ),
                        queue: policy.queue(for: .longWaiting)
                    )
                )
            }
            return reasons
        }

        // Forced: a better-fitting allowed RO existed (continuity counted), but the solve did not use it.
        let bonus = config.continuityBonus
        let assignedProfit = candidate.profit(assigned, continuityBonus: bonus) ?? 0
        if let better = score.allowed.max(by: {
            (candidate.profit($0, continuityBonus: bonus) ?? 0, $1) < (candidate.profit($1, continuityBonus: bonus) ?? 0, $0)
        }),
            let bestProfit = candidate.profit(better, continuityBonus: bonus), bestProfit > assignedProfit
        {
            let lost = bestProfit - assignedProfit
            // Capacity forced it: no room today at the better RO, or (a simulated policy) its caseload held
            // free for the rest of the period at the capacity's shadow price.
            let noRoom = residual(better, instance, outcome) < scored.weight
            let heldFree = instance.costs?.price == .caseload && (instance.costs?[c.id]?[better] ?? 0) > 0
            if noRoom || heldFree {
                reasons.append(
                    .init(
                        .forcedByCapacity,
                        text(
                            "\(better.displayName) past beter (\(bestProfit)) dan \(assigned.displayName) (\(assignedProfit)), maar "
                                + (noRoom
                                    ? "\(better.displayName) heeft vandaag geen capaciteit meer"
                                    : "de caseload van \(better.displayName) blijft vrij voor zaken die er later in de periode meer fit opleveren (schaduwprijs van de capaciteit)")
                                + "; verlies \(DutchNumber.count(lost, "punt", "punten")) fit."
                        ),
                        fitLoss: lost,
                        queue: policy.queue(for: .forcedByCapacity, fitLoss: lost)
                    )
                )
            } else {
                reasons.append(
                    .init(
                        .forcedByBand,
                        text(
                            "\(better.displayName) past beter (\(bestProfit)) dan \(assigned.displayName) (\(assignedProfit)), maar de bandbreedtes laten het niet toe (aandeel \(better.displayName) na deze verdeling \(DutchNumber.percent(outcome.sharesAfter.share(better))), band \(config.band(better).label)); verlies \(DutchNumber.count(lost, "punt", "punten")) fit."
                        ),
                        fitLoss: lost,
                        queue: policy.queue(for: .forcedByBand, fitLoss: lost)
                    )
                )
            }
        }
        if score.isUnfit {
            let best = score.scores[score.bestFit] ?? 0
            reasons.append(
                .init(
                    .unfit,
                    text("De hoogste score is \(best) (\(score.bestFit.displayName)), lager dan het minimum van \(rules.minimumFit)."),
                    queue: policy.queue(for: .unfit)
                )
            )
        }
        // A near-tie is a dispute only between two specialisms: both ROs have a criterion of their own
        // that fired. Against generic work (only the base) the specialised RO simply fits best.
        func specialised(_ ro: RO) -> Bool { score.contributions.contains { $0.ro == ro && $0.kind == .criterion } }
        // An exact tie is settled by the tie rule (`TieRule`, explained with the case), not by a person.
        if score.isNearTie, let runnerUp = score.runnerUp, let margin = score.margin, margin > 0,
            specialised(score.bestFit), specialised(runnerUp)
        {
            let best = score.scores[score.bestFit] ?? 0
            let second = score.scores[runnerUp] ?? 0
            let sentence = text(
                "\(score.bestFit.displayName) (\(best)) en \(runnerUp.displayName) (\(second)) liggen binnen de marge van \(rules.nearTieMargin), elk op eigen specialistische criteria."
            )
            reasons.append(.init(.nearTie, sentence, queue: policy.queue(for: .nearTie)))
        }
        if let missing = missingDataReason(scored, assigned: assigned, day: day, rules: rules, config: config, detail: detail) {
            reasons.append(missing)
        }
        return reasons
    }

    /// Missing or stale SCIL/RISc is a review item only when a plausible value would make another RO
    /// fit clearly best: better than every RO that fits best now by more than the near-tie margin.
    /// Otherwise it stays a data-quality flag on the case (every score carries it), not a question.
    /// The re-scoring (`MissingDataProbe`) is taken from the scored case when its scorer probed it already.
    static func missingDataReason(
        _ scored: ScoredCase,
        assigned: RO,
        day: Day,
        rules: RuleSet,
        config: AllocationConfig,
        detail: Bool = true
    ) -> EscalationReason? {
        let probe = scored.missingData ?? MissingDataProbe.probe(scored, day: day, rules: rules, config: config)
        guard probe.scil != nil || probe.risc != nil else { return nil }
        let queue = config.escalation.queue(for: .missingData)
        guard detail else { return EscalationReason(.missingData, "", queue: queue) }
        let c = scored.intake
        let top = scored.score.allowed.map { scored.score.score($0) }.max() ?? 0
        let bestNow = scored.score.allowed.filter { scored.score.score($0) == top }
        let current = bestNow.contains(assigned) ? assigned : scored.score.bestFit
        var notes: [String] = []
        if let found = probe.scil {
            notes.append(
                "SCIL \(c.scil == .onbekend ? "ontbreekt" : "is verouderd"); met uitslag '\(found.value)' zou \(found.best.displayName) duidelijk beter passen dan \(current.displayName)"
            )
        }
        if let found = probe.risc {
            notes.append(
                "RISc \(c.risc == .onbekend ? "ontbreekt" : "is verouderd"); bij risico '\(found.value)' zou \(found.best.displayName) duidelijk beter passen dan \(current.displayName)"
            )
        }
        return EscalationReason(.missingData, notes.joined(separator: ". ") + ".", queue: queue)
    }

    static func residual(_ ro: RO, _ instance: DayInstance, _ outcome: DayOutcome) -> Double {
        (instance.capacityLeft[ro] ?? 0) - (outcome.capacityUsed[ro] ?? 0)
    }
}
