import Foundation

/// (The context of) the offence: the first axis of the convenant.
public enum Offence: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, OrderedByCode {
    case huiselijkGeweld = "huiselijk_geweld"
    case zeden
    case terrorisme
    case georganiseerd
    case verkeerAlcohol = "verkeer_alcohol"
    case geweld
    case vermogen
    case drugs
    case overig
}
