import ArgumentParser
import Foundation
import Synchronization
import WebApp

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web app for the triagepunt, the begeleidingscommissie, the directies and the beheerder.",
        discussion: """
            Dutch pages and a JSON API (/api/v1, described at /api/openapi.yaml). Create the first beheerder with
            `instroom users add --role beheerder` first. Cookies are Secure by default: behind HTTPS. For plain
            http on this machine only, pass --insecure-cookies.
            """
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "The folder with the scenario files (*.yaml, with baseline.yaml).") var scenarios = "Scenarios"
    @Option(help: "Allocation settings (YAML) over the bundled ones.") var config: String?
    @Flag(help: "Send the session cookie over plain http too (only for use on localhost).") var insecureCookies = false
    @OptionGroup var ledger: LedgerOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if insecureCookies, !["127.0.0.1", "localhost", "::1"].contains(host) {
            throw ValidationError("--insecure-cookies is only allowed with --host 127.0.0.1, localhost or ::1")
        }
    }

    /// The root command is synchronous, so the server runs in a task and this waits for it (until SIGINT or SIGTERM).
    func run() throws {
        let settings = WebAppSettings(
            host: host,
            port: port,
            database: ledger.db,
            scenarios: scenarios,
            config: config,
            secureCookies: !insecureCookies
        )
        let host = host
        let failure = Mutex<(any Error)?>(nil)
        let stopped = DispatchSemaphore(value: 0)
        Task {
            do {
                try await WebApp.run(settings) { port in
                    FileHandle.standardOutput.write(Data("instroom web app: http://\(host):\(port)/\n".utf8))
                }
            } catch {
                failure.withLock { $0 = error }
            }
            stopped.signal()
        }
        stopped.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
