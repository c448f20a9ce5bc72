import Foundation
import Ledger
import Wegingskader

extension Ledger {
    /// The wegingskader the beheerder activated last, parsed from the source stored with its activation;
    /// nil when none was activated (callers then use the bundled or a named rule file). One place, so the
    /// web app and the commands score a day with the same version.
    public func activeRuleSet() throws -> (rules: RuleSet, activation: RuleActivationRecord)? {
        guard let latest = try ruleActivations().last else { return nil }
        return (try RuleSet.parse(latest.source, file: "wegingskader \(latest.version)"), latest)
    }
}
