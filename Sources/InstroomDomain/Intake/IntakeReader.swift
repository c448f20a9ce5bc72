import Foundation

/// The columns of an intake file (CSV header, JSON keys), in the order the writer uses.
public enum IntakeColumn: String, CaseIterable, Sendable {
    case id, kind, received, deadline, offence, problem, intervention
    case scil
    case scilDate = "scil_date"
    case risc
    case riscDate = "risc_date"
    case region, relation, intensity, age, weight

    /// Columns every case must fill.
    public static let required: [IntakeColumn] = [.id, .kind, .received]

    /// The column a header or key names: case-insensitive, `_`, `-` and spaces ignored (so `scil_date`,
    /// `scilDate` and `SCIL date` are one column). The plurals `offences`, `problems`, `interventions`
    /// (the names `IntakeCase` encodes with) are accepted too.
    public init?(header: String) {
        let key = Self.normalise(header)
        if let column = Self.byKey[key] {
            self = column
        } else {
            return nil
        }
    }

    static func normalise(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !"_- \t".unicodeScalars.contains($0) })
    }

    private static let byKey: [String: IntakeColumn] = {
        var map: [String: IntakeColumn] = [:]
        for c in allCases { map[normalise(c.rawValue)] = c }
        map["offences"] = .offence
        map["problems"] = .problem
        map["interventions"] = .intervention
        return map
    }()

    static var allowedList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Reads the day's intake from CSV (plain or Dutch Excel export) and JSON files.
///
/// Every problem in a file is reported at once (up to ``maxErrors``), each with file, line and
/// field, as ``InputErrors``. Text cells are trimmed; empty cells mean "absent".
public enum IntakeReader {
    /// After this many errors the reader stops and says so.
    public static let maxErrors = 50

    /// Reads a `.csv` or `.json` file (the extension decides, in any case). Errors name `url.path`.
    public static func read(contentsOf url: URL) throws -> [IntakeCase] {
        let file = url.path
        let ext = url.pathExtension.lowercased()
        guard ext == "csv" || ext == "json" else {
            let found = ext.isEmpty ? "a file without extension" : "unsupported file type '.\(url.pathExtension)'"
            throw InputErrors([InputError(file: file, "\(found); expected a .csv or .json file (save an Excel sheet as CSV)")])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw InputErrors([InputError(file: file, "file not found")])
        }
        guard !isDirectory.boolValue else {
            throw InputErrors([InputError(file: file, "is a directory, not an intake file")])
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputErrors([InputError(file: file, "cannot read the file: \(error.localizedDescription)")])
        }
        return ext == "csv" ? try parseCSV(data, file: file) : try parseJSON(data, file: file)
    }

    // MARK: CSV

    /// Parses CSV: comma-separated UTF-8, or the Dutch Excel export (semicolons, BOM, CRLF, decimal
    /// comma, DD-MM-YYYY; Windows-1252 when the bytes are not UTF-8). The dialect is detected.
    public static func parseCSV(_ data: Data, file: String) throws -> [IntakeCase] {
        var sink = ErrorSink(file: file)
        let (text, _) = TextDecoding.decode(data)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputErrors([InputError(file: file, line: 1, "the file is empty; expected a header line with at least: id, kind, received")])
        }
        let (separator, hintLines) = CSVTokenizer.detectSeparator(text)
        let (allRecords, problems) = CSVTokenizer.tokenize(text, separator: separator)
        var records = allRecords.filter { $0.line > hintLines }
        for p in problems { sink.add(line: p.line, nil, "malformed CSV: \(p.message)") }

