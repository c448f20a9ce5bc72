import InstroomDomain
import Ledger
import Testing
import Triage

/// How a deviation's cost reads in the audit, the CLI and the triagist's page.
struct OverrideTextTests {
    func override(fitLoss: Int, objectiveCost: Double) -> ProposalContent.Override {
        .init(ro: .SVG, reason: "r", by: "b", at: "", proposedRO: .LJR, fitLoss: fitLoss, objectiveCost: objectiveCost)
    }

    @Test func theCostSaysWhetherTheDaysObjectiveFellRoseOrStayed() {
        #expect(
            override(fitLoss: 1, objectiveCost: 0).costInDutch
                == "fitverlies 1 punt ten opzichte van de beste RO, doelfunctie van de dag gelijk"
        )
        #expect(
            override(fitLoss: 4, objectiveCost: 3.5).costInDutch
                == "fitverlies 4 punten ten opzichte van de beste RO, doelfunctie van de dag 3,5 lager"
        )
        #expect(override(fitLoss: 0, objectiveCost: -2).costInDutch.hasSuffix("doelfunctie van de dag 2 hoger"))
    }
}
