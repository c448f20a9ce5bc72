import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The web app for the triagepunt, the begeleidingscommissie, the directies and the beheerder: Dutch
/// pages rendered on the server, one role per account, and a JSON API for systems under `/api/v1`.
/// Handlers only parse, call one library function and render.
public enum WebApp {
    /// The application, ready to `runService()`; `onServerRunning` receives the bound port (useful with port 0).
    public static func application(
        _ settings: WebAppSettings,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    )
        throws -> some ApplicationProtocol
    {
        let services = try AppServices(settings: settings)
        var logger = Logger(label: "instroom.web")
        logger.logLevel = ProcessInfo.processInfo.environment["INSTROOM_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return Application(
            router: router(services),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "instroom"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger
        )
    }

    /// Runs the app until SIGINT or SIGTERM.
    public static func run(_ settings: WebAppSettings, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(settings, onServerRunning: onServerRunning).runService()
    }

    static func router(_ services: AppServices) -> Router<AppRequestContext> {
        let router = Router(context: AppRequestContext.self)
        // Order matters: headers on every answer, then who is asking, then errors as Dutch pages (which show the user's menu).
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: IdentityMiddleware(services: services))
        router.add(middleware: ErrorPageMiddleware(services: services))
        LoginController(services: services).addRoutes(to: router)
        CommissieController(services: services).addRoutes(to: router)
        CaseController(services: services).addRoutes(to: router)
        DirectieController(services: services).addRoutes(to: router)
        BeheerController(services: services).addRoutes(to: router)
        TriageController(services: services).addRoutes(to: router)
        ProposalController(services: services).addRoutes(to: router)
        APIController(services: services).addRoutes(to: router)
        ProposalAPIController(services: services).addRoutes(to: router)
        return router
    }
}
