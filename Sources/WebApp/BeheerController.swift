import Foundation
import HTTPTypes
import Hummingbird
import InstroomDomain
import IntakeFormats
import Ledger
import Wegingskader

/// The beheerder's pages: accounts and roles, API tokens, wegingskader versions, the settings.
struct BeheerController {
    let services: AppServices

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/beheer").add(middleware: RoleMiddleware(.beheerder)).add(middleware: CSRFMiddleware())
        group.get { request, context in try usersPage(request, context) }
        group.post("gebruikers") { request, context in
            let form = context.form ?? FormData()
            guard let role = UserRole(rawValue: form["rol"] ?? "") else { throw WebError.badRequest("Kies een rol.", back: "/beheer") }
            let user = try services.accounts.add(
                login: try form.required("login", label: "Gebruikersnaam"),
                displayName: try form.required("naam", label: "Naam"),
                role: role,
                password: form["wachtwoord"] ?? ""
            )
            return try usersPage(request, context, notice: "Account ‘\(user.login)’ aangemaakt met de rol \(role.label).")
        }
        group.post("gebruikers/:id") { request, context in
            guard let id = Int64(try context.parameters.require("id")), let user = try services.ledger.user(id: id) else {
                throw WebError.notFound("Dit account bestaat niet.")
            }
            let form = context.form ?? FormData()
            guard let role = UserRole(rawValue: form["rol"] ?? "") else { throw WebError.badRequest("Kies een rol.", back: "/beheer") }
            let active = form["actief"] != nil
            if user.login.lowercased() == context.identity?.login?.lowercased(), !active || role != .beheerder {
                throw WebError.badRequest(
                    "U kunt uw eigen account niet uitschakelen of een andere rol geven; vraag een andere beheerder.",
                    back: "/beheer"
                )
            }
            try services.ledger.updateUser(id: id, role: role, active: active)
            return try usersPage(
                request,
                context,
                notice: "Account ‘\(user.login)’: rol \(role.label), \(active ? "actief" : "uitgeschakeld")."
            )
        }
        group.post("tokens") { request, context in
            let form = context.form ?? FormData()
            guard let role = UserRole(rawValue: form["rol"] ?? "") else {
                throw WebError.badRequest("Kies een rol voor het token.", back: "/beheer")
            }
            let (token, record) = try services.accounts.makeToken(
                name: try form.required("naam", label: "Naam van het systeem"),
                role: role,
                by: try CommissieController.actor(context)
            )
            return try usersPage(
                request,
                context,
                notice: "API-token voor ‘\(record.name)’ aangemaakt. Kopieer het nu: het wordt niet nog eens getoond.",
                newToken: token
            )
        }
        group.post("tokens/:id/intrekken") { request, context in
            guard let id = Int64(try context.parameters.require("id")) else { throw WebError.notFound("Dit token bestaat niet.") }
            try services.ledger.disableAPIToken(id: id)
            return try usersPage(request, context, notice: "Het API-token is ingetrokken.")
        }
        group.get("wegingskader") { request, context in try rulesPage(request, context) }
        group.post("wegingskader/controle") { request, context in
            let (text, file) = try uploadedRules(context.form ?? FormData())
            let proposed: RuleSet
            do { proposed = try RuleSet.parse(text, file: file) } catch let errors as InputErrors {
                return try rulesPage(
                    request,
                    context,
                    errors: errors.errors.map(InputErrorText.dutch),
                    status: .unprocessableContent,
                    error: "De nieuwe versie bevat fouten en kan niet worden geactiveerd."
                )
            }
            let check = try RuleSetContent.check(
                proposed,
                active: try services.activeRules().rules,
                sample: try IntakeReader.read(contentsOf: SampleIntake.url)
            )
            return try rulesPage(request, context, check: check)
        }
        group.post("wegingskader/activeren") { _, context in
            let form = context.form ?? FormData()
            let (text, file) = try uploadedRules(form)
            let proposed = try RuleSet.parse(text, file: file)
            guard proposed.hash == form["hash"] else {
                throw WebError.badRequest(
                    "De tekst is veranderd sinds de controle. Controleer de versie opnieuw.",
                    back: "/beheer/wegingskader"
                )
            }
            let golden = try RuleSetContent.check(proposed, active: try services.activeRules().rules, sample: [])
            if !golden.goldenOK, form["afwijkingen-gezien"] == nil {
                throw WebError.badRequest(
                    "Niet alle voorbeeldzaken geven de verwachte uitkomst. Vink aan dat u de afwijkingen hebt gezien.",
                    back: "/beheer/wegingskader"
                )
            }
            try services.ledger.activateRuleSet(
                hash: proposed.hash,
                version: proposed.version,
                title: proposed.title,
                source: text,
                by: try CommissieController.actor(context)
            )
            return AppServices.redirect("/beheer/wegingskader?geactiveerd=1")
        }
        group.get("instellingen") { request, context in
            try services.page(
                "settings",
                title: "Verdeelinstellingen",
                request,
                context,
                content: SettingsContent(services.config, file: services.settings.config)
            )
        }
    }

    func usersPage(_ request: Request, _ context: AppRequestContext, notice: String? = nil, newToken: String? = nil) throws -> Response {
        let content = BeheerContent(users: try services.ledger.users(), tokens: try services.ledger.apiTokens(), newToken: newToken)
        return try services.page("beheer", title: "Gebruikers en API-tokens", request, context, content: content, notice: notice)
    }

    func rulesPage(
        _ request: Request,
        _ context: AppRequestContext,
        errors: [String] = [],
        check: RuleSetContent.Check? = nil,
        status: HTTPResponse.Status = .ok,
        error: String? = nil
    ) throws -> Response {
        let (rules, activation) = try services.activeRules()
        let content = RuleSetContent(
            active: rules,
            activation: activation,
            history: try services.ledger.ruleActivations(),
            errors: errors,
            check: check
        )
        let notice = request.uri.queryParameters.get("geactiveerd") != nil ? "De nieuwe versie is actief." : nil
        return try services.page(
            "rules",
            title: "Wegingskader",
            request,
            context,
            content: content,
            notice: notice,
            error: error,
            status: status
        )
    }

    /// The rule text from the uploaded file or the text field, with line ends as LF (browsers send CRLF),
    /// so the hash checked is the hash activated.
    func uploadedRules(_ form: FormData) throws -> (text: String, file: String) {
        if let upload = form.files["bestand"], !upload.data.isEmpty {
            return (
                String(decoding: upload.data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"),
                upload.filename.isEmpty ? "upload" : upload.filename
            )
        }
        let text = (form["tekst"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw WebError.badRequest(
                "Kies een bestand of plak de tekst van het wegingskader in het veld ‘Tekst’.",
                back: "/beheer/wegingskader"
            )
        }
        return (text, "ingeplakte tekst")
    }
}