        guard !records.isEmpty else {
            sink.add(line: 1, nil, "no header line; expected a header with at least: id, kind, received")
            throw sink.failure
        }
        let header = records.removeFirst()
        var columns: [IntakeColumn?] = []
        var seen: [IntakeColumn: Int] = [:]
        for (index, raw) in header.cells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let column = IntakeColumn(header: name) else {
                sink.add(line: header.line, name, name.isEmpty
                         ? "empty column name in column \(index + 1); expected one of: \(IntakeColumn.allowedList)"
                         : "unknown column; expected one of: \(IntakeColumn.allowedList)")
                columns.append(nil)
                continue
            }
            if let first = seen[column] {
                sink.add(line: header.line, column.rawValue, "duplicate column (columns \(first + 1) and \(index + 1))")
                columns.append(nil)
                continue
            }
            seen[column] = index
            columns.append(column)
        }
        let missing = IntakeColumn.required.filter { seen[$0] == nil }
        for column in missing {
            sink.add(line: header.line, column.rawValue, "missing required column")
        }
        guard missing.isEmpty else { throw sink.failure }

        var builder = CaseBuilder()
        var cases: [IntakeCase] = []
        for record in records {
            if sink.isFull { break }
            guard record.cells.count == header.cells.count else {
                sink.add(line: record.line, nil,
                         "wrong number of cells: found \(record.cells.count), the header has \(header.cells.count) (separator '\(Character(Unicode.Scalar(separator)))')")
                continue
            }
            var fields: [CaseBuilder.Field] = []
            for (index, cell) in record.cells.enumerated() {
                guard let column = columns[index] else { continue }
                fields.append(.init(column: column, name: column.rawValue, line: record.line, value: .text(cell)))
            }
            if let c = builder.build(fields, line: record.line, sink: &sink) { cases.append(c) }
        }
        if sink.hasErrors { throw sink.failure }
        return cases
    }

    // MARK: JSON

    /// Parses `{"cases": [...]}` or a bare array of case objects, with the CSV column names as keys
    /// (camelCase accepted). Lists may be JSON arrays or `"a|b"` text. Errors name the line of the key.
    public static func parseJSON(_ data: Data, file: String) throws -> [IntakeCase] {
        var sink = ErrorSink(file: file)
        var bytes = [UInt8](data)
        if bytes.starts(with: TextDecoding.utf8BOM) { bytes.removeFirst(3) }
        if let line = TextDecoding.firstInvalidUTF8Line(bytes) {
            throw InputErrors([InputError(file: file, line: line, "not valid UTF-8; JSON files must be UTF-8")])
        }
        let root: LineJSON
        do {
            guard let parsed = try LineJSON.parse(bytes) else {
                throw InputErrors([InputError(file: file, line: 1, "the file is empty; expected {\"cases\": [...]} or a list of cases")])
            }
            root = parsed
        } catch let error as LineJSON.SyntaxError {
            throw InputErrors([InputError(file: file, line: error.line, "not valid JSON: \(error.message)")])
        }

        let elements: [LineJSON]
        switch root.value {
        case .array(let list):
            elements = list
        case .object(let members):
            var list: [LineJSON]?
            for m in members {
                if m.key == "cases" {
                    guard case .array(let l) = m.value.value else {
                        sink.add(line: m.keyLine, "cases", "expected a list [...] of cases, found \(m.value.typeName)")
                        continue
                    }
                    if list != nil { sink.add(line: m.keyLine, "cases", "duplicate field") }
                    list = l
                } else {
                    sink.add(line: m.keyLine, m.key, "unknown field; expected: cases")
                }
            }
            guard let list else {
                // Only when nothing was said yet: a misspelt key already got "unknown field; expected: cases".
                if !sink.hasErrors {
                    sink.add(line: root.line, "cases", "missing required field; expected {\"cases\": [...]}")
                }
                throw sink.failure
            }
            elements = list
        default:
            throw InputErrors([InputError(file: file, line: root.line, "expected {\"cases\": [...]} or a list of cases, found \(root.typeName)")])
        }

        var builder = CaseBuilder()
        var cases: [IntakeCase] = []
        for (index, element) in elements.enumerated() {
            if sink.isFull { break }
            guard case .object(let members) = element.value else {
                sink.add(line: element.line, nil, "case \(index + 1): expected an object {...}, found \(element.typeName)")
                continue
            }
            var fields: [CaseBuilder.Field] = []
            var seen: [IntakeColumn: String] = [:]
            for m in members {
                guard let column = IntakeColumn(header: m.key) else {
                    sink.add(line: m.keyLine, m.key, "unknown field; expected one of: \(IntakeColumn.allowedList)")
                    continue
                }
                if let other = seen[column] {
                    sink.add(line: m.keyLine, m.key, other == m.key ? "duplicate field" : "duplicate field (also given as '\(other)')")
                    continue
                }
                seen[column] = m.key
                let value: CaseBuilder.Value
                switch m.value.value {
                case .string(let s): value = .text(s)
                case .number(_, let text): value = .number(text)
                case .null: value = .absent
                case .array(let items):
                    var texts: [String] = []
                    var bad = false
                    for item in items {
                        guard case .string(let s) = item.value else {
                            sink.add(line: item.line, m.key, "expected a list of text values, found \(item.typeName)")
                            bad = true
                            break
                        }
                        texts.append(s)
                    }
                    if bad { continue }
                    value = .list(texts)
                case .object, .bool:
                    value = .wrong(m.value.typeName)
                }
                fields.append(.init(column: column, name: m.key, line: m.keyLine, value: value))
            }
            if let c = builder.build(fields, line: element.line, sink: &sink) { cases.append(c) }
        }
        if sink.hasErrors { throw sink.failure }
        return cases
    }
}

