import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat
import Triage

/// The triagepunt's day over the JSON API, for systems (IRIS, a future primary process system): push
/// the intake and propose, read the proposal, accept / override / contest, confirm, read a day's
/// assignments. The same `DailyRun` calls as the pages; the token's name is the actor in the audit.
struct ProposalAPIController {
    let services: AppServices
    var pages: ProposalController { ProposalController(services: services) }

    struct DraftItem: Encodable {
        var day: String
        var createdBy: String
        var updatedAt: String
        var cases: Int
    }

    struct AcceptBody: Decodable {
        var caseIds: [String]
    }

    struct OverrideBody: Decodable {
        var caseId: String
        var ro: RO
        var reason: String
    }

    struct ContestBody: Decodable {
        var caseId: String
        var reason: String
    }

    struct ConfirmBody: Decodable {
        var acceptRest: Bool?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.group("/api/v1/intake").add(middleware: RoleMiddleware(.triagist)).post("proposal") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let query = request.uri.queryParameters
            let name = query.get("name") ?? "upload"
            let cases = try IntakeUpload.read(Data(buffer: body), name: name)
            let day: Day
            if let text = query.get("day") {
                guard let given = Day(text) else {
                    throw WebError(.unprocessableContent, "day ‘\(text)’ is geen geldige datum (JJJJ-MM-DD).")
                }
                day = given
            } else {
                guard let latest = cases.map(\.received).max() else {
                    throw WebError(.unprocessableContent, "Het bestand bevat geen zaken.")
                }
                day = latest
            }
            let proposal: DayProposal
            do {
                proposal = try pages.refusing("Er is niets voorgesteld.") {
                    try pages.run(context).propose(intake: cases, day: day, intakeFile: name)
                }
            } catch LedgerError.proposalUnderReview(let other) {
                throw WebError(.conflict, "Het voorstel van \(other) wordt nog beoordeeld; bevestig die dag eerst.")
            }
            var response = try AppServices.json(proposal, status: .created)
            response.headers[.location] = "/api/v1/proposals/\(day)"
            return response
        }

        let proposals = router.group("/api/v1/proposals").add(middleware: RoleMiddleware(.triagist))
        proposals.get { _, _ in
            try AppServices.json(
                try services.ledger.proposals().map {
                    DraftItem(day: $0.day, createdBy: $0.createdBy, updatedAt: $0.updatedAt, cases: $0.content.cases.count)
                }
            )
        }
        proposals.get(":day") { _, context in
            let day = try Self.day(context)
            _ = try pages.draft(day)
            return try AppServices.json(
                try pages.refusing("Het voorstel kon niet worden gelezen.") { try pages.run(context).proposal(day: day) }
            )
        }
        proposals.post(":day/accept") { request, context in
            let day = try Self.day(context)
            let body = try await request.decode(as: AcceptBody.self, context: context)
            guard !body.caseIds.isEmpty else {
                throw WebError(.unprocessableContent, "caseIds is leeg: geef de zaken waarmee u akkoord gaat.")
            }
            try ProposalController.requireCases(body.caseIds, in: try pages.draft(day))
            return try AppServices.json(
                try pages.refusing("Er is niets vastgelegd: alleen open punten van de reviewlijst kunnen akkoord krijgen.") {
                    try pages.run(context).accept(caseIds: body.caseIds, day: day)
                }
            )
        }
        proposals.post(":day/override") { request, context in
            let day = try Self.day(context)
            let body = try await request.decode(as: OverrideBody.self, context: context)
            let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw WebError(.unprocessableContent, "Afwijken heeft een reden nodig (reason).") }
            try ProposalController.requireCases([body.caseId], in: try pages.draft(day))
            return try AppServices.json(
                try pages.refusing(
                    "Afwijken naar \(body.ro.displayName) kan niet: een route of uitsluiting verbiedt het, of er is geen ruimte. "
                        + "Er is niets gewijzigd."
                ) { try pages.run(context).override(caseId: body.caseId, to: body.ro, reason: reason, day: day) }
            )
        }
        proposals.post(":day/contest") { request, context in
            let day = try Self.day(context)
            let body = try await request.decode(as: ContestBody.self, context: context)
            let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw WebError(.unprocessableContent, "Betwisten heeft een reden nodig (reason).") }
            try ProposalController.requireCases([body.caseId], in: try pages.draft(day))
            return try AppServices.json(
                try pages.refusing("Er is niets gewijzigd.") {
                    try pages.run(context).contest(caseId: body.caseId, reason: reason, day: day)
                }
            )
        }
        proposals.post(":day/confirm") { request, context in
            let day = try Self.day(context)
            let body = try await request.decode(as: ConfirmBody.self, context: context)
            _ = try pages.draft(day)
            let report = try pages.confirm(day, acceptRest: body.acceptRest ?? false, context: context, back: nil)
            return try AppServices.json(report, status: .created)
        }

        router.group("/api/v1/days").add(middleware: RoleMiddleware(.triagist)).get(":day/assignments") { _, context in
            let day = try Self.day(context)
            let assignments = try services.ledger.assignments(day: day)
            guard !assignments.isEmpty else { throw WebError.notFound("Er is op \(day) niets toegewezen.") }
            return try AppServices.json(assignments)
        }
    }

    static func day(_ context: AppRequestContext) throws -> Day {
        let text = try context.parameters.require("day")
        guard let day = Day(text) else { throw WebError.notFound("‘\(text)’ is geen geldige dag (JJJJ-MM-DD).") }
        return day
    }
}
