/// What `allocate` and `propose` refuse unless told it is meant (`--allow`): a day the triagepunt does
/// not work, or a day before one already in the ledger (its shares were fixed by the later run).
public enum DayAllowance: String, CaseIterable, Codable, Sendable {
    case weekend
    case holiday
    case outOfOrder = "out-of-order"
}
