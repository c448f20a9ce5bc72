import Foundation
import GLPK

/// An OR-Library generalised assignment instance: agents with capacities, jobs with per-agent
/// profit (or cost) and resource use. Solved with the same `AssignmentModel` and GLPK wrapper as a
/// triage day: agents play the ROs, jobs play the cases.
public struct GAPInstance: Sendable, Equatable {
    public var file: String
    /// 1-based position in its file.
    public var index: Int
    public var sense: LinearModel.Sense
    public var profit: [[Double]]   // [agent][job]
    public var resource: [[Double]] // [agent][job]
    public var capacity: [Double]

    public var agentCount: Int { capacity.count }
    public var jobCount: Int { profit.first?.count ?? 0 }

    /// Reads every instance in an OR-Library file. Line breaks carry no meaning in the format.
    /// The sense follows the collection's convention: gapa-gape minimise cost, gap1-gap12 maximise profit.
    public static func read(contentsOf url: URL, sense: LinearModel.Sense? = nil) throws -> [GAPInstance] {
        let name = url.lastPathComponent
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw GAPFormatError(file: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try parse(text, file: url.path, sense: sense ?? defaultSense(forFile: name))
    }

    public static func defaultSense(forFile name: String) -> LinearModel.Sense {
        let stem = name.lowercased().replacingOccurrences(of: ".txt", with: "")
        if stem.hasPrefix("gap"), let letter = stem.dropFirst(3).first, letter.isLetter { return .minimise }
        return .maximise
    }

    public static func parse(_ text: String, file: String, sense: LinearModel.Sense) throws -> [GAPInstance] {
        var numbers: [Int] = []
        numbers.reserveCapacity(text.utf8.count / 3)
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
            guard let n = Int(token) else { throw GAPFormatError(file: file, message: "'\(token)' is not a whole number") }
            numbers.append(n)
        }
        var at = 0
        func next(_ what: String) throws -> Int {
            guard at < numbers.count else { throw GAPFormatError(file: file, message: "the file ends where \(what) was expected") }
            defer { at += 1 }
            return numbers[at]
        }
        let count = try next("the number of instances")
        guard count >= 1 else { throw GAPFormatError(file: file, message: "the file holds \(count) instances") }
        var instances: [GAPInstance] = []
        for index in 1...count {
            let m = try next("the number of agents"), n = try next("the number of jobs")
            guard (1...10_000).contains(m), (1...1_000_000).contains(n) else {
                throw GAPFormatError(file: file, message: "instance \(index): \(m) agents x \(n) jobs is not a valid size")
            }
            func matrix(_ what: String) throws -> [[Double]] {
                try (0..<m).map { _ in try (0..<n).map { _ in Double(try next(what)) } }
            }
            let profit = try matrix("instance \(index)'s profits"), resource = try matrix("instance \(index)'s resources")
            let capacity = try (0..<m).map { _ in Double(try next("instance \(index)'s capacities")) }
            instances.append(GAPInstance(file: file, index: index, sense: sense, profit: profit, resource: resource, capacity: capacity))
        }
        if at != numbers.count { throw GAPFormatError(file: file, message: "\(numbers.count - at) numbers left after the last instance") }
        return instances
    }

    /// The instance as an assignment model: one class per job, every job must be assigned.
    public var model: AssignmentModel {
        let m = agentCount
        let classes = (0..<jobCount).map { j in
            AssignmentModel.JobClass(
                name: "j\(j + 1)", profit: (0..<m).map { profit[$0][j] }, resource: (0..<m).map { resource[$0][j] }
            )
        }
        return AssignmentModel(
            name: "gap_\(URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)_\(index)",
            sense: sense, agents: (1...m).map { "a\($0)" }, capacity: capacity, classes: classes
        )
    }

    public func solve(settings: SolverSettings) throws -> SolveResult {
        try model.build().solve(settings: settings).result
    }
}
