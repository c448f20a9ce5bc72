import Foundation
import InstroomTesting
import Ledger
import Synchronization
import Testing

/// The accounts tables in the ledger: sessions expire and end with their account, logins are unique in any case.
@Suite struct LedgerAccountsTests {
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_780_000_000))
        func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
    }

    @Test func sessionsExpireAndEndWhenTheAccountChanges() throws {
        let clock = Clock()
        let ledger = try Ledger(path: Fixtures.ledgerPath(), clock: { clock.now.withLock { $0 } })
        let user = try ledger.addUser(login: "anna", displayName: "Anna de Vries", role: .commissielid, passwordHash: "x")
        #expect(throws: LedgerError.self) { try ledger.addUser(login: "ANNA", displayName: "Ander", role: .directie, passwordHash: "y") }
        let session = SessionRecord(
            tokenHash: "h1",
            userId: user.id!,
            csrfToken: "c",
            createdAt: ledger.timestamp(after: 0),
            expiresAt: ledger.timestamp(after: 60)
        )
        try ledger.addSession(session)
        #expect(try ledger.session(tokenHash: "h1")?.user.login == "anna")
        clock.advance(61)
        #expect(try ledger.session(tokenHash: "h1") == nil)
        try ledger.addSession(
            SessionRecord(
                tokenHash: "h2",
                userId: user.id!,
                csrfToken: "c",
                createdAt: ledger.timestamp(after: 0),
                expiresAt: ledger.timestamp(after: 60)
            )
        )
        #expect(try ledger.session(tokenHash: "h2") != nil)
        try ledger.updateUser(id: user.id!, role: .directie)
        #expect(try ledger.session(tokenHash: "h2") == nil)
        #expect(try ledger.user(login: "Anna")?.role == .directie)
    }

    @Test func activationsAreKeptInOrderAndTokensCanBeRevoked() throws {
        let ledger = try Ledger(path: Fixtures.ledgerPath())
        try ledger.activateRuleSet(hash: "a", version: "1", title: "een", source: "version: 1", by: "Joost")
        try ledger.activateRuleSet(hash: "b", version: "2", title: "twee", source: "version: 2", by: "Joost")
        #expect(try ledger.ruleActivations().map(\.version) == ["1", "2"])
        let token = try ledger.addAPIToken(tokenHash: "t", name: "Planning", role: .directie, createdBy: "Joost")
        #expect(try ledger.apiToken(tokenHash: "t")?.name == "Planning")
        try ledger.disableAPIToken(id: token.id!)
        #expect(try ledger.apiToken(tokenHash: "t") == nil)
    }
}
