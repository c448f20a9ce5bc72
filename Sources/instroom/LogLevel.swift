import Foundation
import Logging

/// Operational logging goes to standard error, so the reports and JSON on standard output stay as they
/// are. The level comes from `INSTROOM_LOG_LEVEL` (trace, debug, info, notice, warning, error, critical);
/// the default, warning, keeps a normal run quiet.
enum LogLevel {
    static let variable = "INSTROOM_LOG_LEVEL"

    /// Called once, before any command runs.
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = level(from: environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func level(from environment: [String: String]) -> Logger.Level {
        guard let text = environment[variable], !text.isEmpty else { return .warning }
        if let level = Logger.Level(rawValue: text.lowercased()) { return level }
        let allowed = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("instroom: \(variable)='\(text)' is not one of \(allowed); using warning\n".utf8))
        return .warning
    }
}
