import Allocation
import Foundation
import InstroomDomain
import InstroomTesting
import Testing

/// The queues and thresholds come from the configuration file, with file, line and field on errors.
struct EscalationPolicyTests {
    @Test func theBundledPolicyIsTheStandardOne() {
        #expect(AllocationConfig.bundled().escalation == .standard)
    }

    @Test func forcedPlacementsGoByTheirFitLoss() {
        let policy = EscalationPolicy.standard
        #expect(policy.queue(for: .forcedByBand, fitLoss: 1) == nil)
        #expect(policy.queue(for: .forcedByBand, fitLoss: 4) == .triage)
        #expect(policy.queue(for: .forcedByCapacity, fitLoss: 5) == .triage)
        #expect(policy.queue(for: .forcedByBand, fitLoss: 6) == .commissie)
        #expect(policy.queue(for: .nearTie) == .triage)
        #expect(policy.queue(for: .contested) == .commissie)
        #expect(policy.queue(for: .noCapacity) == nil)
        #expect(policy.queue(for: .longWaiting) == .commissie)
    }

    @Test func aFileSetsThresholdsAndQueues() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("c.yaml")
        try
            "commissie: {minFitLoss: 8, maxWaitingDays: 2}\ntriage: {minFitLoss: 2}\nqueues:\n  bijna_gelijk: commissie\n  ontbrekende_gegevens: geen\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let policy = try AllocationConfig.bundled(overriddenBy: url.path).escalation
        #expect(policy.minFitLoss == 8 && policy.maxWaitingDays == 2 && policy.minReviewFitLoss == 2)
        #expect(policy.queue(for: .nearTie) == .commissie)
        #expect(policy.queue(for: .missingData) == nil)
        #expect(policy.queue(for: .forcedByBand, fitLoss: 3) == .triage)
    }

    @Test(arguments: [
        ("queues:\n  ruzie: triage\n", "queues.ruzie"),
        ("queues:\n  bijna_gelijk: iedereen\n", "queues.bijna_gelijk"),
        ("commissie: {minFitLoss: 0}\n", "commissie.minFitLoss"),
        ("commissie: {minFitLoss: 3}\ntriage: {minFitLoss: 5}\n", "triage.minFitLoss"),
        ("commissie: {quorum: 3}\n", "commissie.quorum"),
    ])
    func aBadPolicyIsRefusedWithLineAndField(text: String, field: String) throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("c.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try AllocationConfig.bundled(overriddenBy: url.path)
        } throws: { error in
            let message = "\(error)"
            return message.contains("c.yaml") && (message.contains(field) || message.contains(String(field.split(separator: ".").last!)))
        }
    }
}
