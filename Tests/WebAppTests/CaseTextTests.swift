import Testing

@testable import WebApp

/// The ledger stores UTC; people read Dutch local time, summer and winter.
@Suite struct CaseTextTests {
    @Test(arguments: [
        ("2026-03-02T14:05:00.000Z", "2026-03-02 15:05"), ("2026-07-01T10:00:00.123Z", "2026-07-01 12:00"),
        ("2026-12-31T23:30:00Z", "2027-01-01 00:30"), ("geen tijd", "geen tijd"),
    ])
    func timesAreShownInDutchLocalTime(iso: String, shown: String) {
        #expect(CaseText.time(iso) == shown)
    }
}
