import Foundation
import InstroomDomain
import InstroomTesting
import Ledger
import Triage
import Wegingskader

@testable import WebApp

/// A ledger with a day allocated (escalations included, one case with a hostile id, region and
/// contest reason), an account per role, small scenario files, and settings for a server on loopback.
struct TestWorld {
    static let hostile = #"<script>alert("x")</script>'&"#
    static let hostileCase = "Z-" + hostile
    static let password = "correct horse battery"
    static let friendlyCase = "C20260302-0031"
    static let friendlyNames: [UserRole: String] = [
        .triagist: "Sanne Jansen", .commissielid: "Anna de Vries", .directie: "Karim El Amrani",
        .beheerder: "Joost Bakker",
    ]

    let folder: URL
    let settings: WebAppSettings
    let ledger: Ledger
    let openEscalation: Int64

    /// `friendly`: readable names and texts instead of hostile ones (the browser test's screenshots go in the README).
    static func make(friendly: Bool = false) throws -> TestWorld {
        let folder = Fixtures.temporaryFolder()
        let db = folder.appendingPathComponent("ledger.sqlite").path
        let scenarios = folder.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let source = Fixtures.packageRoot.appendingPathComponent("Scenarios")
        let baseline = try String(contentsOf: source.appendingPathComponent("baseline.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "workingDays: 250", with: "workingDays: 3").replacingOccurrences(
                of: "perDay: 243",
                with: "perDay: 15"
            )
        try baseline.write(to: scenarios.appendingPathComponent("baseline.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: source.appendingPathComponent("narrow-bands.yaml"),
            to: scenarios.appendingPathComponent("narrow-bands.yaml")
        )

        let ledger = try Ledger(path: db)
        let day = Fixtures.monday
        var intake = Fixtures.intake(day, count: 30)
        let caseId = friendly ? friendlyCase : hostileCase
        intake.append(
            IntakeCase(
                id: caseId,
                kind: .advies,
                received: day,
                offences: [.huiselijkGeweld],
                problems: [.verslaving],
                region: friendly ? "Utrecht" : hostile
            )
        )
        // The day proposed, the case contested on the draft by a triagist, the day confirmed: the case
        // reaches the commissie provisionally, as in daily use.
        let rules = RuleSet.bundledDefault()
        let contester = friendly ? "Sanne Jansen" : "Triagist " + hostile
        _ = try DailyRun(ledger: ledger, rules: rules, config: Fixtures.config(), actor: "triagepunt").propose(intake: intake, day: day)
        _ = try DailyRun(ledger: ledger, rules: rules, config: Fixtures.config(), actor: contester)
            .contest(caseId: caseId, reason: friendly ? "Huiselijk geweld met verslaving: SVG of RN?" : "Betwist: " + hostile, day: day)
        _ = try DailyRun(ledger: ledger, rules: rules, config: Fixtures.config(), actor: "triagepunt").confirm(day: day, acceptRest: true)
        guard let escalation = try ledger.escalations(caseId: caseId).first else {
            throw TriageError.refused("the contested case \(caseId) did not reach the commissie")
        }

        let accounts = Accounts(ledger: ledger, cost: 4)
        for role in UserRole.allCases {
            let name = friendly ? friendlyNames[role]! : "\(role.rawValue.capitalized) \(hostile)"
            try accounts.add(login: role.rawValue, displayName: name, role: role, password: password)
        }
        let settings = WebAppSettings(
            host: "127.0.0.1",
            port: 0,
            database: db,
            scenarios: scenarios.path,
            secureCookies: false,
            bcryptCost: 4
        )
        return TestWorld(folder: folder, settings: settings, ledger: ledger, openEscalation: escalation.id ?? 0)
    }

    /// An API token for `role`.
    func token(_ role: UserRole) throws -> String {
        try Accounts(ledger: ledger, cost: 4).makeToken(name: "Systeem \(role.rawValue) \(TestWorld.hostile)", role: role, by: "test").token
    }
}
