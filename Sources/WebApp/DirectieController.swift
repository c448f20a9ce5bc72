import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat
import Simulation
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
            try await listPage(request, context)
        }
        group.post("scenarios") { request, context in
            let catalog = ScenarioCatalog(folder: services.scenarioFolder)
            guard let baseline = catalog.baseline else {
                throw WebError(
                    .unprocessableContent,
                    "Het basisscenario (\(ScenarioCatalog.baselineFile)) ontbreekt in de scenariomap.",
                    back: "/directie/scenarios"
                )
            }
            let form = context.form ?? FormData()
            let chosen = [baseline] + catalog.entries.filter { !$0.baseline && form["scenario-\($0.file)"] != nil }
            var scenarios = try chosen.map { try Scenario.load(contentsOf: $0.url) }
            var files = chosen.map(\.file)
            if let upload = form.files["eigen-scenario"], !upload.data.isEmpty {
                // Read and checked here, before a job starts: a bad file is answered on the page, nothing runs.
                let name = upload.filename.isEmpty ? "eigen-scenario.yaml" : upload.filename
                do {
                    let text = String(decoding: upload.data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                    let own = try Scenario.load(uploaded: text, file: name, bundled: services.scenarioFolder)
                    if let tooBig = ScenarioLimits.problem(own) { throw WebError(.unprocessableContent, tooBig) }
                    scenarios.append(own)
                    files.append("\(name) (eigen)")
                } catch {
                    return try await listPage(
                        request,
                        context,
                        uploadErrors: Self.dutch(error),
                        error: "Het eigen scenario ‘\(name)’ bevat een fout; er is niets gestart."
                    )
                }
            }
            let job = await services.jobs.start(
                .comparison(scenarios, hindsight: form["terugblik"] != nil),
                files: files,
                by: try CommissieController.actor(context)
            )
            return AppServices.redirect("/directie/scenarios/\(job.id)")
        }
        group.post("varianten") { request, context in
            let catalog = ScenarioCatalog(folder: services.scenarioFolder)
            let values = SweepForm.values(context.form ?? FormData())
            let sweep: SweepForm.Job
            do { sweep = try SweepForm.job(values, catalog: catalog) } catch let problems as SweepForm.Problems {
                return try await listPage(
                    request,
                    context,
                    sweep: values,
                    sweepErrors: problems.messages,
                    error: "De variantenreeks kan zo niet worden gestart; er is niets gestart."
                )
            }
            let job = await services.jobs.start(
                .sweep(sweep.scenario, sweep.axes),
                files: sweep.files,
                by: try CommissieController.actor(context)
            )
            return AppServices.redirect("/directie/scenarios/\(job.id)")
        }
        group.get("scenarios/:job") { request, context in
            let job = try await job(context)
            let content = ScenarioJobContent(job)
            let title = job.isSweep ? "Variantenreeks \(job.id)" : "Scenariovergelijking \(job.id)"
            return try services.page("scenario-job", title: title, request, context, content: content)
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
            let name = job.isSweep ? "variantenreeks" : "scenariovergelijking"
            return AppServices.download(json, type: "application/json", filename: "\(name)-\(job.id).json")
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
            throw WebError.notFound("Deze berekening bestaat niet (meer); berekeningen blijven bewaard tot de server herstart.")
        }
        return job
    }

    /// The scenarios page, with the upload's or the sweep form's errors (status 422) when there are any.
    func listPage(
        _ request: Request,
        _ context: AppRequestContext,
        sweep: SweepForm.Values = SweepForm.Values(),
        uploadErrors: [String] = [],
        sweepErrors: [String] = [],
        error: String? = nil
    ) async throws -> Response {
        var content = try await listContent()
        content.sweepForm(sweep)
        content.uploadErrors = uploadErrors
        content.sweepErrors = sweepErrors
        return try services.page(
            "scenarios",
            title: "Scenario's voor de bandbreedtes",
            request,
            context,
            content: content,
            error: error,
            status: error == nil ? .ok : .unprocessableContent
        )
    }

    /// An uploaded scenario's error(s), per line and field.
    static func dutch(_ error: any Error) -> [String] {
        switch error {
        case let input as InputError: [InputErrorText.dutch(input)]
        case let input as InputErrors: input.errors.map(InputErrorText.dutch)
        case let variant as VariantError: [variant.dutch]
        case let web as WebError: [web.message]
        default: ["Het bestand kon niet worden gelezen: \(error)"]
        }
    }

    func listContent() async throws -> ScenarioListContent {
        let catalog = ScenarioCatalog(folder: services.scenarioFolder)
        let jobs = await services.jobs.all().map { job in
            let state = job.snapshot
            let status: String =
                switch state.phase {
                case .running: state.total == 0 ? "wacht" : "loopt"
                case .finished: "klaar"
                case .failed: "mislukt"
                }
            return ScenarioListContent.JobRow(id: job.id, what: job.what, status: status, startedBy: job.startedBy)
        }
        return ScenarioListContent(
            items: catalog.entries.map { .init(file: $0.file, title: $0.title, description: $0.description, baseline: $0.baseline) },
            problems: catalog.problems,
            jobs: jobs,
            folder: services.scenarioFolder.lastPathComponent
        )
    }
}
