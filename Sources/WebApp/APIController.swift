import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat
import Review
import Simulation
import Triage

/// The JSON API for systems (`/api/v1`, bearer tokens made by the beheerder), the same actions as the
/// pages; documented in `Resources/openapi.yaml`, served at `/api/openapi.yaml`.
struct APIController {
    let services: AppServices

    struct CaseBody: Encodable {
        var facts: IntakeCase
        var assignments: [AssignmentRecord]
        var escalations: [EscalationRecord]
        var audit: [AuditEntry]
    }

    struct DecisionBody: Decodable {
        /// `confirm` or `move`.
        var action: String
        var ro: RO?
        var rationale: String
    }

    struct RunRequest: Decodable {
        /// Scenario file names besides the baseline (which always runs first).
        var scenarios: [String]
        /// Each scenario also solved with hindsight (`simulate --hindsight`; minutes per scenario).
        var hindsight: Bool?
    }

    /// A sweep: one bundled scenario and one or two settings varied from `from` to `to` in steps of `step`
    /// (the directie page's form, `SweepForm`, with its limits).
    struct SweepRequest: Decodable {
        struct Setting: Decodable {
            var setting: String
            var from: Double
            var to: Double
            var step: Double
        }
        var scenario: String
        var settings: [Setting]

        var values: SweepForm.Values {
            var v = SweepForm.Values()
            v.scenario = scenario
            for n in 0..<SweepForm.axisCount {
                let s = settings.indices.contains(n) ? settings[n] : nil
                v.keys[n] = s?.setting ?? ""
                v.from[n] = s.map { "\($0.from)" } ?? ""
                v.to[n] = s.map { "\($0.to)" } ?? ""
                v.step[n] = s.map { "\($0.step)" } ?? ""
            }
            return v
        }
    }

    struct RunStatus: Encodable {
        var id: Int
        var status: String
        var scenarios: [String]
        var startedBy: String
        var done: Int
        var total: Int
        var error: String?
        var result: Comparison?
        /// A finished sweep's variants (as `instroom sweep --json`).
        var sweep: SweepResult?
    }

