import Allocation
import Foundation
import InstroomDomain
import Ledger
import Pages
import Triage
import Wegingskader

/// What every handler shares: the ledger, the settings, the page renderer, the login throttle and
/// the scenario jobs. The active wegingskader is read from the ledger on every use, so an activation
/// takes effect at once.
final class AppServices: Sendable {
    let settings: WebAppSettings
    let ledger: Ledger
    let config: AllocationConfig
    let pages: PageRenderer
    let accounts: Accounts
    let throttle = LoginThrottle()
    let jobs = ScenarioJobs()

    init(settings: WebAppSettings) throws {
        self.settings = settings
        ledger = try Ledger(path: settings.database)
        config = try AllocationConfig.bundled(overriddenBy: settings.config)
        pages = try PageRenderer()
        accounts = Accounts(ledger: ledger, cost: settings.bcryptCost)
    }

    var commissie: Commissie { Commissie(ledger: ledger, config: config) }

    /// The latest activated wegingskader, or the bundled one when none was activated.
    func activeRules() throws -> (rules: RuleSet, activation: RuleActivationRecord?) {
        guard let active = try ledger.activeRuleSet() else { return (RuleSet.bundledDefault(), nil) }
        return (active.rules, active.activation)
    }

    /// The scenario files in the scenarios folder, by file name.
    var scenarioFolder: URL { URL(fileURLWithPath: settings.scenarios, isDirectory: true) }
}
