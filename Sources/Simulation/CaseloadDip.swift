import InstroomDomain

/// A run of working days with a lowered caseload (summer, Christmas: `capacity.weeks`) and, per RO, on
/// how many of them it could take new cases. In the replay an RO above a lowered caseload keeps its
/// running cases but takes nothing new, so these days show where deciding day by day pays for a dip:
/// the daily replay's count beside the hindsight's tells the directies which RO had no room when.
public struct CaseloadDip: Codable, Sendable, Equatable {
    /// The label of the week factor that lowers the caseload ("kerstweek").
    public var label: String
    public var from: Day
    public var to: Day
    public var days: Int
    /// Per RO: working days of the run on which it could take new cases.
    public var open: [String: Int]

    /// Working days on which some RO's caseload is below the highest of the longest duration before it:
    /// the days the rule for a lowered caseload can stop new cases.
    static func days(_ scenario: Scenario, on workingDays: [Day]) -> [Bool] {
        let longest = scenario.durations.values.max() ?? 1
        var isDip = Array(repeating: false, count: workingDays.count)
        for ro in RO.allCases {
            let raw = workingDays.map { scenario.capacity.caseload(ro, week: $0.isoWeek) }
            for i in raw.indices where raw[i] < raw[max(0, i - longest)...i].max()! { isDip[i] = true }
        }
        return isDip
    }

    /// The runs of dip days; `open(i, ro)`: whether `ro` could take new cases on working day i.
    static func runs(_ scenario: Scenario, on workingDays: [Day], open: (Int, RO) -> Bool) -> [CaseloadDip] {
        let isDip = days(scenario, on: workingDays)
        var runs: [CaseloadDip] = []
        for i in workingDays.indices where isDip[i] {
            let day = workingDays[i]
            if i == 0 || !isDip[i - 1] {
                let week = day.isoWeek
                let label = scenario.capacity.weeks.first { $0.factor < 1 && ($0.from...$0.to).contains(week) }?.label
                runs.append(
                    CaseloadDip(
                        label: label.flatMap { $0.isEmpty ? nil : $0 } ?? "verlaagde caseload",
                        from: day,
                        to: day,
                        days: 0,
                        open: [:]
                    )
                )
            }
            runs[runs.count - 1].to = day
            runs[runs.count - 1].days += 1
            for ro in RO.allCases where open(i, ro) { runs[runs.count - 1].open[ro.rawValue, default: 0] += 1 }
        }
        return runs
    }
}
