import Foundation
import HTTPTypes
import Hummingbird
import Ledger
import Triage

/// Any case by id, for the triagepunt and the commissie.
struct CaseController {
    let services: AppServices

    struct SearchContent {
        var id: String
    }

    struct AuditContent {
        var caseId: String
        var caseHref: String
        var audit: [CaseText.AuditRow]
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/zaken").add(middleware: RoleMiddleware(.triagist, .commissielid)).add(middleware: CSRFMiddleware())
        group.get { request, context in
            if let id = request.uri.queryParameters.get("id")?.trimmingCharacters(in: .whitespaces), !id.isEmpty {
                return AppServices.redirect("/zaken/" + Self.pathComponent(id))
            }
            return try services.page("case-search", title: "Zaak opzoeken", request, context, content: SearchContent(id: ""))
        }
        group.get(":id") { request, context in
            let id = try Self.caseId(context)
            let content = try CaseContent(caseId: id, ledger: services.ledger, linkEscalations: context.identity?.role == .commissielid)
            return try services.page("case", title: "Zaak \(id)", request, context, content: content)
        }
        group.get(":id/audit") { request, context in
            let id = try Self.caseId(context)
            let trail = try services.commissie.audit(caseId: id)
            return try services.page(
                "case-audit",
                title: "Audittrail van zaak \(id)",
                request,
                context,
                content: AuditContent(caseId: id, caseHref: CaseText.href(id), audit: CaseText.audit(trail.entries))
            )
        }
    }

    static func caseId(_ context: AppRequestContext) throws -> String {
        let raw = try context.parameters.require("id")
        return raw.removingPercentEncoding ?? raw
    }

    static func pathComponent(_ id: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
    }
}
