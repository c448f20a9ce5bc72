import Foundation

/// How `instroom serve` runs the web app.
public struct WebAppSettings: Sendable {
    public var host: String
    public var port: Int
    /// The ledger file: cases, runs, escalations, and the app's accounts, sessions, tokens and rule activations.
    public var database: String
    /// Where the bundled scenarios (`*.yaml`) are; the one named `baseline.yaml` is the reference.
    public var scenarios: String
    /// Allocation settings (YAML) over the bundled ones; nil for the bundled illustrative settings.
    public var config: String?
    /// Cookies only over HTTPS. Off only for plain-http use on localhost.
    public var secureCookies: Bool
    /// bcrypt's cost (log2 of the rounds): 12 in production, lower in tests.
    public var bcryptCost: UInt8
    /// How long a login lasts.
    public var sessionSeconds: TimeInterval

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: String = "instroom.sqlite",
        scenarios: String = "Scenarios",
        config: String? = nil,
        secureCookies: Bool = true,
        bcryptCost: UInt8 = 12,
        sessionSeconds: TimeInterval = 8 * 3600
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.scenarios = scenarios
        self.config = config
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionSeconds = sessionSeconds
    }
}
