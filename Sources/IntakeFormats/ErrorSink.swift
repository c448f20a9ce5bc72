import Foundation
import InstroomDomain

/// Collects errors up to the limit; the last entry says when it stopped.
struct ErrorSink {
    let file: String
    var errors: [InputError] = []
    var isFull = false

    init(file: String) { self.file = file }

    var hasErrors: Bool { !errors.isEmpty }
    var failure: InputErrors { InputErrors(errors) }

    /// `message` in English (the command line), `dutch` for the web app's pages.
    mutating func add(line: Int?, _ field: String?, _ message: String, dutch: String) {
        guard !isFull else { return }
        if errors.count >= IntakeReader.maxErrors {
            errors.append(
                InputError(
                    file: file,
                    line: line,
                    "too many errors; stopped after \(IntakeReader.maxErrors)",
                    dutch: "te veel fouten; gestopt na \(IntakeReader.maxErrors)"
                )
            )
            isFull = true
            return
        }
        errors.append(InputError(file: file, line: line, field: field, message, dutch: dutch))
    }
}
