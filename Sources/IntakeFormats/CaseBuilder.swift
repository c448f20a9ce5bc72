import Foundation
import InstroomDomain

/// Turns the cells (CSV) or members (JSON) of one case into an `IntakeCase`, checking every field.
struct CaseBuilder {
    enum Value {
        case text(String)
        case number(String)
        case list([String])
        case absent
        /// A JSON value of a type no field accepts (object, boolean); carries its description, also in Dutch.
        case wrong(String, dutch: String)
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

    static let dateHint = (english: "expected a date as YYYY-MM-DD or DD-MM-YYYY", dutch: "verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ")

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
                sink.add(line: f.line, f.name, "expected a single value, found a list", dutch: "verwacht één waarde, gevonden: een lijst")
                return nil
            case .wrong(let type, let dutch):
                sink.add(line: f.line, f.name, "expected a text value, found \(type)", dutch: "verwacht een tekst, gevonden: \(dutch)")
                return nil
            }
        }

        func required(_ column: IntakeColumn, _ hint: (english: String, dutch: String)) -> (String, Field)? {
            if let t = text(column) { return t }
            if byColumn[column].map({
                if case .wrong = $0.value { return true }
                if case .list = $0.value { return true }
                return false
            }) == true {
                return nil  // already reported
            }
            sink.add(
                line: byColumn[column]?.line ?? line,
                column.rawValue,
                "missing required value; \(hint.english)",
                dutch: "verplichte waarde ontbreekt; \(hint.dutch)"
            )
            return nil
        }

        func oneOf<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ value: String, _ f: Field) -> T? where T.RawValue == String {
            if let v = T(rawValue: value) ?? T(rawValue: value.lowercased()) { return v }
            sink.add(
                line: f.line,
                f.name,
                "unknown value '\(value)'; expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))",
                dutch: "onbekende waarde ‘\(value)’; verwacht een van: \(T.allCases.map(\.rawValue).joined(separator: ", "))"
            )
            return nil
        }

        func date(_ column: IntakeColumn) -> Day? {
            guard let (t, f) = text(column) else { return nil }
            return day(t, f)
        }

        func day(_ t: String, _ f: Field) -> Day? {
            do { return try Day(parsing: t) } catch {
                sink.add(line: f.line, f.name, error.description, dutch: error.dutch)
                return nil
            }
        }

        func list<T: RawRepresentable & CaseIterable>(_ column: IntakeColumn, _ type: T.Type) -> [T] where T.RawValue == String {
            guard let f = byColumn[column] else { return [] }
            let items: [String]
            switch f.value {
            case .text(let s): items = s.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            case .list(let l): items = l
            case .absent: return []
            case .number(let s):
                sink.add(line: f.line, f.name, "expected text, found the number \(s)", dutch: "verwacht tekst, gevonden: het getal \(s)")
                return []
            case .wrong(let type, let dutch):
                sink.add(
                    line: f.line,
                    f.name,
                    "expected a list or text like \"a|b\", found \(type)",
                    dutch: "verwacht een lijst of tekst als \"a|b\", gevonden: \(dutch)"
                )
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

        let id = required(.id, ("every case needs an id", "elke zaak heeft een id nodig")).map(\.0)
        if let id, let (_, f) = text(.id) {
            if let first = idLines[id] {
                sink.add(
                    line: f.line,
                    f.name,
                    "duplicate id '\(id)'; first used on line \(first)",
                    dutch: "id ‘\(id)’ komt twee keer voor; eerder op regel \(first)"
                )
            } else {
                idLines[id] = f.line
            }
        }
        let kinds = CaseKind.allCases.map(\.rawValue).joined(separator: ", ")
        let kind = required(.kind, ("expected one of: \(kinds)", "verwacht een van: \(kinds)"))
            .flatMap { oneOf(CaseKind.self, $0.0, $0.1) }
        let received: Day? = {
            guard let (t, f) = required(.received, Self.dateHint) else { return nil }
            return day(t, f)
        }()
        let deadline = date(.deadline)
        let offences = list(.offence, Offence.self)
        let problems = list(.problem, ClientProblem.self)
        let interventions = list(.intervention, Intervention.self)
        let scil = text(.scil).flatMap { oneOf(ScilResult.self, $0.0, $0.1) } ?? .onbekend
        let scilDate = date(.scilDate)
        let risc = text(.risc).flatMap { oneOf(RiscLevel.self, $0.0, $0.1) } ?? .onbekend
        let riscDate = date(.riscDate)
        let region = text(.region)?.0
        let relation: RO? = text(.relation).flatMap { t, f in
            if let ro = RO(code: t) { return ro }
            sink.add(
                line: f.line,
                f.name,
                "unknown RO '\(t)'; expected one of: SVG, RN, LJR (or LJ&R), or empty",
                dutch: "onbekende RO ‘\(t)’; verwacht SVG, RN, LJR (of LJ&R), of leeg"
            )
            return nil
        }
        let intensity: Intensity? = text(.intensity).flatMap { t, f in
            guard let v = oneOf(Intensity.self, t, f) else { return nil }
            if let kind, kind != .toezicht {
                sink.add(
                    line: f.line,
                    f.name,
                    "intensity '\(t)' is only allowed on a toezicht case; this case is '\(kind.rawValue)' (leave it empty)",
                    dutch: "intensiteit ‘\(t)’ hoort alleen bij een toezicht; deze zaak is ‘\(kind.rawValue)’ (laat het veld leeg)"
                )
                return nil
            }
            return v
        }
        let age: Int? = text(.age).flatMap { t, f in
            guard let a = Int(t) ?? Double(t).flatMap({ $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) : nil }) else {
                sink.add(
                    line: f.line,
                    f.name,
                    "'\(t)' is not a whole number; expected an age in years from 12 to 110",
                    dutch: "‘\(t)’ is geen geheel getal; verwacht een leeftijd in jaren van 12 tot en met 110"
                )
                return nil
            }
            guard (12...110).contains(a) else {
                sink.add(
                    line: f.line,
                    f.name,
                    "age \(a) is outside the allowed range 12...110",
                    dutch: "leeftijd \(a) ligt buiten het toegestane bereik van 12 tot en met 110 jaar"
                )
                return nil
            }
            return a
        }
        let weight: Double? = text(.weight).flatMap { t, f in
            guard let w = Self.number(t), w.isFinite else {
                sink.add(
                    line: f.line,
                    f.name,
                    "'\(t)' is not a number; expected workload points like 2.5 or 2,5",
                    dutch: "‘\(t)’ is geen getal; verwacht werkpunten als 2,5 of 2.5"
                )
                return nil
            }
            // The same range as the configuration's weights: the model and every report of points stay finite.
            let range = WorkloadWeights.allowedRange
            guard range.contains(w) else {
                sink.add(
                    line: f.line,
                    f.name,
                    "weight \(t) is outside the allowed range \(range.lowerBound)...\(Int(range.upperBound)) workload points",
                    dutch:
                        "gewicht \(t) ligt buiten het toegestane bereik van \(DutchNumber.decimal(range.lowerBound, upTo: 6)) tot en met \(DutchNumber.integer(Int(range.upperBound))) werkpunten"
                )
                return nil
            }
            return w
        }

        guard sink.errors.count == errorsBefore, let id, let kind, let received else { return nil }
        return IntakeCase(
            id: id,
            kind: kind,
            received: received,
            deadline: deadline,
            offences: offences,
            problems: problems,
            interventions: interventions,
            scil: scil,
            scilDate: scilDate,
            risc: risc,
            riscDate: riscDate,
            region: region,
            relation: relation,
            intensity: intensity,
            age: age,
            weight: weight
        )
    }

    /// A decimal number with a point or a comma (Dutch Excel) as decimal separator; no thousands separators.
    static func number(_ text: String) -> Double? {
        let commas = text.filter { $0 == "," }.count
        let points = text.filter { $0 == "." }.count
        guard commas + points <= 1 else { return nil }
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        guard normalised.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E") }) else {
            return nil
        }
        return Double(normalised)
    }
}
