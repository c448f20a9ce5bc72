import Allocation
import Foundation
import InstroomDomain
import Review
import Triage
import Wegingskader

/// Running totals of a replay.
struct Accumulator {
    let summary: ScenarioSummary
    var intake = 0
    var assigned = 0
    var atBestFit = 0
    var fitAssigned = 0
    var fitBest = 0
    var lostBands: [RO: Int] = [:]
    var lostCapacity: [RO: Int] = [:]
    var histogram: [String: Int] = [:]
    var perRO: [RO: Int] = [:]
    var escalations: [EscalationCode: Int] = [:]
    var reviewVolumes = ReviewVolumes()
    var escalatedCases = 0
    var daysWithWaiting = 0
    var maxWaiting = 0
    var caseDaysWaiting = 0
    var slack: [RO: Double] = [:]
    var daysWithSlack = 0
    var slackAtPeriodEnd: [RO: Double] = [:]
    var fitWaitingAtEnd = 0
    var utilisationSum: [RO: Double] = [:]
    var utilisationPeak: [RO: Double] = [:]
    var hardBandFailures: [Totals.HardBandFailure] = []
    var solverTimeLimitDays: [Day] = []
    var months: [MonthRecord] = []

    init(scenario: Scenario) { summary = ScenarioSummary(scenario) }

    /// The day `month(_:)` saw last: the same day is the same month, without formatting it again.
    private var monthOfDay: (day: Day, index: Int)?

    mutating func month(_ day: Day) -> Int {
        if let m = monthOfDay, m.day == day { return m.index }
        defer { monthOfDay = (day, months.count - 1) }
        let key = String(day.description.prefix(7))
        if months.last?.month != key {
            months.append(MonthRecord(month: key, assigned: 0, atBestFit: 0, fitLostToBands: 0, escalations: [:]))
        }
        return months.count - 1
    }

    /// The distance of each RO's share from its band when a band period closes.
    mutating func addPeriodEndSlack(_ shares: PeriodShares, config: AllocationConfig) {
        for ro in RO.allCases { slackAtPeriodEnd[ro, default: 0] += Simulator.slack(shares, ro, config.band(ro)) }
    }

    mutating func escalation(_ code: EscalationCode, month day: Day) {
        escalations[code, default: 0] += 1
        months[month(day)].escalations[code.rawValue, default: 0] += 1
    }

    mutating func assigned(_ s: ScoredCase, to ro: RO, reasons: [EscalationReason], day: Day, continuityBonus: Int) {
        let m = month(day)
        assigned += 1
        perRO[ro, default: 0] += 1
        months[m].assigned += 1
        let score = s.score
        if score.score(ro) >= score.score(score.bestFit) {
            atBestFit += 1
            months[m].atBestFit += 1
        }
        let candidate = s.candidate
        let got = candidate.profit(ro, continuityBonus: continuityBonus) ?? 0
        // The best allowed RO by fit with continuity, ties to the RO order (as the escalation rules do).
        var best = ro
        var bestProfit = got
        for other in RO.allCases {
            if let p = candidate.profit(other, continuityBonus: continuityBonus), p > bestProfit {
                best = other
                bestProfit = p
            }
        }
        fitAssigned += got
        fitBest += bestProfit
        let lost = bestProfit - got
        let bucket =
            switch lost {
            case ...0: "0"
            case 1...2: "1-2"
            case 3...5: "3-5"
            case 6...10: "6-10"
            default: ">10"
            }
        histogram[bucket, default: 0] += 1
        if lost > 0 {
            if reasons.contains(where: { $0.code == .forcedByCapacity }) {
                lostCapacity[best, default: 0] += lost
            } else {
                lostBands[best, default: 0] += lost
                months[m].fitLostToBands += lost
            }
        }
        if !reasons.isEmpty { escalatedCases += 1 }
        for r in reasons { escalation(r.code, month: day) }
        reviewVolumes.count(reasons, on: day)
    }

    func result(days: [DayRecord]?, workingDays: Int, waitingAtEnd: Int, shares: PeriodShares, basis: IntakeBasis.Source) -> ScenarioResult
    {
        func byRO<T>(_ d: [RO: T], _ zero: T) -> [String: T] {
            Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, d[$0] ?? zero) })
        }
        var hist: [String: Int] = [:]
        for b in Totals.histogramBuckets { hist[b] = histogram[b] ?? 0 }
        var totals = Totals(
            workingDays: workingDays,
            intake: intake,
            assigned: assigned,
            waitingAtEnd: waitingAtEnd,
            atBestFit: atBestFit,
            atBestFitShare: Format.round(intake > 0 ? Double(atBestFit) / Double(intake) : 0),
            fitAssigned: fitAssigned,
            fitBest: fitBest,
            fitLostToBands: lostBands.values.reduce(0, +),
            fitLostToBandsPerRO: byRO(lostBands, 0),
            fitLostToCapacity: lostCapacity.values.reduce(0, +),
            fitLostToCapacityPerRO: byRO(lostCapacity, 0),
            fitWaitingAtEnd: fitWaitingAtEnd,
            fitLost: fitBest - fitAssigned + fitWaitingAtEnd,
            fitLossHistogram: hist,
            assignedPerRO: byRO(perRO, 0),
            finalShare: Dictionary(uniqueKeysWithValues: RO.allCases.map { ($0.rawValue, Format.round(shares.share($0))) }),
            escalations: Dictionary(uniqueKeysWithValues: EscalationCode.allCases.map { ($0.rawValue, escalations[$0] ?? 0) }),
            escalatedCases: escalatedCases,
            daysWithWaiting: daysWithWaiting,
            maxWaiting: maxWaiting,
            caseDaysWaiting: caseDaysWaiting,
            averageWaitDays: Format.round(intake > 0 ? Double(caseDaysWaiting) / Double(intake) : 0, 4),
            softSlack: byRO(slack.mapValues { Format.round($0, 3) }, 0),
            daysWithSlack: daysWithSlack,
            slackAtPeriodEnd: byRO(slackAtPeriodEnd.mapValues { Format.round($0, 3) }, 0),
            averageUtilisation: byRO(utilisationSum.mapValues { Format.round($0 / Double(max(1, workingDays)), 4) }, 0),
            peakUtilisation: byRO(utilisationPeak.mapValues { Format.round($0, 4) }, 0),
            hardBandFailureDays: hardBandFailures.count,
            hardBandFailures: Array(hardBandFailures.prefix(20)),
            solverTimeLimitDays: solverTimeLimitDays
        )
        totals.reviewVolumes = reviewVolumes
        return ScenarioResult(scenario: summary, intake: basis, totals: totals, months: months, days: days)
    }
}
