import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import Triage

/// The begeleidingscommissie's pages: agenda, dossier, decision, report.
struct CommissieController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/commissie").add(middleware: RoleMiddleware(.commissielid)).add(middleware: CSRFMiddleware())
        group.get { request, context in
            let list = try services.commissie.list(openOnly: true, on: Day.today())
            return try services.page(
                "commissie-agenda",
                title: "Agenda van de begeleidingscommissie",
                request,
                context,
                content: AgendaContent(list)
            )
        }
        group.get("escalaties/:id") { request, context in
            let id = try Self.escalationId(context)
            let content = try DossierContent(try services.commissie.dossier(String(id), on: Day.today()))
            let notice =
                request.uri.queryParameters.get("besluit") != nil ? "Het besluit is vastgelegd; de toewijzing is nu definitief." : nil
            return try services.page(
                "commissie-dossier",
                title: "Dossier escalatie \(id): zaak \(content.caseId)",
                request,
                context,
                content: content,
                notice: notice
            )
        }
        group.post("escalaties/:id/besluit") { _, context in
            let id = try Self.escalationId(context)
            let back = "/commissie/escalaties/\(id)"
            let form = context.form ?? FormData()
            let rationale = (form["motivering"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !rationale.isEmpty else {
                throw WebError.badRequest("Vul het veld ‘Motivering’ in: een besluit wordt altijd gemotiveerd.", back: back)
            }
            let moveTo: RO?
            switch form["besluit"] {
            case "bevestigen": moveTo = nil
            case "verplaatsen":
                guard let code = form["ro"], let ro = RO(rawValue: code) else {
                    throw WebError.badRequest("Kies bij ‘Verplaatsen naar’ de RO waar de zaak heen gaat.", back: back)
                }
                moveTo = ro
            default: throw WebError.badRequest("Kies ‘Bevestigen’ of ‘Verplaatsen’.", back: back)
            }
            try services.commissie.decide(escalationId: id, moveTo: moveTo, rationale: rationale, by: try Self.actor(context))
            return AppServices.redirect(back + "?besluit=1")
        }
        group.get("rapport") { request, _ in
            let text = request.uri.queryParameters.get("periode") ?? String(Day.today().year)
            guard let (from, to) = CommissieReport.period(text) else {
                throw WebError.badRequest("De periode ‘\(text)’ is onbekend: geef een jaar (2026), kwartaal (2026-Q1) of maand (2026-03).")
            }
            return AppServices.report(try CommissieReport.build(services.commissie, from: from, to: to, asOf: Day.today()).html())
        }
    }

    static func escalationId(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else {
            throw WebError.notFound("Dit escalatienummer bestaat niet.")
        }
        return id
    }

    /// The logged-in user's display name: the actor of every audit entry a request writes.
    static func actor(_ context: AppRequestContext) throws -> String {
        guard let name = context.identity?.name else { throw WebError(.unauthorized, "U bent niet ingelogd.") }
        return name
    }
}
