import Ledger
import Pages

extension UserRole {
    /// The role as its holders call it.
    var label: String {
        switch self {
        case .triagist: "Triagepunt"
        case .commissielid: "Begeleidingscommissie"
        case .directie: "Directie"
        case .beheerder: "Beheerder"
        }
    }

    /// Where a role lands after logging in.
    var home: String {
        switch self {
        case .triagist: "/triage"
        case .commissielid: "/commissie"
        case .directie: "/directie"
        case .beheerder: "/beheer"
        }
    }

    /// The navigation of this role; `path` marks the current page.
    func navigation(current path: String) -> [PageFrame.Link] {
        let links: [(String, String, Bool)] =
            switch self {
            case .triagist:
                [
                    ("Intake", "/triage", false), ("Voorstellen beoordelen", "/triage/voorstellen", false),
                    ("Zaak opzoeken", "/zaken", false),
                ]
            case .commissielid:
                [
                    ("Agenda", "/commissie", false), ("Zaak opzoeken", "/zaken", false),
                    ("Rapportage", "/commissie/rapport", false), ("Batchbesluiten", "/commissie/batch", true),
                ]
            case .directie: [("Aandelen en banden", "/directie", false), ("Scenario's", "/directie/scenarios", false)]
            case .beheerder:
                [
                    ("Gebruikers", "/beheer", false), ("Wegingskader", "/beheer/wegingskader", false),
                    ("Instellingen", "/beheer/instellingen", false),
                ]
            }
        let best = links.filter { path == $0.1 || path.hasPrefix($0.1 + "/") }.max { $0.1.count < $1.1.count }?.1
        return links.map { label, href, later in PageFrame.Link(label: label, href: href, current: href == best, later: later) }
    }
}
