import InstroomDomain
import Testing

/// Every report formats numbers through DutchNumber: the nl_NL locale data must give these on Linux too.
struct DutchNumberTests {
    @Test func integersGroupWithADot() {
        #expect(DutchNumber.integer(60066) == "60.066")
        #expect(DutchNumber.integer(1_234_567) == "1.234.567")
        #expect(DutchNumber.integer(999) == "999")
        #expect(DutchNumber.integer(-1200) == "-1.200")
    }

    @Test func decimalsUseAComma() {
        #expect(DutchNumber.decimal(0.5, digits: 1) == "0,5")
        #expect(DutchNumber.decimal(1234.5, digits: 2) == "1.234,50")
        #expect(DutchNumber.decimal(2, digits: 1) == "2,0")
        #expect(DutchNumber.decimal(2, upTo: 2) == "2")
        #expect(DutchNumber.decimal(2.5, upTo: 2) == "2,5")
        #expect(DutchNumber.decimal(2.125, upTo: 2) == "2,12")
        #expect(DutchNumber.decimal(-0.001, digits: 1) == "0,0")
        #expect(DutchNumber.decimal(.nan, digits: 1) == "–")
    }

    @Test func percentages() {
        #expect(DutchNumber.percent(0.125) == "12,5%")
        #expect(DutchNumber.percent(0.2346) == "23,5%")
        #expect(DutchNumber.percent(0.3, digits: 0) == "30%")
        #expect(DutchNumber.percent(0.15, upTo: 1) == "15%")
        #expect(DutchNumber.percent(0.125, upTo: 1) == "12,5%")
    }

    @Test func nounsFollowTheCount() {
        #expect(DutchNumber.count(1, "punt", "punten") == "1 punt")
        #expect(DutchNumber.count(2, "punt", "punten") == "2 punten")
        #expect(DutchNumber.count(0, "zaak", "zaken") == "0 zaken")
        #expect(DutchNumber.count(60066, "zaak", "zaken") == "60.066 zaken")
        #expect(DutchNumber.amount(1, upTo: 1, "punt", "punten") == "1 punt")
        #expect(DutchNumber.amount(1.5, upTo: 1, "punt", "punten") == "1,5 punten")
    }
}
