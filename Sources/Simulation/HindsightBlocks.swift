import InstroomDomain

/// The time blocks of the hindsight model: `blockDays` working days each, cut so that every working day
/// of a caseload dip (summer, Christmas) is a block of its own, where the replay's dip rule (no new
/// case above the lowered caseload) holds per day. Without dips (or without the rule) the blocks are
/// the plain `blockDays` ones.
struct HindsightBlocks {
    /// Per working day: some RO's caseload is below the highest of the last longest duration.
    let isDip: [Bool]
    /// Per working day, its block.
    let blockOf: [Int]
    /// Per block, its working days.
    let days: [Range<Int>]
    /// Per block, the first block of the longest duration before it (those that end on or after its
    /// start minus that duration): the window whose highest caseload the block gets.
    let windowStart: [Int]

    var count: Int { days.count }

    init(scenario: Scenario, days workingDays: [Day], blockDays: Int, dipRule: Bool) {
        let longest = scenario.durations.values.max() ?? 1
        let isDip = dipRule ? CaseloadDip.days(scenario, on: workingDays) : Array(repeating: false, count: workingDays.count)
        var blockOf = Array(repeating: 0, count: workingDays.count)
        var days: [Range<Int>] = []
        for i in workingDays.indices {
            if let last = days.last, !isDip[i], !isDip[i - 1], last.count < max(1, blockDays) {
                days[days.count - 1] = last.lowerBound..<(i + 1)
            } else {
                days.append(i..<(i + 1))
            }
            blockOf[i] = days.count - 1
        }
        self.isDip = isDip
        self.blockOf = blockOf
        self.days = days
        windowStart = days.indices.map { b in (0...b).first { days[$0].upperBound - 1 >= days[b].lowerBound - longest }! }
    }
}
