// swift-tools-version: 6.1
// instroom: daily distribution of the 3RO intake (SVG, RN, LJ&R) on content, within bandwidths.
import PackageDescription

let package = Package(
    name: "instroom",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "instroom", targets: ["instroom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Bottom: the vocabulary of the convenant (cases, ROs, bands, capacities, weights) and input files.
        .target(name: "InstroomDomain", dependencies: [.product(name: "Yams", package: "Yams")], exclude: ["Intake/ASSUMPTIONS.md"]),
        // The wegingskader: an editable, versioned rule file that turns case facts into fit scores.
        .target(
            name: "Wegingskader",
            dependencies: ["InstroomDomain", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        // GLPK through a system-library target; Debian ships no pkg-config file, so the map links glpk.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The only Swift code that calls GLPK: checks every index and bound before it crosses.
        .target(name: "GLPK", dependencies: ["CGLPK"]),
        // The integer program: the assignment core, the day model, and the GAP reference reader.
        .target(name: "Allocation", dependencies: ["InstroomDomain", "GLPK"]),
        // SQLite ledger through GRDB: intake, runs, assignments, escalations, decisions, audit.
        .target(name: "Ledger", dependencies: ["InstroomDomain", .product(name: "GRDB", package: "GRDB.swift")]),
        // The daily triage run and the commissie workflow: score, solve, flag, record.
        .target(
            name: "Triage",
            dependencies: ["InstroomDomain", "Wegingskader", "Allocation", "Ledger"],
            resources: [.copy("Resources")]
        ),
        // Bandwidth scenarios replayed day by day with the production allocator, and their reports.
        .target(name: "Simulation", dependencies: ["InstroomDomain", "Wegingskader", "Allocation", "Triage"]),
        // Fixtures and intake builders shared by the test targets.
        .target(name: "InstroomTesting", dependencies: ["InstroomDomain", "Wegingskader", "Triage"]),
        // Top: the command line. Parses, calls one library function, renders.
        .executableTarget(
            name: "instroom",
            dependencies: [
                "InstroomDomain", "Wegingskader", "Allocation", "Ledger", "Triage", "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "InstroomDomainTests", dependencies: ["InstroomDomain", "InstroomTesting"]),
        .testTarget(name: "WegingskaderTests", dependencies: ["Wegingskader", "InstroomTesting"]),
        .testTarget(name: "AllocationTests", dependencies: ["Allocation", "InstroomDomain", "GLPK"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "InstroomTesting", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TriageTests", dependencies: ["Triage", "InstroomTesting"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "InstroomTesting"]),
        .testTarget(name: "CLITests", dependencies: ["instroom", "InstroomTesting"]),
    ]
)
