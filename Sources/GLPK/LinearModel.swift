import Dispatch

/// A mixed-integer linear program as plain Swift values: named columns, named rows, sparse terms.
///
/// Models are built here and checked by `validate()` before any of it reaches GLPK, because GLPK
/// answers a bad index, a NaN or an inverted bound by aborting the whole process.
public struct LinearModel: Sendable {
    public enum Sense: String, Sendable { case minimise, maximise }
    public enum Kind: Sendable { case continuous, integer, binary }

    public struct Column: Sendable {
        public var name: String
        public var lower: Double?
        public var upper: Double?
        public var kind: Kind
        public var objective: Double
    }

    public struct Row: Sendable {
        public var name: String
        public var lower: Double?
        public var upper: Double?
    }

    public var name: String
    public var sense: Sense
    public var objectiveName = "fit"
    /// A constant added to the objective (GLPK's column 0), e.g. the fit of fixed assignments.
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    /// Coefficients in coordinate form, 0-based indices; GLPK's 1-based arrays are made in one pass.
    public private(set) var termRows: [Int32] = []
    public private(set) var termColumns: [Int32] = []
    public private(set) var termValues: [Double] = []

    public init(name: String, sense: Sense) {
        self.name = name
        self.sense = sense
    }

    @discardableResult
    public mutating func addColumn(_ name: String, kind: Kind, lower: Double? = 0, upper: Double? = nil, objective: Double = 0) -> Int {
        columns.append(
            Column(name: name, lower: kind == .binary ? 0 : lower, upper: kind == .binary ? 1 : upper, kind: kind, objective: objective)
        )
        return columns.count - 1
    }

    /// Adds a row `lower <= sum(terms) <= upper`; nil means unbounded on that side.
    @discardableResult
    public mutating func addRow(
        _ name: String,
        lower: Double? = nil,
        upper: Double? = nil,
        terms: [(column: Int, coefficient: Double)]
    ) -> Int {
        rows.append(Row(name: name, lower: lower, upper: upper))
        let r = Int32(rows.count - 1)
        for (column, coefficient) in terms where coefficient != 0 {
            termRows.append(r)
            termColumns.append(Int32(column))
            termValues.append(coefficient)
        }
        return rows.count - 1
    }

    public mutating func setObjective(_ column: Int, _ coefficient: Double) {
        columns[column].objective = coefficient
    }

    /// The same feasible set with the objective negated and the sense flipped: same solutions, optimum negated.
    public func negated() -> LinearModel {
        var copy = self
        copy.sense = sense == .maximise ? .minimise : .maximise
        copy.objectiveConstant = -objectiveConstant
        for j in copy.columns.indices { copy.columns[j].objective = -columns[j].objective }
        return copy
    }

    public var isInteger: Bool { columns.contains { $0.kind != .continuous } }

    /// True when every solution's objective is a whole number: then a bound that rounds to the
    /// incumbent proves optimality, and the search can stop early.
    public var hasIntegralObjective: Bool {
        objectiveConstant == objectiveConstant.rounded()
            && columns.allSatisfy { c in
                c.objective == 0 || (c.kind != .continuous && c.objective == c.objective.rounded())
            }
    }