/// Collects errors up to the limit; the last entry says when it stopped.
struct ErrorSink {
    let file: String
    var errors: [InputError] = []
    var isFull = false

    init(file: String) { self.file = file }

    var hasErrors: Bool { !errors.isEmpty }
    var failure: InputErrors { InputErrors(errors) }

    mutating func add(line: Int?, _ field: String?, _ message: String) {
        guard !isFull else { return }
        if errors.count >= IntakeReader.maxErrors {
            errors.append(InputError(file: file, line: line, "too many errors; stopped after \(IntakeReader.maxErrors)"))
            isFull = true
            return
        }
        errors.append(InputError(file: file, line: line, field: field, message))
    }
}

/// Turns the cells (CSV) or members (JSON) of one case into an `IntakeCase`, checking every field.
struct CaseBuilder {
    enum Value {
        case text(String)
        case number(String)
        case list([String])
        case absent
        /// A JSON value of a type no field accepts (object, boolean); carries its description.
        case wrong(String)
    }

    struct Field {
        var column: IntakeColumn
        /// The name as the file wrote it, for messages.
        var name: String
        var line: Int
        var value: Value
    }

    /// First line of every id seen so far in this file.
    var idLines: [String: Int] = [:]

    static let dateHint = "expected a date as YYYY-MM-DD or DD-MM-YYYY"

