import Foundation

extension AllocationConfig {
    /// The bundled illustrative settings (`Resources/default-config.yaml`): what `instroom` uses
    /// without `--config`. The numbers are placeholders; see the README.
    public static var bundledURL: URL { Bundle.module.url(forResource: "Resources/default-config", withExtension: "yaml")! }

    /// The bundled configuration; a test proves it loads.
    public static func bundled() -> AllocationConfig {
        // The file ships with the binary and is covered by tests: failing here is a build defect.
        try! load(contentsOf: bundledURL, over: nil)
    }

    /// A configuration file laid over the bundled one (fields it leaves out keep their bundled value).
    public static func bundled(overriddenBy file: String?) throws -> AllocationConfig {
        guard let file else { return bundled() }
        return try load(contentsOf: URL(fileURLWithPath: file), over: bundled())
    }
}
