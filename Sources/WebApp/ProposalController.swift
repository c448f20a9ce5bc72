import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import IntakeFormats
import Ledger
import Triage

/// The triagepunt's day in two steps: upload the intake and propose, review the proposal (accept,
/// deviate with a reason, contest), confirm; then the confirmed day's list. Every step calls one
/// `DailyRun` function with the active wegingskader and the logged-in user as the actor.
struct ProposalController {
    let services: AppServices

    struct ListContent {
        struct Draft {
            var day: String
            var href: String
            var cases: String
            var by: String
            var at: String
        }
        struct Confirmed {
            var day: String
            var href: String
        }
        var drafts: [Draft]
        var days: [Confirmed]
    }

    /// The notices a redirect may ask for, by key (never text from the query string itself).
    static let notices: [String: String] = [
        "voorgesteld": "Het voorstel is opgeslagen als concept. Er is nog niets definitief.",
        "akkoord": "De gekozen punten zijn als beoordeeld en akkoord vastgelegd.",
        "afgeweken": "De afwijking is vastgelegd met uw reden; de rest van de dag is eromheen opnieuw verdeeld.",
        "betwist": "De zaak gaat bij bevestiging naar de begeleidingscommissie (voorlopig toegewezen).",
        "bevestigd":
            "De dag is bevestigd: de toewijzingen zijn definitief (geen werk retour), behalve de zaken voor de begeleidingscommissie.",
    ]

