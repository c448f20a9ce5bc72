import ArgumentParser
import InstroomDomain

/// `--reason bijna_gelijk`: the stable codes; a wrong one is refused with the list of codes.
extension EscalationCode: ExpressibleByArgument {}
