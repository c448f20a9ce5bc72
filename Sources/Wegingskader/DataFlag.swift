import Foundation
import InstroomDomain

/// Missing or stale critical data: a data-quality signal, never a guess.
public struct DataFlag: Sendable, Codable, Equatable, Hashable {
    /// `scil_onbekend`, `scil_verouderd`, `risc_onbekend`, `risc_verouderd`.
    public var code: String
    /// Dutch.
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    public static let scilUnknown = DataFlag(
        code: "scil_onbekend",
        label: "SCIL ontbreekt: LVB is niet vastgesteld en ook niet uitgesloten"
    )
    public static let riscUnknown = DataFlag(
        code: "risc_onbekend",
        label: "RISc ontbreekt: het risico op recidive is onbekend"
    )
    public static func scilStale(after days: Int) -> DataFlag {
        DataFlag(code: "scil_verouderd", label: "SCIL is ouder dan \(DutchNumber.count(days, "dag", "dagen")) en telt als onbekend")
    }
    public static func riscStale(after days: Int) -> DataFlag {
        DataFlag(code: "risc_verouderd", label: "RISc is ouder dan \(DutchNumber.count(days, "dag", "dagen")) en telt als onbekend")
    }
}