    func addRoutes(to router: Router<AppRequestContext>) {
        let drafts = router.group("/triage/voorstellen").add(middleware: RoleMiddleware(.triagist)).add(middleware: CSRFMiddleware())
        drafts.get { request, context in
            let records = try services.ledger.proposals()
            let days = Set(try services.ledger.runs().map(\.day)).sorted(by: >).prefix(30)
            let content = ListContent(
                drafts: records.map {
                    .init(
                        day: $0.day,
                        href: "/triage/voorstellen/" + $0.day,
                        cases: DutchNumber.count($0.content.cases.count, "zaak", "zaken"),
                        by: $0.createdBy,
                        at: CaseText.time($0.updatedAt)
                    )
                },
                days: days.map { .init(day: $0, href: "/triage/dagen/" + $0) }
            )
            return try services.page("triage-proposals", title: "Voorstellen en bevestigde dagen", request, context, content: content)
        }
        drafts.post { request, context in
            let form = context.form ?? FormData()
            let cases: [IntakeCase]
            let name: String
            switch try TriageController(services: services).read(
                form,
                request,
                context,
                nothingDone: "er is niets voorgesteld of opgeslagen"
            ) {
            case .read(let read, let file): (cases, name) = (read, file)
            case .rejected(let page): return page
            }
            let day: Day
            if let text = form["dag"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                guard let given = Day(text) else {
                    throw WebError.badRequest("‘\(text)’ in het veld ‘Dag’ is geen geldige datum (JJJJ-MM-DD).", back: "/triage")
                }
                day = given
            } else {
                guard let latest = cases.map(\.received).max() else {
                    throw WebError.badRequest("Het bestand bevat geen zaken.", back: "/triage")
                }
                day = latest
            }
            do {
                _ = try refusing("Er is niets voorgesteld.") { try run(context).propose(intake: cases, day: day, intakeFile: name) }
            } catch LedgerError.proposalUnderReview(let other) {
                throw WebError(
                    .conflict,
                    "Het voorstel van \(other) wordt nog beoordeeld. Bevestig die dag eerst; zolang zijn aandelen en capaciteit "
                        + "niet vaststaan, kan er geen andere dag worden voorgesteld.",
                    back: "/triage/voorstellen/" + other
                )
            }
            return AppServices.redirect("/triage/voorstellen/\(day)?melding=voorgesteld")
        }
        drafts.get(":dag") { request, context in
            let day = try Self.day(context)
            let record = try draft(day)
            let proposal = try refusing("Het voorstel kon niet worden getoond.") { try run(context).proposal(day: day) }
            let query = request.uri.queryParameters
            let filter = ProposalPage.Filter(
                show: query.get("toon").flatMap { show in ProposalPage.Filter.choices.first { $0.0 == show }?.0 } ?? "alle",
                ro: query.get("ro").flatMap { RO(rawValue: $0)?.rawValue } ?? "",
                search: query.get("zaak")?.trimmingCharacters(in: .whitespaces) ?? ""
            )
            return try services.page(
                "triage-proposal",
                title: "Voorstel voor \(day)",
                request,
                context,
                content: ProposalPage(proposal, record: record, filter: filter),
                notice: query.get("melding").flatMap { Self.notices[$0] }
            )
        }
        drafts.get(":dag/lijst.csv") { _, context in
            let day = try Self.day(context)
            let record = try draft(day)
            let proposal = try refusing("Het voorstel kon niet worden getoond.") { try run(context).proposal(day: day) }
            let page = ProposalPage(proposal, record: record, filter: .init())
            return AppServices.download(
                CSVTable.data(header: ProposalPage.csvHeader, rows: ProposalPage.csvRows(page.rows), dialect: .dutchExcel),
                type: "text/csv; charset=utf-8",
                filename: "voorstel-\(day).csv"
            )
        }
        drafts.post(":dag/akkoord") { _, context in
            let day = try Self.day(context)
            let back = "/triage/voorstellen/\(day)"
            let form = context.form ?? FormData()
            let ids = form.fields.filter { $0.key.hasPrefix("zaak:") && $0.value == "1" }.map { String($0.key.dropFirst(5)) }.sorted()
            guard !ids.isEmpty else { throw WebError.badRequest("Vink eerst de punten aan waarmee u akkoord gaat.", back: back) }
            let record = try draft(day)
            try Self.requireCases(ids, in: record)
            _ = try refusing("Er is niets vastgelegd: alleen open punten van de reviewlijst kunnen akkoord krijgen.") {
                try run(context).accept(caseIds: ids, day: day)
            }
            return AppServices.redirect(back + "?melding=akkoord")
        }
        drafts.post(":dag/afwijken") { _, context in
            let day = try Self.day(context)
            let back = "/triage/voorstellen/\(day)"
            let form = context.form ?? FormData()
            let id = try form.required("zaak", label: "Zaak")
            guard let code = form["ro"], let ro = RO(rawValue: code) else {
                throw WebError.badRequest("Kies bij ‘Naar RO’ de RO waar de zaak heen gaat.", back: back)
            }
            let reason = (form["reden"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                throw WebError.badRequest("Vul het veld ‘Reden’ in: afwijken van het voorstel gebeurt altijd gemotiveerd.", back: back)
            }
            try Self.requireCases([id], in: try draft(day))
            _ = try refusing(
                "Afwijken naar \(ro.displayName) kan niet: een route of uitsluiting verbiedt het, of \(ro.displayName) heeft vandaag "
                    + "geen ruimte (capaciteit of een harde bandbreedte). Er is niets gewijzigd.",
                back: back
            ) { try run(context).override(caseId: id, to: ro, reason: reason, day: day) }
            return AppServices.redirect(back + "?melding=afgeweken")
        }
        drafts.post(":dag/betwisten") { _, context in
            let day = try Self.day(context)
            let back = "/triage/voorstellen/\(day)"
            let form = context.form ?? FormData()
            let id = try form.required("zaak", label: "Zaak")
            let reason = (form["reden"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                throw WebError.badRequest("Vul het veld ‘Reden’ in: de begeleidingscommissie leest waarom u de zaak betwist.", back: back)
            }
            try Self.requireCases([id], in: try draft(day))
            _ = try refusing("Er is niets gewijzigd.", back: back) { try run(context).contest(caseId: id, reason: reason, day: day) }
            return AppServices.redirect(back + "?melding=betwist")
        }
        drafts.post(":dag/bevestigen") { _, context in
            let day = try Self.day(context)
            let back = "/triage/voorstellen/\(day)"
            let acceptRest = context.form?["overige"] == "1"
            _ = try draft(day)
            _ = try confirm(day, acceptRest: acceptRest, context: context, back: back)
            return AppServices.redirect("/triage/dagen/\(day)?melding=bevestigd")
        }

        let days = router.group("/triage/dagen").add(middleware: RoleMiddleware(.triagist)).add(middleware: CSRFMiddleware())
        days.get(":dag") { request, context in
            let day = try Self.day(context)
            let page = try dayPage(day)
            return try services.page(
                "triage-day",
                title: "Toewijzingen van \(day)",
                request,
                context,
                content: page,
                notice: request.uri.queryParameters.get("melding").flatMap { Self.notices[$0] }
            )
        }
        days.get(":dag/lijst.csv") { _, context in
            let day = try Self.day(context)
            let page = try dayPage(day)
            return AppServices.download(
                CSVTable.data(header: DayPage.csvHeader, rows: page.csvRows, dialect: .dutchExcel),
                type: "text/csv; charset=utf-8",
                filename: "toewijzingen-\(day).csv"
            )
        }
    }

    /// The day's run with the active wegingskader and the logged-in user (or API token) as the actor.
    func run(_ context: AppRequestContext) throws -> DailyRun {
        DailyRun(
            ledger: services.ledger,
            rules: try services.activeRules().rules,
            config: services.config,
            actor: try CommissieController.actor(context)
        )
    }

    /// Confirms the day; a refusal for open review items says so in Dutch, with the open cases.
    func confirm(_ day: Day, acceptRest: Bool, context: AppRequestContext, back: String?) throws -> AllocationReport {
        let dailyRun = try run(context)
        do {
            return try dailyRun.confirm(day: day, acceptRest: acceptRest)
        } catch let error as TriageError {
            if !acceptRest, case .refused = error, let open = try? dailyRun.proposal(day: day).open, !open.isEmpty {
                throw WebError(
                    .unprocessableContent,
                    "De dag is niet bevestigd: er \(open.count == 1 ? "staat" : "staan") nog "
                        + "\(DutchNumber.count(open.count, "open punt", "open punten")) op de reviewlijst. Geef bij elk punt akkoord, "
                        + "wijk gemotiveerd af of betwist het; of vink ‘Overige open punten accepteren’ aan (dat wordt vastgelegd).",
                    details: ["Open: " + open.prefix(20).joined(separator: ", ") + (open.count > 20 ? ", …" : "")],
                    back: back
                )
            }
            throw Self.dutch(error, "De dag is niet bevestigd; er is niets vastgelegd.", back: back)
        }
    }

    func draft(_ day: Day) throws -> ProposalRecord {
        guard let record = try services.ledger.proposal(day: day) else {
            throw WebError(
                .notFound,
                "Er wordt geen voorstel voor \(day) beoordeeld (al bevestigd, of nog niet voorgesteld).",
                back: "/triage/voorstellen"
            )
        }
        return record
    }

    func dayPage(_ day: Day) throws -> DayPage {
        let assignments = try services.ledger.assignments(day: day)
        guard !assignments.isEmpty else { throw WebError.notFound("Er is op \(day) niets toegewezen.") }
        return DayPage(day: day, assignments: assignments, facts: try services.ledger.storedFacts(assignments.map(\.caseId)))
    }

    /// A library step, with its refusal in Dutch (`headline`) and the library's reason as the detail.
    func refusing<T>(_ headline: String, back: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TriageError { throw Self.dutch(error, headline, back: back) }
    }

    static func dutch(_ error: TriageError, _ headline: String, back: String?) -> WebError {
        switch error {
        case .infeasible(let day, let explanation):
            WebError(
                .unprocessableContent,
                "\(day) kan niet binnen de harde bandbreedtes worden verdeeld. \(headline)",
                details: [explanation],
                back: back
            )
        case .solverFailed(_, let message):
            WebError(.unprocessableContent, "De oplosser gaf geen verdeling. \(headline)", details: [message], back: back)
        case .conflictingFacts(let message):
            WebError(
                .unprocessableContent,
                "Een zaak staat al in het grootboek met andere gegevens; een intake mag een bekende zaak niet wijzigen "
                    + "(geen werk retour). \(headline)",
                details: [message],
                back: back
            )
        case .refused(let message): WebError(.unprocessableContent, headline, details: [message], back: back)
        }
    }

    static func day(_ context: AppRequestContext) throws -> Day {
        let text = try context.parameters.require("dag")
        guard let day = Day(text) else { throw WebError.notFound("‘\(text)’ is geen geldige dag (JJJJ-MM-DD).") }
        return day
    }

    static func requireCases(_ ids: [String], in record: ProposalRecord) throws {
        let known = Set(record.content.cases.map(\.id))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw WebError.notFound("Niet in het voorstel van \(record.day): zaak \(unknown.joined(separator: ", ")).")
        }
    }
}