    /// Everything GLPK would abort on, and names LP files cannot carry, as readable messages.
    /// With a `deadline`, a check of a million columns stops with `ModelError.timeLimitReached` once
    /// it has passed, so a solver's time limit holds however large the model.
    public func validate(deadline: DispatchTime? = nil) throws {
        var problems: [String] = []
        func check(_ ok: Bool, _ message: @autoclosure () -> String) {
            if !ok, problems.count < 20 { problems.append(message()) }
        }
        var counted = 0
        func checkTime() throws {
            counted += 1
            if let deadline, counted % 4096 == 0, DispatchTime.now() >= deadline { throw ModelError.timeLimitReached }
        }
        var names = Set<String>(minimumCapacity: max(columns.count, rows.count))
        for c in columns {
            try checkTime()
            check(LinearModel.isValidName(c.name), "column name '\(c.name)' cannot be written to an LP file")
            check(names.insert(c.name).inserted, "duplicate column name '\(c.name)'")
            check(c.objective.isFinite, "column \(c.name): objective coefficient is not finite")
            check(c.lower.map(\.isFinite) ?? true, "column \(c.name): lower bound is not finite")
            check(c.upper.map(\.isFinite) ?? true, "column \(c.name): upper bound is not finite")
            if let l = c.lower, let u = c.upper { check(l <= u, "column \(c.name): lower bound \(l) above upper bound \(u)") }
        }
        names.removeAll(keepingCapacity: true)
        for r in rows {
            try checkTime()
            check(LinearModel.isValidName(r.name), "row name '\(r.name)' cannot be written to an LP file")
            check(names.insert(r.name).inserted, "duplicate row name '\(r.name)'")
            check(r.lower.map(\.isFinite) ?? true, "row \(r.name): lower bound is not finite")
            check(r.upper.map(\.isFinite) ?? true, "row \(r.name): upper bound is not finite")
            if let l = r.lower, let u = r.upper { check(l <= u + 1e-9, "row \(r.name): lower bound \(l) above upper bound \(u)") }
        }
        // A row's terms are contiguous (addRow appends them together), so a column named twice in a
        // row is the column's last row seen being this one: one pass, no hashing of a million cells.
        var lastRow = [Int32](repeating: -1, count: columns.count)
        for k in termValues.indices {
            let column = Int(termColumns[k])
            guard column >= 0 && column < columns.count else {
                check(false, "term refers to a column that does not exist")
                continue
            }
            check(lastRow[column] != termRows[k], "row \(rows[Int(termRows[k])].name) names a column twice")
            lastRow[column] = termRows[k]
            check(termValues[k].isFinite, "row \(rows[Int(termRows[k])].name): coefficient is not finite")
        }
        check(
            objectiveConstant.isFinite && abs(objectiveConstant) <= Self.maxMagnitude,
            "objective constant \(objectiveConstant) is not a finite number within ±\(Self.maxMagnitude)"
        )
        // GLPK scales rows and columns by the geometric mean of their coefficients; coefficients
        // far apart (1e-300 next to 1e6) give it a scale factor it refuses by aborting.
        let range = Self.coefficientRange
        for k in termValues.indices where termValues[k].isFinite {
            check(
                range.contains(abs(termValues[k])),
                "row \(rows[Int(termRows[k])].name): coefficient \(termValues[k]) is outside ±\(range.lowerBound)...\(range.upperBound)"
            )
        }
        for c in columns {
            check(
                !c.objective.isFinite || abs(c.objective) <= Self.maxMagnitude,
                "column \(c.name): objective coefficient \(c.objective) is beyond ±\(Self.maxMagnitude)"
            )
            for bound in [c.lower, c.upper].compactMap({ $0 }) where bound.isFinite {
                check(abs(bound) <= Self.maxMagnitude, "column \(c.name): bound \(bound) is beyond ±\(Self.maxMagnitude)")
            }
        }
        for r in rows {
            for bound in [r.lower, r.upper].compactMap({ $0 }) where bound.isFinite {
                check(abs(bound) <= Self.maxMagnitude, "row \(r.name): bound \(bound) is beyond ±\(Self.maxMagnitude)")
            }
        }
        check(columns.count < Int32.max && rows.count < Int32.max, "model too large for GLPK")
        if !problems.isEmpty { throw ModelError.invalid(problems) }
    }

    /// The magnitudes a constraint coefficient may have (zero terms are dropped when a row is added).
    public static let coefficientRange: ClosedRange<Double> = 1e-6...1e9
    /// The largest magnitude of a bound, a right-hand side or an objective coefficient.
    public static let maxMagnitude: Double = 1e15

    /// The problem's name as GLPK takes it: `glp_set_prob_name` aborts on a control character or on
    /// more than 255 bytes, and the name is only a label (a GAP file's name, a day), so it is cleaned
    /// instead of refused.
    public static func glpkName(_ name: String) -> String {
        var result = ""
        var bytes = 0
        for scalar in name.unicodeScalars {
            let clean: Unicode.Scalar = scalar.properties.generalCategory == .control || scalar.value > 0x7E ? "_" : scalar
            guard bytes + 1 <= 255 else { break }
            result.unicodeScalars.append(clean)
            bytes += 1
        }
        return result.isEmpty ? "model" : result
    }

    /// CPLEX LP names: at most 255 characters of letters, digits and !"#$%&()/,.;?@_`'{}|~,
    /// not starting with a digit or a period.
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 255, !(0x30...0x39).contains(first), first != 0x2E else { return false }
        return bytes.allSatisfy { nameBytes[Int($0)] }
    }

    /// ASCII letters, digits and !"#$%&()/,.;?@_`'{}|~, indexed by byte.
    private static let nameBytes: [Bool] = (0..<256).map { b in
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            || "!\"#$%&()/,.;?@_`'{}|~".utf8.contains(UInt8(b))
    }
}
