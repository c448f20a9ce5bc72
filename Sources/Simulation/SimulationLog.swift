import Logging

/// Operational log of scenario replays: scenario names, day counts and timings, never case facts.
let logger = Logger(label: "nl.3ro.instroom.simulation")
