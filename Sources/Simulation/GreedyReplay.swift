import Allocation
import Foundation
import InstroomDomain
import Review
import Triage
import Wegingskader

/// The greedy reference of the hindsight benchmark: day by day, each case (statutory work first, then
/// by urgency) goes to its best-fitting allowed RO that has room, bands ignored; a case no RO has room
/// for waits. Same intake, scores, capacity model and durations as the daily replay.
enum GreedyReplay {
    static func run(_ scenario: Scenario, basis: IntakeBasis, slackPrice: Double) -> HindsightBenchmark.Outcome {
        let config = scenario.config
        let ros = RO.allCases
        let n = basis.days.count
        let maxDuration = scenario.durations.values.max() ?? 1
        var releases = Array(repeating: 0.0, count: (n + maxDuration + 1) * 3)
        var load = [0.0, 0.0, 0.0]
        var waiting: [ScoredCase] = []
        var shares = PeriodShares()
        var periodStart: Day?
        var out = HindsightBenchmark.Outcome(fit: 0, value: 0, atBestFit: 0, slackAtPeriodEnd: 0, caseDaysWaiting: 0, waitingAtEnd: 0)
        func closePeriod() {
            for ro in ros { out.slackAtPeriodEnd += Simulator.slack(shares, ro, config.band(ro)) }
        }
        for i in 0..<n {
            let day = basis.days[i]
            let start = config.period.start(of: day)
            if start != periodStart {
                if periodStart != nil { closePeriod() }
                periodStart = start
                shares = PeriodShares()
            }
            for r in 0..<3 { load[r] = max(0, load[r] - releases[i * 3 + r]) }
            let initialLeft = max(0, 1 - Double(i) / Double(max(1, scenario.capacity.initialLoadDays)))
            var free = ros.map { ro in
                max(
                    0,
                    scenario.capacity.caseload(ro, week: day.isoWeek) - load[ros.firstIndex(of: ro)!]
                        - (scenario.capacity.initialLoad[ro] ?? 0) * initialLeft
                )
            }
            let today = Scoring.score(basis.cases(at: i), on: day, rules: scenario.rules, config: config)
            shares.waiting = 0
            let pool = (waiting + today).sorted { a, b in
                let (pa, pb) = (config.priority(a.intake.kind), config.priority(b.intake.kind))
                if pa != pb { return pa > pb }
                return (a.intake.deadline ?? Day(daysSinceEpoch: Int.max / 2), a.intake.received, a.intake.id) < (
                    b.intake.deadline ?? Day(daysSinceEpoch: Int.max / 2), b.intake.received, b.intake.id
                )
            }
            waiting = []
            for s in pool {
                let c = s.candidate
                let options = ros.indices.filter {
                    c.profit(ros[$0], continuityBonus: config.continuityBonus) != nil && free[$0] >= c.weight - 1e-9
                }
                guard
                    let r = options.max(by: {
                        (c.profit(ros[$0], continuityBonus: config.continuityBonus)!, -$0) < (
                            c.profit(ros[$1], continuityBonus: config.continuityBonus)!, -$1
                        )
                    })
                else {
                    waiting.append(s)
                    shares.waiting += c.weight
                    continue
                }
                free[r] -= c.weight
                load[r] += c.weight
                releases[(i + (scenario.durations[c.kind] ?? 1)) * 3 + r] += c.weight
                shares = shares.adding(ros[r], c.weight)
                out.fit += Double(c.profit(ros[r], continuityBonus: config.continuityBonus) ?? 0)
                if s.score.score(ros[r]) >= s.score.score(s.score.bestFit) { out.atBestFit += 1 }
            }
            out.caseDaysWaiting += Double(waiting.count)
        }
        closePeriod()
        out.waitingAtEnd = Double(waiting.count)
        out.value = out.fit - slackPrice * out.slackAtPeriodEnd
        return out
    }
}
