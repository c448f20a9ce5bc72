import Triage

extension ReviewState {
    /// The item's state as the review list shows it.
    var label: String {
        switch self {
        case .open: "open"
        case .accepted: "akkoord"
        case .overridden: "afgeweken"
        case .contested: "betwist"
        }
    }
}
