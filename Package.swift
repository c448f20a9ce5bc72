// swift-tools-version: 6.1
// instroom: daily distribution of the 3RO intake (SVG, RN, LJ&R) on content, within bandwidths.
//
// Modules, bottom to top; a module imports only what it declares (MemberImportVisibility and
// `--explicit-target-dependency-import-check error` in scripts/test make the build refuse anything else).
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "instroom",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "instroom", targets: ["instroom"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The vocabulary of the convenant: cases and their facts, ROs, bands, workload, days, escalation reasons.
        .target(name: "InstroomDomain", swiftSettings: strict),
        // YAML read with file, line and field in every error (configuration, rules, scenarios).
        .target(
            name: "YAMLReading",
            dependencies: ["InstroomDomain", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Intake files: CSV (also Dutch Excel) and JSON in, CSV and JSON out, every error with line and field.
        .target(name: "IntakeFormats", dependencies: ["InstroomDomain"], resources: [.copy("Resources")], swiftSettings: strict),
        // Synthetic intake for demos, tests and scenarios: a seeded generator with SOM-like gaps.
        .target(name: "IntakeGenerator", dependencies: ["InstroomDomain"], exclude: ["ASSUMPTIONS.md"], swiftSettings: strict),
        // The wegingskader: an editable, versioned rule file that turns case facts into fit scores.
        .target(
            name: "Wegingskader",
            dependencies: ["InstroomDomain", "YAMLReading", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // GLPK through a system-library target; Debian ships no pkg-config file, so the map links glpk.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The only Swift code that calls GLPK: checks every index and bound before it crosses.
        .target(name: "GLPK", dependencies: ["CGLPK", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        // The integer program and its settings: the assignment core, the day model, the GAP reference reader.
        .target(
            name: "Allocation",
            dependencies: ["InstroomDomain", "YAMLReading", "GLPK"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // Who looks at what: escalation reasons and their queues, the tie rule, scoring a day's cases.
        .target(name: "Review", dependencies: ["InstroomDomain", "Wegingskader", "Allocation"], swiftSettings: strict),
        // SQLite ledger through GRDB: intake, runs, assignments, escalations, decisions, audit.
        .target(
            name: "Ledger",
            dependencies: [
                "InstroomDomain", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The daily triage run and the commissie workflow: score, solve, flag, record.
        .target(
            name: "Triage",
            dependencies: [
                "InstroomDomain", "IntakeFormats", "Wegingskader", "GLPK", "Allocation", "Review", "Ledger", "Pages",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Bandwidth scenarios replayed day by day with the production allocator, and their reports.
        .target(
            name: "Simulation",
            dependencies: [
                "InstroomDomain", "YAMLReading", "IntakeFormats", "IntakeGenerator", "Wegingskader", "CGLPK", "GLPK",
                "Allocation", "Review", "Ledger", "Triage", "Pages", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Server-rendered Dutch pages: mustache templates bundled as resources and the renderer every report can use.
        .target(
            name: "Pages",
            dependencies: ["InstroomDomain", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")],
            swiftSettings: strict
        ),
        // The web app for triagepunt, begeleidingscommissie, directies and beheerder: routes, roles, sessions, JSON API.
        .target(
            name: "WebApp",
            dependencies: [
                "InstroomDomain", "IntakeFormats", "Wegingskader", "GLPK", "Allocation", "Ledger", "Triage",
                "Simulation", "Pages", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        // Fixtures shared by the test targets: temporary folders, the bundled policy, synthetic days.
        .target(
            name: "InstroomTesting",
            dependencies: ["InstroomDomain", "IntakeGenerator", "Wegingskader", "Allocation"],
            swiftSettings: strict
        ),
        // Top: the command line. Parses, calls one library function, renders.
        .executableTarget(
            name: "instroom",
            dependencies: [
                "InstroomDomain", "IntakeFormats", "IntakeGenerator", "Wegingskader", "GLPK", "Allocation", "Ledger",
                "Review", "Triage", "Simulation", "WebApp", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "InstroomDomainTests", dependencies: ["InstroomDomain"], swiftSettings: strict),
        .testTarget(
            name: "IntakeFormatsTests",
            dependencies: ["InstroomDomain", "IntakeFormats", "IntakeGenerator", "InstroomTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "IntakeGeneratorTests",
            dependencies: ["InstroomDomain", "IntakeFormats", "IntakeGenerator"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WegingskaderTests",
            dependencies: ["InstroomDomain", "IntakeGenerator", "Wegingskader", "InstroomTesting"],
            swiftSettings: strict
        ),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"], swiftSettings: strict),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["InstroomDomain", "Wegingskader", "GLPK", "Allocation", "Review", "InstroomTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AllocationTests",
            dependencies: ["InstroomDomain", "YAMLReading", "GLPK", "Allocation", "InstroomTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["InstroomDomain", "Ledger", "InstroomTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TriageTests",
            dependencies: [
                "InstroomDomain", "IntakeFormats", "Wegingskader", "GLPK", "Allocation", "Review", "Ledger", "Triage", "InstroomTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SimulationTests",
            dependencies: ["InstroomDomain", "GLPK", "Allocation", "Simulation", "InstroomTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PagesTests",
            dependencies: ["InstroomDomain", "Pages"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "InstroomDomain", "IntakeFormats", "Wegingskader", "Ledger", "Triage", "WebApp", "Pages", "InstroomTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "instroom", "InstroomDomain", "InstroomTesting", "Ledger", "Wegingskader", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
    ]
)
