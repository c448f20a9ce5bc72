import Foundation
import InstroomDomain

/// The bundled defaults that make `instroom allocate` work out of the box. Illustrative numbers only.
public enum Defaults {
    public static var configURL: URL { Bundle.module.url(forResource: "Resources/default-config", withExtension: "yaml")! }
    public static var sampleIntakeURL: URL { Bundle.module.url(forResource: "Resources/sample-intake", withExtension: "csv")! }

    /// The bundled configuration; a test proves it loads.
    public static func config() -> AllocationConfig {
        // The file ships with the binary and is covered by tests: failing here is a build defect.
        try! AllocationConfig.load(contentsOf: configURL, over: nil)
    }

    /// A configuration file laid over the bundled defaults (fields it leaves out keep their default).
    public static func config(file: String?) throws -> AllocationConfig {
        guard let file else { return config() }
        return try AllocationConfig.load(contentsOf: URL(fileURLWithPath: file), over: config())
    }
}
