/// The step of the tie rule that decided between ROs with the same score.
public enum TieStep: String, Codable, Sendable, CaseIterable {
    /// The client already has a trajectory with one of them (convenant rule 8).
    case continuity
    /// The RO furthest below the midpoint of its band.
    case bandMidpoint = "band"
    /// The RO with the most free capacity relative to its capacity.
    case capacity
    /// Everything else equal: a fixed choice derived from the case id, so a rerun chooses the same.
    case caseId = "zaak"
    /// The rule preferred another RO, but that RO had no room within its capacity or band today.
    case noRoom = "geen_ruimte"
}
