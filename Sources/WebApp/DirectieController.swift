import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat
import Triage

/// The directies' pages: the period's shares against the bands, capacity use, and bandwidth scenarios
/// compared with the baseline in the background.
struct DirectieController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/directie").add(middleware: RoleMiddleware(.directie)).add(middleware: CSRFMiddleware())
        group.get { request, context in
            let day = try day(request)
            let content = DirectieContent(
                day: day,
                shares: try services.commissie.sharesNow(on: day),
                capacityUsed: try services.ledger.capacityUsed(on: day),
                config: services.config
            )
            return try services.page("directie", title: "Aandelen en bandbreedtes", request, context, content: content)
        }
        group.get("scenarios") { request, context in
            let content = try await listContent()
            return try services.page("scenarios", title: "Scenario's voor de bandbreedtes", request, context, content: content)
        }
        group.post("scenarios") { _, context in
            let catalog = ScenarioCatalog(folder: services.scenarioFolder)
            guard let baseline = catalog.baseline else {
                throw WebError(
                    .unprocessableContent,
                    "Het basisscenario (\(ScenarioCatalog.baselineFile)) ontbreekt in de scenariomap.",
                    back: "/directie/scenarios"
                )
            }
            let form = context.form ?? FormData()
            let chosen = catalog.entries.filter { !$0.baseline && form["scenario-\($0.file)"] != nil }
            let job = await services.jobs.start([baseline.url] + chosen.map(\.url), by: try CommissieController.actor(context))
            return AppServices.redirect("/directie/scenarios/\(job.id)")
        }
        group.get("scenarios/:job") { request, context in
            let job = try await job(context)
            let content = ScenarioJobContent(job)
            return try services.page("scenario-job", title: "Scenariovergelijking \(job.id)", request, context, content: content)
        }
        group.get("scenarios/:job/rapport.html") { _, context in
            let job = try await job(context)
            guard case .finished(_, let html, _) = job.snapshot.phase else {
                throw WebError.notFound("Deze vergelijking is nog niet klaar.")
            }
            return AppServices.report(html)
        }
        group.get("scenarios/:job/rapport.json") { _, context in
            let job = try await job(context)
            guard case .finished(_, _, let json) = job.snapshot.phase else {
                throw WebError.notFound("Deze vergelijking is nog niet klaar.")
            }
            return AppServices.download(json, type: "application/json", filename: "scenariovergelijking-\(job.id).json")
        }
    }

    /// `?datum=`, else the latest day the ledger allocated, else today.
    func day(_ request: Request) throws -> Day {
        if let text = request.uri.queryParameters.get("datum"), !text.isEmpty {
            guard let day = Day(String(text)) else {
                throw WebError.badRequest("De datum ‘\(text)’ is geen geldige datum (JJJJ-MM-DD).", back: "/directie")
            }
            return day
        }
        return try services.ledger.runs().last.flatMap { Day($0.day) } ?? Day.today()
    }

    func job(_ context: AppRequestContext) async throws -> ScenarioJob {
        guard let id = Int(try context.parameters.require("job")), let job = await services.jobs.job(id) else {
            throw WebError.notFound("Deze scenariovergelijking bestaat niet (meer); vergelijkingen blijven bewaard tot de server herstart.")
        }
        return job
    }

    func listContent() async throws -> ScenarioListContent {
        let catalog = ScenarioCatalog(folder: services.scenarioFolder)
        let jobs = await services.jobs.all().map { job in
            let state = job.snapshot
            let status: String =
                switch state.phase {
                case .running: "loopt"
                case .finished: "klaar"
                case .failed: "mislukt"
                }
            return ScenarioListContent.JobRow(id: job.id, what: job.files.joined(separator: ", "), status: status, startedBy: job.startedBy)
        }
        return ScenarioListContent(
            items: catalog.entries.map { .init(file: $0.file, title: $0.title, description: $0.description, baseline: $0.baseline) },
            problems: catalog.problems,
            jobs: jobs,
            folder: services.scenarioFolder.lastPathComponent
        )
    }
}
