import ArgumentParser
import Foundation
import InstroomDomain
import Simulation

/// A progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    let total: Int
    var label = ""
    private let enabled = isatty(2) == 1
    private var lastDrawn = -1
    private let lock = NSLock()

    init(total: Int) { self.total = max(1, total) }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let permille = done * 1000 / total
        guard permille != lastDrawn else { return }
        lastDrawn = permille
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(String(format: "%5.1f", Double(permille) / 10))% \(label)\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
