import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The request context: who is asking (set by `IdentityMiddleware`), the form posted (read once by
/// `CSRFMiddleware`) and the peer's address (for the login throttle).
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: Identity?
    var form: FormData?
    let remoteAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "onbekend"
    }

    /// Intake files and rule files are uploaded whole; 8 MiB holds a large day.
    var maxUploadSize: Int { 8 * 1024 * 1024 }
}
