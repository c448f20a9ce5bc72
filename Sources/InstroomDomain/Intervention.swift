import Foundation

/// Interventions the case needs: the third axis, and the source of hard routing (a product one RO delivers).
public enum Intervention: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, OrderedByCode {
    case werkstraf
    case verdiepingsdiagnostiek
    case jovo
    case gedragsinterventie
    case enkelband
    case klinischeZorg = "klinische_zorg"
}
