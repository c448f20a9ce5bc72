import Logging

/// The ledger's operational log: paths, counts and waits only, never case facts.
let ledgerLogger = Logger(label: "nl.3ro.instroom.ledger")
