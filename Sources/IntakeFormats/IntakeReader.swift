import Foundation
import InstroomDomain

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
            let gevonden = ext.isEmpty ? "een bestand zonder extensie" : "bestandstype ‘.\(url.pathExtension)’ wordt niet ondersteund"
            throw InputErrors([
                InputError(
                    file: file,
                    "\(found); expected a .csv or .json file (save an Excel sheet as CSV)",
                    dutch: "\(gevonden); verwacht een .csv- of .json-bestand (sla een Excelblad op als CSV)"
                )
            ])
        }
        let data: Data
        do { data = try InputFile.data(at: url) } catch { throw InputErrors([error]) }
        return ext == "csv" ? try parseCSV(data, file: file) : try parseJSON(data, file: file)
    }

    // MARK: CSV

    /// Parses CSV: comma-separated UTF-8, or the Dutch Excel export (semicolons, BOM, CRLF, decimal
    /// comma, DD-MM-YYYY; Windows-1252 when the bytes are not UTF-8). The dialect is detected.
    public static func parseCSV(_ data: Data, file: String) throws -> [IntakeCase] {
        var sink = ErrorSink(file: file)
        let (text, _) = TextDecoding.decode(data)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InputErrors([
                InputError(
                    file: file,
                    line: 1,
                    "the file is empty; expected a header line with at least: id, kind, received",
                    dutch: "het bestand is leeg; verwacht een kopregel met ten minste: id, kind, received"
                )
            ])
        }
        let (separator, hintLines) = CSVTokenizer.detectSeparator(text)
        let (allRecords, syntaxErrors) = CSVTokenizer.tokenize(text, separator: separator)
        var records = allRecords.filter { $0.line > hintLines }
        for p in syntaxErrors { sink.add(line: p.line, nil, "malformed CSV: \(p.message)", dutch: "ongeldige CSV: \(p.dutch)") }

        guard !records.isEmpty else {
            sink.add(
                line: 1,
                nil,
                "no header line; expected a header with at least: id, kind, received",
                dutch: "geen kopregel; verwacht een kopregel met ten minste: id, kind, received"
            )
            throw sink.failure
        }
        let header = records.removeFirst()
        var columns: [IntakeColumn?] = []
        var seen: [IntakeColumn: Int] = [:]
        for (index, raw) in header.cells.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces)
            guard let column = IntakeColumn(header: name) else {
                sink.add(
                    line: header.line,
                    name,
                    name.isEmpty
                        ? "empty column name in column \(index + 1); expected one of: \(IntakeColumn.allowedList)"
                        : "unknown column; expected one of: \(IntakeColumn.allowedList)",
                    dutch: name.isEmpty
                        ? "kolom \(index + 1) heeft geen naam; verwacht een van: \(IntakeColumn.allowedList)"
                        : "onbekende kolom; verwacht een van: \(IntakeColumn.allowedList)"
                )
                columns.append(nil)
                continue
            }
            if let first = seen[column] {
                sink.add(
                    line: header.line,
                    column.rawValue,
                    "duplicate column (columns \(first + 1) and \(index + 1))",
                    dutch: "kolom staat er twee keer in (kolom \(first + 1) en \(index + 1))"
                )
                columns.append(nil)
                continue
            }
            seen[column] = index
            columns.append(column)
        }
        let missing = IntakeColumn.required.filter { seen[$0] == nil }
        for column in missing {
            sink.add(line: header.line, column.rawValue, "missing required column", dutch: "verplichte kolom ontbreekt")
        }
        guard missing.isEmpty else { throw sink.failure }

        var builder = CaseBuilder()
        var cases: [IntakeCase] = []
        for record in records {
            if sink.isFull { break }
            guard record.cells.count == header.cells.count else {
                sink.add(
                    line: record.line,
                    nil,
                    "wrong number of cells: found \(record.cells.count), the header has \(header.cells.count) (separator '\(Character(Unicode.Scalar(separator)))')",
                    dutch:
                        "verkeerd aantal cellen: \(record.cells.count), de kopregel heeft er \(header.cells.count) (scheidingsteken ‘\(Character(Unicode.Scalar(separator)))’)"
                )
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
            throw InputErrors([
                InputError(
                    file: file,
                    line: line,
                    "not valid UTF-8; JSON files must be UTF-8",
                    dutch: "geen geldige UTF-8; een JSON-bestand moet UTF-8 zijn"
                )
            ])
        }
        let root: LineJSON
        do {
            guard let parsed = try LineJSON.parse(bytes) else {
                throw InputErrors([
                    InputError(
                        file: file,
                        line: 1,
                        "the file is empty; expected {\"cases\": [...]} or a list of cases",
                        dutch: "het bestand is leeg; verwacht {\"cases\": [...]} of een lijst van zaken"
                    )
                ])
            }
            root = parsed
        } catch let error as LineJSON.SyntaxError {
            throw InputErrors([
                InputError(
                    file: file,
                    line: error.line,
                    "not valid JSON: \(error.message)",
                    dutch: "geen geldige JSON: \(error.dutch)"
                )
            ])
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
                        sink.add(
                            line: m.keyLine,
                            "cases",
                            "expected a list [...] of cases, found \(m.value.typeName)",
                            dutch: "verwacht een lijst [...] van zaken, gevonden: \(m.value.dutchTypeName)"
                        )
                        continue
                    }
                    if list != nil { sink.add(line: m.keyLine, "cases", "duplicate field", dutch: "veld staat er twee keer in") }
                    list = l
                } else {
                    sink.add(line: m.keyLine, m.key, "unknown field; expected: cases", dutch: "onbekend veld; verwacht: cases")
                }
            }
            guard let list else {
                // Only when nothing was said yet: a misspelt key already got "unknown field; expected: cases".
                if !sink.hasErrors {
                    sink.add(
                        line: root.line,
                        "cases",
                        "missing required field; expected {\"cases\": [...]}",
                        dutch: "verplicht veld ontbreekt; verwacht {\"cases\": [...]}"
                    )
                }
                throw sink.failure
            }
            elements = list
        default:
            throw InputErrors([
                InputError(
                    file: file,
                    line: root.line,
                    "expected {\"cases\": [...]} or a list of cases, found \(root.typeName)",
                    dutch: "verwacht {\"cases\": [...]} of een lijst van zaken, gevonden: \(root.dutchTypeName)"
                )
            ])
        }

        var builder = CaseBuilder()
        var cases: [IntakeCase] = []
        for (index, element) in elements.enumerated() {
            if sink.isFull { break }
            guard case .object(let members) = element.value else {
                sink.add(
                    line: element.line,
                    nil,
                    "case \(index + 1): expected an object {...}, found \(element.typeName)",
                    dutch: "zaak \(index + 1): verwacht een object {...}, gevonden: \(element.dutchTypeName)"
                )
                continue
            }
            var fields: [CaseBuilder.Field] = []
            var seen: [IntakeColumn: String] = [:]
            for m in members {
                guard let column = IntakeColumn(header: m.key) else {
                    sink.add(
                        line: m.keyLine,
                        m.key,
                        "unknown field; expected one of: \(IntakeColumn.allowedList)",
                        dutch: "onbekend veld; verwacht een van: \(IntakeColumn.allowedList)"
                    )
                    continue
                }
                if let other = seen[column] {
                    sink.add(
                        line: m.keyLine,
                        m.key,
                        other == m.key ? "duplicate field" : "duplicate field (also given as '\(other)')",
                        dutch: other == m.key ? "veld staat er twee keer in" : "veld staat er twee keer in (ook als ‘\(other)’)"
                    )
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
                            sink.add(
                                line: item.line,
                                m.key,
                                "expected a list of text values, found \(item.typeName)",
                                dutch: "verwacht een lijst van teksten, gevonden: \(item.dutchTypeName)"
                            )
                            bad = true
                            break
                        }
                        texts.append(s)
                    }
                    if bad { continue }
                    value = .list(texts)
                case .object, .bool:
                    value = .wrong(m.value.typeName, dutch: m.value.dutchTypeName)
                }
                fields.append(.init(column: column, name: m.key, line: m.keyLine, value: value))
            }
            if let c = builder.build(fields, line: element.line, sink: &sink) { cases.append(c) }
        }
        if sink.hasErrors { throw sink.failure }
        return cases
    }
}
