import Foundation
import Testing

@Suite("Command runner")
struct CommandRunnerTests {
    @Test("a child that writes megabytes to both pipes finishes, and nothing is lost")
    func bothPipesDrained() throws {
        let script = #"head -c 3000000 /dev/zero | tr '\0' e >&2; head -c 2000000 /dev/zero | tr '\0' o; echo done >&2"#
        let r = try CLI.run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count == 2_000_000)
        #expect(r.stderr.utf8.count == 3_000_005)
        #expect(r.stderr.hasSuffix("done\n"))
    }
}
