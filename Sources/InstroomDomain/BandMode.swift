import Foundation

/// Whether a band may be left at a price (soft) or never (hard).
public enum BandMode: String, CaseIterable, Codable, Sendable { case hard, soft }
