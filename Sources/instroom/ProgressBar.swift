import ArgumentParser
import Foundation
import InstroomDomain
import Simulation
import Synchronization

/// A progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar: Sendable {
    let total: Int
    private let enabled = isatty(2) == 1
    private let state = Mutex((label: "", lastDrawn: -1))

    init(total: Int) { self.total = max(1, total) }

    /// What is being counted, shown after the bar.
    var label: String {
        get { state.withLock { $0.label } }
        set { state.withLock { $0.label = newValue } }
    }

    func update(_ done: Int) {
        guard enabled else { return }
        state.withLock { s in
            let permille = done * 1000 / total
            guard permille != s.lastDrawn else { return }
            s.lastDrawn = permille
            draw(done: done, permille: permille, label: s.label)
        }
    }

    private func draw(done: Int, permille: Int, label: String) {
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
