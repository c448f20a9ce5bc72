import Foundation
import InstroomDomain
import Ledger
import Wegingskader

/// The wegingskader versions: which is active since when, the history of activations, and the check of
/// an uploaded version (validation, golden cases, diff against the active version over the sample intake).
struct RuleSetContent {
    struct Activation {
        var version: String
        var hash: String
        var by: String
        var at: String
    }

    struct Check {
        var version: String
        var title: String
        var hash: String
        var source: String
        var golden: String
        var goldenOK: Bool
        var disagreements: [String]
        var diffSummary: String
        var changes: [Change]
        var totals: [Total]
    }

    struct Change {
        var caseId: String
        var old: String
        var new: String
    }

    struct Total {
        var ro: String
        var old: String
        var new: String
    }

    var activeVersion: String
    var activeHash: String
    var activeSince: String
    var activations: [Activation]
    var errors: [String]
    var check: Check?

    init(active: RuleSet, activation: RuleActivationRecord?, history: [RuleActivationRecord], errors: [String] = [], check: Check? = nil) {
        activeVersion = "\(active.version): \(active.title)"
        activeHash = active.shortHash
        activeSince =
            activation.map { "actief sinds \(CaseText.time($0.activatedAt)), geactiveerd door \($0.activatedBy)" }
            ?? "de meegeleverde (illustratieve) versie; er is nog geen versie geactiveerd"
        activations = history.reversed().map {
            Activation(version: $0.version, hash: String($0.hash.prefix(12)), by: $0.activatedBy, at: CaseText.time($0.activatedAt))
        }
        self.errors = errors
        self.check = check
    }

    /// The check of a proposed version against the golden cases and the active version.
    static func check(_ proposed: RuleSet, active: RuleSet, sample: [IntakeCase]) throws -> Check {
        let golden = try GoldenCase.load(contentsOf: GoldenCase.bundledURL)
        let report = GoldenReport.evaluate(proposed, cases: golden, on: golden.first?.day ?? Day.today())
        let day = sample.map(\.received).max() ?? Day.today()
        let diff = RuleSetDiff.compare(old: active, new: proposed, cases: sample, on: day)
        return Check(
            version: proposed.version,
            title: proposed.title,
            hash: proposed.hash,
            source: proposed.sourceText,
            golden:
                "\(DutchNumber.integer(report.agreed)) van \(DutchNumber.count(report.total, "voorbeeldzaak", "voorbeeldzaken")) zoals verwacht",
            goldenOK: report.allAgree,
            disagreements: report.disagreements.map { "\($0.caseId): \($0.description), verwacht \($0.expected.label)" },
            diffSummary:
                "\(DutchNumber.count(diff.changes.count, "zaak", "zaken")) van de \(DutchNumber.integer(diff.caseCount)) in de voorbeeldintake krijgen een andere beste match dan met \(diff.oldVersion).",
            changes: diff.changes.map { Change(caseId: $0.caseId, old: $0.old.displayName, new: $0.new.displayName) },
            totals: RO.allCases.map {
                Total(
                    ro: $0.displayName,
                    old: DutchNumber.integer(diff.oldTotals[$0] ?? 0),
                    new: DutchNumber.integer(diff.newTotals[$0] ?? 0)
                )
            }
        )
    }
}
