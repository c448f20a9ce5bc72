import Allocation
import ArgumentParser
import GLPK
import InstroomDomain
import Triage

// Option values parsed by argument-parser itself, so a bad value is refused with its own message
// (naming the option and, for enumerations, listing the allowed values) before any command runs.

/// `--ro SVG|RN|LJR`, in any case, and "LJ&R" as staff write it.
extension RO: ExpressibleByArgument {
    public init?(argument: String) { self.init(code: argument) }
}

/// `--date 2026-03-02` (also 02-03-2026, as Dutch Excel writes it).
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `--format lp|mps`.
extension ModelFileFormat: ExpressibleByArgument {}

extension DayAllowance: ExpressibleByArgument {}

/// `--formulation aggregated|perCase`.
extension Formulation: ExpressibleByArgument {}
