import Dispatch
import Foundation
import GLPK
import InstroomDomain

/// An OR-Library generalised assignment instance: agents with capacities, jobs with per-agent
/// profit (or cost) and resource use. Solved with the same `AssignmentModel` and GLPK wrapper as a
/// triage day: agents play the ROs, jobs play the cases.
public struct GAPInstance: Sendable, Equatable {
    public var file: String
    /// 1-based position in its file.
    public var index: Int
    public var sense: LinearModel.Sense
    public var profit: [[Double]]  // [agent][job]
    public var resource: [[Double]]  // [agent][job]
    public var capacity: [Double]

    public var agentCount: Int { capacity.count }
    public var jobCount: Int { profit.first?.count ?? 0 }

    /// The numbers an instance may hold. OR-Library's are below 10,000; the bound keeps every sum of
    /// profits an exact integer in a Double and every coefficient within what GLPK scales.
    public static let valueRange: ClosedRange<Int> = 0...1_000_000_000
    /// Agents and jobs per instance, and their product (one column per agent and job).
    public static let maxAgents = 1_000, maxJobs = 100_000, maxCells = 2_000_000

    /// Reads every instance in an OR-Library file. Line breaks carry no meaning in the format.
    /// The sense follows the collection's convention: gapa-gape minimise cost, gap1-gap12 maximise profit.
    public static func read(contentsOf url: URL, sense: LinearModel.Sense? = nil) throws -> [GAPInstance] {
        let text = try InputFile.text(at: url)
        return try parse(text, file: url.path, sense: sense ?? defaultSense(forFile: url.lastPathComponent))
    }

    public static func defaultSense(forFile name: String) -> LinearModel.Sense {
        let stem = name.lowercased().replacingOccurrences(of: ".txt", with: "")
        if stem.hasPrefix("gap"), let letter = stem.dropFirst(3).first, letter.isLetter { return .minimise }
        return .maximise
    }

    /// Parses a file's text; every error is an `InputError` with the line and the field (e.g.
    /// `instance 2: profit[3][17]`).
    public static func parse(_ text: String, file: String, sense: LinearModel.Sense) throws -> [GAPInstance] {
        var tokens: [(text: Substring, line: Int)] = []
        var line = 1
        for piece in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" }) {
            for token in piece.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\t" }) { tokens.append((token, line)) }
            line += 1
        }
        var at = 0
        func next(_ field: @autoclosure () -> String, in range: ClosedRange<Int>) throws -> Int {
            guard at < tokens.count else {
                throw InputError(file: file, line: max(1, line - 1), field: field(), "the file ends where this number was expected")
            }
            let (token, tokenLine) = tokens[at]
            at += 1
            guard let n = Int(token) else {
                throw InputError(file: file, line: tokenLine, field: field(), "'\(token.prefix(40))' is not a whole number")
            }
            guard range.contains(n) else {
                let message = "\(n) is outside the allowed range \(range.lowerBound)...\(range.upperBound)"
                throw InputError(file: file, line: tokenLine, field: field(), message)
            }
            return n
        }
        let count = try next("number of instances", in: 1...1_000)
        var instances: [GAPInstance] = []
        for index in 1...count {
            let m = try next("instance \(index): agents", in: 1...maxAgents)
            let n = try next("instance \(index): jobs", in: 1...maxJobs)
            guard m * n <= maxCells else {
                throw InputError(
                    file: file,
                    line: tokens[at - 1].line,
                    field: "instance \(index): jobs",
                    "\(m) agents x \(n) jobs is more than \(maxCells) assignments"
                )
            }
            func matrix(_ what: String) throws -> [[Double]] {
                try (0..<m).map { i in
                    try (0..<n).map { j in Double(try next("instance \(index): \(what)[\(i + 1)][\(j + 1)]", in: valueRange)) }
                }
            }
            let profit = try matrix(sense == .minimise ? "cost" : "profit")
            let resource = try matrix("resource")
            let capacity = try (0..<m).map { i in Double(try next("instance \(index): capacity[\(i + 1)]", in: valueRange)) }
            instances.append(GAPInstance(file: file, index: index, sense: sense, profit: profit, resource: resource, capacity: capacity))
        }
        if at != tokens.count {
            throw InputError(file: file, line: tokens[at].line, "\(tokens.count - at) numbers left after the last instance")
        }
        return instances
    }

    /// The instance as an assignment model: one class per job, every job must be assigned.
    public var model: AssignmentModel {
        let m = agentCount
        let classes = (0..<jobCount).map { j in
            AssignmentModel.JobClass(
                name: "j\(j + 1)",
                profit: (0..<m).map { profit[$0][j] },
                resource: (0..<m).map { resource[$0][j] }
            )
        }
        return AssignmentModel(
            name: "gap_\(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)_\(index)",
            sense: sense,
            agents: (1...m).map { "a\($0)" },
            capacity: capacity,
            classes: classes
        )
    }

    /// Builds and solves within `settings.timeLimitSeconds`, counted from `started` (default: now).
    public func solve(settings: SolverSettings, started: DispatchTime = .now()) throws -> SolveResult {
        let deadline = settings.deadline(from: started)
        do {
            return try model.build(deadline: deadline).solve(settings: settings, started: started).result
        } catch ModelError.timeLimitReached {
            return .noSolutionWithinLimit(started: started, settings: settings, message: ModelError.timeLimitReached.description)
        }
    }
}
