import Foundation
import InstroomTesting
import Testing

/// `instroom users`: the first beheerder is made from the shell, the password never on the command line.
@Suite struct UsersCommandTests {
    /// Listing reads: a mistyped --db is refused, not answered with an empty list in a new ledger.
    @Test func listingAMissingLedgerIsRefusedAndCreatesNothing() throws {
        let db = Fixtures.temporaryFolder().appendingPathComponent("typo.sqlite").path
        let r = try CLI.run(["users", "list", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.contains("typo.sqlite"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func addListDisableAndToken() throws {
        let folder = Fixtures.temporaryFolder()
        let db = folder.appendingPathComponent("ledger.sqlite").path
        let passwordFile = folder.appendingPathComponent("wachtwoord.txt")
        try "een heel goed wachtwoord\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let added = try CLI.run([
            "users", "add", "--login", "beheer", "--name", "Beheerder 3RO", "--role", "beheerder",
            "--password-file", passwordFile.path, "--db", db,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let again = try CLI.run([
            "users", "add", "--login", "BEHEER", "--name", "X", "--role", "directie", "--password-file", passwordFile.path, "--db", db,
        ])
        #expect(again.status != 0 && again.stderr.contains("bestaat al"))
        try "kort\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let short = try CLI.run([
            "users", "add", "--login", "kort", "--name", "Kort", "--role", "directie", "--password-file", passwordFile.path, "--db", db,
        ])
        #expect(short.status != 0 && short.stderr.contains("minstens 12 tekens"))
        let token = try CLI.run(["users", "token", "--name", "Planningssysteem", "--role", "directie", "--db", db])
        #expect(token.status == 0 && token.stdout.hasPrefix("irt_"))
        #expect(try CLI.run(["users", "disable", "beheer", "--db", db]).status == 0)
        let list = try CLI.run(["users", "list", "--db", db])
        #expect(list.stdout.contains("beheer\tBeheerder 3RO\tbeheerder\tdisabled"))
        #expect(list.stdout.contains("Planningssysteem\tdirectie\tactive"))
        #expect(try CLI.run(["users", "add", "--login", "x", "--name", "X", "--role", "koning", "--db", db]).status != 0)
    }

    @Test func insecureCookiesOnlyOnLocalhost() throws {
        let result = try CLI.run(["serve", "--host", "0.0.0.0", "--insecure-cookies", "--db", Fixtures.ledgerPath()])
        #expect(result.status != 0 && result.stderr.contains("--insecure-cookies is only allowed"))
    }
}
