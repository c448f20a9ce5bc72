import Dispatch
import Foundation
import InstroomTesting
import Synchronization

/// Runs the built `instroom` binary as a person would, capturing exit code and output.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] }
}

enum CLI {
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["INSTROOM_BIN"] { return URL(fileURLWithPath: explicit) }
        // The test bundle sits in the same build folder as the executable.
        let candidates = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("instroom")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/instroom")
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try run(executable: binary, arguments, in: folder, environment: environment)
    }

    /// `environment` adds to (or overrides) the test process's own environment.
    static func run(
        executable: URL,
        _ arguments: [String],
        in folder: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are read while the child runs: one left unread could fill up and block it.
        let errors = PipeDrain(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}

/// Reads one pipe to its end on a thread of its own while the caller reads the other.
final class PipeDrain: Sendable {
    private let data = Mutex(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let read = handle.readDataToEndOfFile()
            data.withLock { $0 = read }
            finished.signal()
        }
    }

    /// Everything the pipe carried, once the writer closed it.
    func wait() -> Data {
        finished.wait()
        return data.withLock { $0 }
    }
}