    mutating func build(_ fields: [Field], line: Int, sink: inout ErrorSink) -> IntakeCase? {
        var byColumn: [IntakeColumn: Field] = [:]
        for f in fields { byColumn[f.column] = f }
        let errorsBefore = sink.errors.count

        /// The field as one trimmed text, nil when absent or empty.
        func text(_ column: IntakeColumn) -> (String, Field)? {
            guard let f = byColumn[column] else { return nil }
            switch f.value {
            case .text(let s):
                let t = s.trimmedWhitespace
                return t.isEmpty ? nil : (t, f)
            case .number(let s):
                return (s, f)
            case .absent:
                return nil
            case .list:
                sink.add(line: f.line, f.name, "expected a single value, found a list")
                return nil
            case .wrong(let type):
                sink.add(line: f.line, f.name, "expected a text value, found \(type)")
                return nil
            }
        }

        func required(_ column: IntakeColumn, _ hint: String) -> (String, Field)? {
            if let t = text(column) { return t }
            if byColumn[column].map({ if case .wrong = $0.value { return true }; if case .list = $0.value { return true }; return false }) == true {
                return nil  // already reported
            }
            sink.add(line: byColumn[column]?.line ?? line, column.rawValue, "missing required value; \(hint)")
            return nil
        }

        func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ value: String, _ f: Field) -> T? where T.RawValue == String {
            if let v = T(rawValue: value) ?? T(rawValue: value.lowercased()) { return v }
            sink.add(line: f.line, f.name, "unknown value '\(value)'; expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }

        func date(_ column: IntakeColumn) -> Day? {
            guard let (t, f) = text(column) else { return nil }
            if let d = Day(t) { return d }
            sink.add(line: f.line, f.name, "'\(t)' is not a date; \(Self.dateHint)")
            return nil
        }

        func list<T: RawRepresentable & CaseIterable>(_ column: IntakeColumn, _ type: T.Type) -> [T] where T.RawValue == String {
            guard let f = byColumn[column] else { return [] }
            let items: [String]
            switch f.value {
            case .text(let s): items = s.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            case .list(let l): items = l
            case .absent: return []
            case .number(let s):
                sink.add(line: f.line, f.name, "expected text, found the number \(s)")
                return []
            case .wrong(let type):
                sink.add(line: f.line, f.name, "expected a list or text like \"a|b\", found \(type)")
                return []
            }
            var result: [T] = []
            for item in items {
                let t = item.trimmedWhitespace
                if t.isEmpty { continue }
                if let v = oneOf(T.self, t, f) { result.append(v) }
            }
            return result
        }

        let id = required(.id, "every case needs an id").map(\.0)
        if let id, let (_, f) = text(.id) {
            if let first = idLines[id] {
                sink.add(line: f.line, f.name, "duplicate id '\(id)'; first used on line \(first)")
            } else {
                idLines[id] = f.line
            }
        }
        let kind = required(.kind, "expected one of: \(CaseKind.allCases.map(\.rawValue).joined(separator: ", "))")
            .flatMap { oneOf(CaseKind.self, $0.0, $0.1) }
        let received: Day? = {
            guard let (t, f) = required(.received, Self.dateHint) else { return nil }
            if let d = Day(t) { return d }
            sink.add(line: f.line, f.name, "'\(t)' is not a date; \(Self.dateHint)")
            return nil
        }()
        let deadline = date(.deadline)
        let offences = list(.offence, Offence.self)
        let problems = list(.problem, Problem.self)
        let interventions = list(.intervention, Intervention.self)
        let scil = text(.scil).flatMap { oneOf(ScilResult.self, $0.0, $0.1) } ?? .onbekend
        let scilDate = date(.scilDate)
        let risc = text(.risc).flatMap { oneOf(RiscLevel.self, $0.0, $0.1) } ?? .onbekend
        let riscDate = date(.riscDate)
        let region = text(.region)?.0
        let relation: RO? = text(.relation).flatMap { t, f in
            if let ro = RO(code: t) { return ro }
            sink.add(line: f.line, f.name, "unknown RO '\(t)'; expected one of: SVG, RN, LJR (or LJ&R), or empty")
            return nil
        }
        let intensity: Intensity? = text(.intensity).flatMap { t, f in
            guard let v = oneOf(Intensity.self, t, f) else { return nil }
            if let kind, kind != .toezicht {
                sink.add(line: f.line, f.name, "intensity '\(t)' is only allowed on a toezicht case; this case is '\(kind.rawValue)' (leave it empty)")
                return nil
            }
            return v
        }
        let age: Int? = text(.age).flatMap { t, f in
            guard let a = Int(t) ?? Double(t).flatMap({ $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) : nil }) else {
                sink.add(line: f.line, f.name, "'\(t)' is not a whole number; expected an age in years from 12 to 110")
                return nil
            }
            guard (12...110).contains(a) else {
                sink.add(line: f.line, f.name, "age \(a) is outside the allowed range 12...110")
                return nil
            }
            return a
        }
        let weight: Double? = text(.weight).flatMap { t, f in
            guard let w = Self.number(t), w.isFinite else {
                sink.add(line: f.line, f.name, "'\(t)' is not a number; expected workload points like 2.5 or 2,5")
                return nil
            }
            guard w >= 0 else {
                sink.add(line: f.line, f.name, "negative weight \(t); expected workload points of 0 or more")
                return nil
            }
            return w
        }

        guard sink.errors.count == errorsBefore, let id, let kind, let received else { return nil }
        return IntakeCase(
            id: id, kind: kind, received: received, deadline: deadline,
            offences: offences, problems: problems, interventions: interventions,
            scil: scil, scilDate: scilDate, risc: risc, riscDate: riscDate,
            region: region, relation: relation, intensity: intensity, age: age, weight: weight
        )
    }

    /// A decimal number with a point or a comma (Dutch Excel) as decimal separator; no thousands separators.
    static func number(_ text: String) -> Double? {
        let commas = text.filter { $0 == "," }.count
        let points = text.filter { $0 == "." }.count
        guard commas + points <= 1 else { return nil }
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        guard normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }) else { return nil }
        return Double(normalised)
    }
}
