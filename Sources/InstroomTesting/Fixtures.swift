import Allocation
import Foundation
import InstroomDomain
import IntakeGenerator
import Wegingskader

/// Shared test fixtures: temporary folders, the bundled policy, and synthetic days.
public enum Fixtures {
    /// A fresh temporary folder; the caller removes it (or leaves it for the OS).
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func ledgerPath() -> String { temporaryFolder().appendingPathComponent("ledger.sqlite").path }

    public static let monday = Day("2026-03-02")!

    /// The bundled configuration with some fields replaced.
    public static func config(_ change: (inout AllocationConfig) -> Void = { _ in }) -> AllocationConfig {
        var c = AllocationConfig.bundled()
        change(&c)
        return c
    }

    public static func rules() -> RuleSet { RuleSet.bundledDefault() }

    /// `count` synthetic cases received on `day`.
    public static func intake(_ day: Day, count: Int, seed: UInt64 = 1) -> [IntakeCase] {
        SyntheticIntake(seed: seed).day(day, count: count)
    }

    /// Working days from `start`, skipping weekends.
    public static func workingDays(from start: Day, count: Int) -> [Day] { Day.workingDays(from: start, count: count) }

    /// The package root, for tests that read bundled files or run the built binary.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
