import ArgumentParser

@main
struct Instroom: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instroom",
        abstract: "Distributes the 3RO intake (SVG, RN, LJ&R) on content, within the agreed bandwidths.",
        discussion: """
            The triagepunt runs `allocate` every working day; the begeleidingscommissie works with
            `escalations`, `contest`, `decide` and `audit`; the directies compare bandwidth scenarios
            with `simulate` and `sweep`. Numbers in the bundled defaults are illustrative.
            Operational log lines go to standard error; set INSTROOM_LOG_LEVEL=info (or debug) to see them.
            """,
        subcommands: [
            Allocate.self, Score.self, ExportModel.self, Generate.self, GAPCommand.self, Bench.self, WegingskaderCommand.self,
            Escalations.self, Contest.self, Decide.self, Audit.self, CommissieCommand.self,
            Simulate.self, Sweep.self, Serve.self, Users.self,
        ]
    )

    /// Sets up logging once, then parses and runs the command as usual.
    static func main() {
        LogLevel.bootstrap()
        main(nil)
    }
}
