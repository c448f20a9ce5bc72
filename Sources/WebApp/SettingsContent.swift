import Allocation
import GLPK
import InstroomDomain

/// The active allocation settings, read-only: what the daily run and the commissie deadlines use.
struct SettingsContent {
    struct Item {
        var name: String
        var value: String
    }

    var source: String
    var items: [Item]

    init(_ c: AllocationConfig, file: String?) {
        source = file.map { "Meegeleverde instellingen, aangevuld met \($0)." } ?? "De meegeleverde (illustratieve) instellingen."
        let period: String =
            switch c.period {
            case .year: "jaar"
            case .quarter: "kwartaal"
            case .month: "maand"
            }
        var items = [Item(name: "Bandperiode", value: period)]
        for ro in RO.allCases {
            let band = c.band(ro)
            items.append(Item(name: "Band \(ro.displayName)", value: band.label + (band.mode == .hard ? " (hard)" : " (zacht)")))
        }
        items.append(
            Item(name: "Boete zachte band", value: DutchNumber.amount(c.softBandPenalty, upTo: 2, "fitpunt", "fitpunten") + " per werkpunt")
        )
        for ro in RO.allCases {
            items.append(
                Item(
                    name: "Capaciteit \(ro.displayName) per dag",
                    value: DutchNumber.amount(c.capacity[ro] ?? 0, upTo: 1, "werkpunt", "werkpunten")
                )
            )
        }
        items.append(Item(name: "Werklast advies", value: DutchNumber.amount(c.workload.advies, upTo: 2, "punt", "punten")))
        items.append(Item(name: "Werklast Vi", value: DutchNumber.amount(c.workload.vi, upTo: 2, "punt", "punten")))
        for (intensity, weight) in c.workload.toezicht.sorted(by: { $0.value < $1.value }) {
            items.append(
                Item(name: "Werklast toezicht (\(intensity.rawValue))", value: DutchNumber.amount(weight, upTo: 2, "punt", "punten"))
            )
        }
        items.append(Item(name: "Continuïteitsbonus", value: DutchNumber.count(c.continuityBonus, "fitpunt", "fitpunten")))
        items.append(Item(name: "SCIL/RISc verouderd na", value: DutchNumber.count(c.staleAfterDays, "dag", "dagen")))
        items.append(Item(name: "Termijn commissie", value: DutchNumber.count(c.escalationDeadlineDays, "werkdag", "werkdagen")))
        items.append(Item(name: "Formulering", value: c.formulation.rawValue))
        items.append(Item(name: "Tijdslimiet solver", value: DutchNumber.amount(c.solver.timeLimitSeconds, upTo: 1, "seconde", "seconden")))
        items.append(Item(name: "Relatieve gap", value: DutchNumber.percent(c.solver.relativeGap, upTo: 3)))
        self.items = items
    }
}
