import ArgumentParser
import Foundation

@main
struct Instroom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instroom",
        abstract: "Distributes the 3RO intake (SVG, RN, LJ&R) on content, within the agreed bandwidths.",
        discussion: """
            The triagepunt proposes each working day (`propose`), reviews it (`accept`, `override`, `contest`) and
            confirms it (`confirm`); `allocate` does both at once for unattended runs. The begeleidingscommissie works with
            `escalations`, `contest`, `decide` and `audit`; the directies compare bandwidth scenarios
            with `simulate` and `sweep`. Numbers in the bundled defaults are illustrative.
            Operational log lines go to standard error; set INSTROOM_LOG_LEVEL=info (or debug) to see them.
            """,
        subcommands: [
            Propose.self, Accept.self, Override.self, Confirm.self, Allocate.self, Score.self, ExportModel.self, Generate.self,
            GAPCommand.self, Bench.self, WegingskaderCommand.self,
            Escalations.self, Contest.self, Decide.self, Audit.self, CommissieCommand.self,
            Simulate.self, Sweep.self, Serve.self, Users.self, Verify.self, Purge.self, Backup.self, Restore.self,
        ]
    )

    /// Sets up logging once, then parses and runs the command as usual.
    /// Errors name files and values a person typed or a file held: printed without control characters.
    static func main() {
        LogLevel.bootstrap()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            FileHandle.standardError.write(Data((TerminalText.clean(message, keepingLineBreaks: true) + "\n").utf8))
            exit(withError: code)
        }
    }
}
