/// Where a review item of a day's proposal stands. Confirming the day needs every item out of `open`
/// (or `--accept-rest`, which is recorded).
public enum ReviewState: String, Codable, Sendable {
    case open
    /// A triage expert saw it and agrees with the proposal.
    case accepted
    /// Gemotiveerd afwijken: pinned to another RO with a reason.
    case overridden
    /// Sent to the begeleidingscommissie; confirmed provisionally.
    case contested
}
