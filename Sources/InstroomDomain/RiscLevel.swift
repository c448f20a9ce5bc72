import Foundation

/// RISc risk of reoffending. `onbekend` is common (SOM pilot: 71 of 139) and is flagged, not guessed.
public enum RiscLevel: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable { case laag, midden, hoog, onbekend }
