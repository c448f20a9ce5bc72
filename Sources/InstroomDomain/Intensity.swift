import Foundation

/// Supervision intensity, which follows behaviour and RISc.
public enum Intensity: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable { case laag, midden, hoog }
