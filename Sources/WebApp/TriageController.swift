import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import Ledger
import Review
import Triage
import Wegingskader

/// The triagepunt's intake page, and scoring an intake without storing anything. Proposing, reviewing
/// and confirming the day are in `ProposalController`.
struct TriageController {
    let services: AppServices

    struct UploadContent {
        var errors: [String]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/triage").add(middleware: RoleMiddleware(.triagist)).add(middleware: CSRFMiddleware())
        group.get { request, context in
            try services.page("triage", title: "Intake van de dag", request, context, content: UploadContent(errors: []))
        }
        group.post("intake") { request, context in
            let cases: [IntakeCase]
            switch try read(context.form ?? FormData(), request, context, nothingDone: "er is niets gescoord of opgeslagen") {
            case .read(let read, _): cases = read
            case .rejected(let page): return page
            }
            guard let day = cases.map(\.received).max() else { throw WebError.badRequest("Het bestand bevat geen zaken.", back: "/triage") }
            let (rules, _) = try services.activeRules()
            let report = ScoreReport(Scoring.score(cases, on: day, rules: rules, config: services.config), rules: rules, day: day)
            return try services.page(
                "triage-scores",
                title: "Scores van de intake van \(day)",
                request,
                context,
                content: ScoresContent(report, ruleTitle: rules.title)
            )
        }
    }

    /// An uploaded intake: its cases and the file's name, or the intake page again.
    enum Upload {
        case read([IntakeCase], file: String)
        /// The intake page with every error per line and field (status 422); nothing was stored.
        case rejected(Response)
    }

    /// Reads the day's intake from the form; errors in the file come back on the intake page, saying
    /// that `nothingDone` (e.g. "er is niets voorgesteld of opgeslagen").
    func read(_ form: FormData, _ request: Request, _ context: AppRequestContext, nothingDone: String) throws -> Upload {
        let (data, name) = try Self.upload(form, back: "/triage")
        do { return .read(try IntakeUpload.read(data, name: name), file: name) } catch let errors as InputErrors {
            return .rejected(
                try services.page(
                    "triage",
                    title: "Intake van de dag",
                    request,
                    context,
                    content: UploadContent(errors: errors.errors.map(InputErrorText.dutch)),
                    error: "Het bestand bevat fouten; \(nothingDone). Verbeter de regels hieronder en probeer het opnieuw.",
                    status: .unprocessableContent
                )
            )
        }
    }

    /// The file field `bestand`, else the text field `tekst`.
    static func upload(_ form: FormData, back: String) throws -> (Data, String) {
        if let file = form.files["bestand"], !file.data.isEmpty { return (file.data, file.filename.isEmpty ? "upload" : file.filename) }
        let text = form["tekst"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WebError.badRequest("Kies een bestand of plak de intake in het veld ‘Tekst’.", back: back)
        }
        return (Data(text.utf8), "ingeplakte tekst")
    }
}