    struct ScenarioItem: Encodable {
        var file: String
        var name: String
        var title: String
        var baseline: Bool
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/openapi.yaml") { _, _ in
            guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Resources") else {
                throw WebError.notFound("De API-beschrijving ontbreekt.")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(data: try Data(contentsOf: url)))
            )
        }

        let intake = router.group("/api/v1/intake").add(middleware: RoleMiddleware(.triagist))
        intake.post("validate") { request, context in
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let name = request.uri.queryParameters.get("name") ?? "upload"
            let cases = try IntakeUpload.read(Data(buffer: body), name: name)
            guard let day = cases.map(\.received).max() else { throw WebError.badRequest("Het bestand bevat geen zaken.") }
            let (rules, _) = try services.activeRules()
            return try AppServices.json(
                ScoreReport(Scoring.score(cases, on: day, rules: rules, config: services.config), rules: rules, day: day)
            )
        }

        let cases = router.group("/api/v1/cases").add(middleware: RoleMiddleware(.triagist, .commissielid))
        cases.get(":id") { _, context in
            let id = try CaseController.caseId(context)
            guard let facts = try services.ledger.intakeCase(id: id) else {
                throw WebError.notFound("Er is geen zaak ‘\(id)’ in het grootboek.")
            }
            return try AppServices.json(
                CaseBody(
                    facts: facts,
                    assignments: try services.ledger.history(caseId: id),
                    escalations: try services.ledger.escalations(caseId: id),
                    audit: try services.ledger.audit(caseId: id)
                )
            )
        }
        cases.get(":id/assignments") { _, context in
            let id = try CaseController.caseId(context)
            guard try services.ledger.intakeCase(id: id) != nil else {
                throw WebError.notFound("Er is geen zaak ‘\(id)’ in het grootboek.")
            }
            return try AppServices.json(try services.ledger.history(caseId: id))
        }

        let escalations = router.group("/api/v1/escalations").add(middleware: RoleMiddleware(.commissielid))
        escalations.get { request, _ in
            let open = request.uri.queryParameters.get("open") == "true"
            let overdue = request.uri.queryParameters.get("overdue") == "true"
            return try AppServices.json(try services.commissie.list(openOnly: open, overdueOnly: overdue, on: Day.today()))
        }
        escalations.get(":id") { _, context in
            try AppServices.json(try services.commissie.dossier(String(try CommissieController.escalationId(context)), on: Day.today()))
        }
        escalations.post(":id/decision") { request, context in
            let id = try CommissieController.escalationId(context)
            let body = try await request.decode(as: DecisionBody.self, context: context)
            let rationale = body.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !rationale.isEmpty else { throw WebError(.unprocessableContent, "Een besluit heeft een motivering nodig (rationale).") }
            let moveTo: RO?
            switch body.action {
            case "confirm": moveTo = nil
            case "move":
                guard let ro = body.ro else { throw WebError(.unprocessableContent, "Bij action ‘move’ hoort een ro (SVG, RN of LJR).") }
                moveTo = ro
            default: throw WebError(.unprocessableContent, "action is ‘confirm’ of ‘move’.")
            }
            let decision = try services.commissie.decide(
                escalationId: id,
                moveTo: moveTo,
                rationale: rationale,
                by: try CommissieController.actor(context)
            )
            return try AppServices.json(decision, status: .created)
        }

        let scenarios = router.group("/api/v1/scenarios").add(middleware: RoleMiddleware(.directie))
        scenarios.get { _, _ in
            try AppServices.json(
                ScenarioCatalog(folder: services.scenarioFolder).entries.map {
                    ScenarioItem(file: $0.file, name: $0.name, title: $0.title, baseline: $0.baseline)
                }
            )
        }
        scenarios.post("runs") { request, context in
            let body = try await request.decode(as: RunRequest.self, context: context)
            let catalog = ScenarioCatalog(folder: services.scenarioFolder)
            guard let baseline = catalog.baseline else {
                throw WebError(.unprocessableContent, "Het basisscenario ontbreekt in de scenariomap.")
            }
            var entries = [baseline]
            for file in body.scenarios where file != ScenarioCatalog.baselineFile {
                guard let entry = catalog.entries.first(where: { $0.file == file }) else {
                    throw WebError(.unprocessableContent, "Onbekend scenario ‘\(file)’.")
                }
                entries.append(entry)
            }
            let job = await services.jobs.start(
                .comparison(try entries.map { try Scenario.load(contentsOf: $0.url) }, hindsight: body.hindsight ?? false),
                files: entries.map(\.file),
                by: try CommissieController.actor(context)
            )
            var response = try AppServices.json(status(job), status: .accepted)
            response.headers[.location] = "/api/v1/scenarios/runs/\(job.id)"
            return response
        }
        scenarios.post("sweeps") { request, context in
            let body = try await request.decode(as: SweepRequest.self, context: context)
            guard body.settings.count <= SweepForm.axisCount else {
                throw WebError(.unprocessableContent, "Hoogstens \(SweepForm.axisCount) instellingen kunnen tegelijk variëren.")
            }
            let sweep: SweepForm.Job
            do {
                sweep = try SweepForm.job(body.values, catalog: ScenarioCatalog(folder: services.scenarioFolder))
            } catch let problems as SweepForm.Problems {
                throw WebError(
                    .unprocessableContent,
                    "De variantenreeks kan zo niet worden gestart; er is niets gestart.",
                    details: problems.messages
                )
            }
            let job = await services.jobs.start(
                .sweep(sweep.scenario, sweep.axes),
                files: sweep.files,
                by: try CommissieController.actor(context)
            )
            var response = try AppServices.json(status(job), status: .accepted)
            response.headers[.location] = "/api/v1/scenarios/runs/\(job.id)"
            return response
        }
        scenarios.get("runs/:job") { _, context in
            guard let id = Int(try context.parameters.require("job")), let job = await services.jobs.job(id) else {
                throw WebError.notFound("Deze scenariorun bestaat niet (meer).")
            }
            return try AppServices.json(status(job))
        }
    }

    func status(_ job: ScenarioJob) -> RunStatus {
        let state = job.snapshot
        var run = RunStatus(
            id: job.id,
            status: "running",
            scenarios: job.files,
            startedBy: job.startedBy,
            done: state.done,
            total: state.total
        )
        switch state.phase {
        case .running: break
        case .failed(let message):
            run.status = "failed"
            run.error = message
        case .finished(let outcome, _, _):
            run.status = "finished"
            switch outcome {
            case .comparison(let comparison): run.result = comparison
            case .sweep(let sweep): run.sweep = sweep
            }
        }
        return run
    }
}
