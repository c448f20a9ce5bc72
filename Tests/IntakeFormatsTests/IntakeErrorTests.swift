import Foundation
import InstroomTesting
import IntakeFormats
import Testing

@testable import InstroomDomain

@Suite("Intake input errors: file, line, field, message")
struct IntakeErrorTests {
    static let header =
        "id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight\n"

    /// Writes `rows` under the full header to a real file and returns the errors reading it throws.
    func errors(_ rows: [String], name: String = "intake.csv") throws -> (URL, [InputError]) {
        let url = try writeTemp(name, Self.header + rows.joined(separator: "\n") + "\n")
        return (url, inputErrors { try IntakeReader.read(contentsOf: url) })
    }

    @Test func unknownKindNamesFileLineFieldAndAllowedValues() throws {
        let (url, errs) = try errors([
            "C1,advies,2026-03-02,,,,,,,,,,,,,",
            "C2,toezich,2026-03-02,,,,,,,,,,,,,",
        ])
        #expect(
            errs == [InputError(file: url.path, line: 3, field: "kind", "unknown value 'toezich'; expected one of: vi, advies, toezicht")]
        )
        #expect(errs[0].description == "\(url.path):3: field 'kind': unknown value 'toezich'; expected one of: vi, advies, toezicht")
    }

    @Test func collectsAllErrorsInFileOrder() throws {
        let (url, errs) = try errors([
            "C1,vi,2026-02-30,,,,,,,,,,,,,",  // line 2: not a date
            "C2,advies,2026-03-02,,,,,,,,,,,hoog,,",  // line 3: intensity on advies
            "C3,toezicht,2026-03-02,,,,,,,,,,,hoog,11,",  // line 4: age too low
            "C4,toezicht,2026-03-02,,,,,,,,,,,,111,-1",  // line 5: age too high, negative weight
            "C1,vi,2026-03-02,,,,,,,,,,,,,",  // line 6: duplicate id
            "C6,vi,2026-03-02,,zedne,verslaving|daklos,,lvbb,,heel_hoog,,,XYZ,,abc,zwaar",  // line 7: six errors
            "C7,vi",  // line 8: wrong number of cells
            ",,,,,,,,,,,,,,,1",  // line 9: id, kind, received missing
        ])
        let located = errs.map { "\($0.line ?? 0):\($0.field ?? "-")" }
        #expect(
            located == [
                "2:received", "3:intensity", "4:age", "5:age", "5:weight", "6:id",
                "7:offence", "7:problem", "7:scil", "7:risc", "7:relation", "7:age", "7:weight",
                "8:-", "9:id", "9:kind", "9:received",
            ]
        )
        #expect(errs.allSatisfy { $0.file == url.path })
        let messages = Dictionary(errs.map { ("\($0.line ?? 0):\($0.field ?? "-")", $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(messages["2:received"] == "'2026-02-30' is not a date; expected a date as YYYY-MM-DD or DD-MM-YYYY")
        #expect(messages["3:intensity"] == "intensity 'hoog' is only allowed on a toezicht case; this case is 'advies' (leave it empty)")
        #expect(messages["4:age"] == "age 11 is outside the allowed range 12...110")
        #expect(messages["5:age"] == "age 111 is outside the allowed range 12...110")
        #expect(messages["5:weight"] == "weight -1 is outside the allowed range 0.01...1000 workload points")
        #expect(messages["6:id"] == "duplicate id 'C1'; first used on line 2")
        #expect(messages["7:offence"]?.hasPrefix("unknown value 'zedne'; expected one of: huiselijk_geweld, zeden,") == true)
        #expect(messages["7:problem"]?.hasPrefix("unknown value 'daklos'; expected one of: verslaving,") == true)
        #expect(messages["7:scil"] == "unknown value 'lvbb'; expected one of: lvb, geen_lvb, onbekend")
        #expect(messages["7:risc"] == "unknown value 'heel_hoog'; expected one of: laag, midden, hoog, onbekend")
        #expect(messages["7:relation"] == "unknown RO 'XYZ'; expected one of: SVG, RN, LJR (or LJ&R), or empty")
        #expect(messages["7:age"] == "'abc' is not a whole number; expected an age in years from 12 to 110")
        #expect(messages["7:weight"] == "'zwaar' is not a number; expected workload points like 2.5 or 2,5")
        #expect(messages["8:-"] == "wrong number of cells: found 2, the header has 16 (separator ',')")
        #expect(messages["9:kind"] == "missing required value; expected one of: vi, advies, toezicht")
    }

    @Test func unknownColumnIsNamedOnLineOne() throws {
        let url = try writeTemp("cols.csv", "id,kind,received,risk,Kind\nC1,vi,2026-03-02,hoog,vi\n")
        let errs = inputErrors { try IntakeReader.read(contentsOf: url) }
        #expect(errs.count == 2)
        #expect(errs[0].file == url.path && errs[0].line == 1 && errs[0].field == "risk")
        #expect(errs[0].message.hasPrefix("unknown column; expected one of: id, kind, received, deadline,"))
        #expect(errs[1] == InputError(file: url.path, line: 1, field: "kind", "duplicate column (columns 2 and 5)"))
    }

    @Test func missingRequiredColumn() throws {
        let errs = inputErrors { try IntakeReader.parseCSV(Data("id,received\nC1,2026-03-02\n".utf8), file: "r.csv") }
        #expect(errs == [InputError(file: "r.csv", line: 1, field: "kind", "missing required column")])
    }

    @Test func unterminatedQuote() throws {
        let url = try writeTemp(
            "quote.csv",
            "id,kind,received,region\nC1,vi,2026-03-02,x\nC2,vi,2026-03-02,\"Amster\ndam\nC3,vi,2026-03-02,y\n"
        )
        let errs = inputErrors { try IntakeReader.read(contentsOf: url) }
        #expect(errs.count == 1)
        #expect(errs[0].file == url.path && errs[0].line == 3 && errs[0].field == nil)
        #expect(errs[0].message.hasPrefix("malformed CSV: unterminated quote"))
    }

    @Test func strayQuotes() {
        let text = "id,kind,received,region\nC1,vi,2026-03-02,\"a\"b\nC2,vi,2026-03-02,a\"b\nC3,vii,2026-03-02,ok\n"
        let errs = inputErrors { try IntakeReader.parseCSV(Data(text.utf8), file: "s.csv") }
        #expect(errs.map(\.line) == [2, 3, 4])
        #expect(errs[0].message.hasPrefix("malformed CSV: unexpected text after the closing quote"))
        #expect(errs[1].message.hasPrefix("malformed CSV: a quote inside unquoted cell 4"))
        #expect(errs[2].field == "kind")
    }

    @Test func emptyFiles() throws {
        for (name, content) in [
            ("empty.csv", Data()), ("bom.csv", Data([0xEF, 0xBB, 0xBF, 0x0D, 0x0A])), ("empty.json", Data(" \n".utf8)),
        ] {
            let url = try writeTemp(name, content)
            let errs = inputErrors { try IntakeReader.read(contentsOf: url) }
            #expect(errs.count == 1)
            #expect(errs.first?.file == url.path)
            #expect(errs.first?.line == 1)
            #expect(errs.first?.message.hasPrefix("the file is empty") == true)
        }
    }

    @Test func headerOnlyIsNoCases() throws {
        #expect(try IntakeReader.parseCSV(Data("id,kind,received\n".utf8), file: "h.csv") == [])
        #expect(try IntakeReader.parseJSON(Data("{\"cases\": []}".utf8), file: "h.json") == [])
    }

    @Test func fileNotFoundAndUnsupportedExtension() throws {
        let dir = try temporaryDirectory()
        let missing = dir.appendingPathComponent("nope.csv")
        #expect(
            inputErrors { try IntakeReader.read(contentsOf: missing) } == [
                InputError(file: missing.path, "cannot read the file: it does not exist")
            ]
        )
        let xlsx = try writeTemp("intake.xlsx", "PK")
        let errs = inputErrors { try IntakeReader.read(contentsOf: xlsx) }
        #expect(
            errs == [
                InputError(file: xlsx.path, "unsupported file type '.xlsx'; expected a .csv or .json file (save an Excel sheet as CSV)")
            ]
        )
        #expect(
            inputErrors { try IntakeReader.read(contentsOf: dir.appendingPathComponent("README")) }.first?.message.hasPrefix(
                "a file without extension"
            ) == true
        )
    }

    @Test func stopsAfterFiftyErrors() {
        let rows = (1...80).map { "C\($0),nope,2026-03-02" }.joined(separator: "\n")
        let errs = inputErrors { try IntakeReader.parseCSV(Data(("id,kind,received\n" + rows).utf8), file: "many.csv") }
        #expect(errs.count == IntakeReader.maxErrors + 1)
        #expect(errs.last?.message == "too many errors; stopped after 50")
        #expect(errs[49].line == 51)
    }

    @Test func emptyCellsMeanAbsentAndDefaults() throws {
        let cases = try IntakeReader.parseCSV(Data((Self.header + "C1,toezicht,2026-03-02,,,,,,,,,,,,,\n").utf8), file: "e.csv")
        #expect(cases == [IntakeCase(id: "C1", kind: .toezicht, received: day("2026-03-02"))])
        #expect(cases[0].scil == .onbekend && cases[0].risc == .onbekend && cases[0].intensity == nil)
    }
}

/// The triagist reads the intake's errors on a Dutch page: every message the reader produces has Dutch.
@Suite("Intake input errors in Dutch")
struct IntakeErrorDutchTests {
    static let header = IntakeErrorTests.header

    /// The errors reading `text` throws; none when it reads (some hostile texts are valid cases).
    static func errors(_ text: String, name: String) -> [InputError] {
        let data = Data(text.utf8)
        do {
            _ = name.hasSuffix(".json") ? try IntakeReader.parseJSON(data, file: name) : try IntakeReader.parseCSV(data, file: name)
            return []
        } catch {
            return (error as? InputErrors)?.errors ?? [InputError(file: name, "unexpected error \(error)")]
        }
    }

    @Test func aWeightOutOfRangeIsExplainedInDutch() {
        let errs = Self.errors(Self.header + "W1,advies,2026-03-02,,,,,,,,,,,,,1e19\n", name: "in.csv")
        #expect(errs.count == 1)
        #expect(errs.first?.dutch == "gewicht 1e19 ligt buiten het toegestane bereik van 0,01 tot en met 1.000 werkpunten")
    }

    /// Malformed CSV and JSON of every kind the reader names, and the fuzz corpus's hostile texts.
    @Test func everyErrorHasADutchText() {
        let csv = [
            "", "id;kind\n", Self.header + "C1,toezich,2026-03-02,,,,,,,,,,,laag,abc,x\n",
            Self.header + "C1,advies,31-02-2026,,diefstal|vlucht,,,,,,,,XYZ,hoog,9,0\nC1,advies,2026-03-02,,,,,,,,,,,,,\n",
            Self.header + "C2,\"advies\"x,2026-03-02,,,,,,,,,,,,,\n", Self.header + "C3,advies,2026-03-02\n",
            "id,kind,received,kind,,foo\n", "id,kind,received\nC4,advies,\"2026-03-02\n",
            Self.header + "C5,advies,0999-12-31,,,,,,,,,,,,,\n",
        ]
        let json = [
            "", "{\"cases\": 3}", "{\"cases\": [], \"cases\": [], \"x\": 1}", "{}", "true", "[1, {\"id\": true, \"kind\": [\"a\"]}]",
            "[{\"id\": \"A\", \"kind\": \"advies\", \"received\": \"2026-03-02\", \"problem\": [1], \"Kind\": \"vi\", \"offence\": 5}]",
            "[{\"id\": \"A\", \"kind\": \"advies\", \"received\": \"2026-03-02\", \"age\": {}}]", "{\"cases\": [", "[\"\u{1}",
        ]
        var seen = 0
        for (texts, name) in [(csv, "in.csv"), (json, "in.json")] {
            for text in texts {
                for e in Self.errors(text, name: name) {
                    seen += 1
                    #expect(e.dutch != nil && e.dutch != e.message, "\(name): \(e.message)")
                }
            }
        }
        for text in FuzzInputs.hostile {
            for e in Self.errors(Self.header + text + "\n", name: "in.csv") {
                seen += 1
                #expect(e.dutch != nil, "\(e.message)")
            }
        }
        #expect(seen > 30)
    }

    /// A JSON syntax error says in Dutch what is wrong, on its line: not only that the file is not JSON.
    @Test func jsonSyntaxErrorsAreExplainedInDutch() {
        let cases: [(text: String, line: Int, dutch: String)] = [
            ("[\n{\"id\": \"A\",\n\"kind\" \"advies\"}]", 3, "verwacht ‘:’ na de sleutel \"kind\", gevonden ‘\"’"),
            ("{\"cases\": [\n{\"id\": \"A\"}\n", 3, "de lijst die op regel 1 begint, is niet gesloten"),
            ("[{\"id\": 'A'}]", 1, "onverwacht ‘'’; verwacht een waarde (object, lijst, tekst tussen dubbele aanhalingstekens"),
            ("[{\"id\": \"A\", \"age\": 017}]", 1, "een getal mag niet met 0 beginnen"),
            ("[{\"id\": \"A\"}] x", 1, "na het einde van de JSON-waarde"),
            ("[{\"id\": \"A\n\"}]", 1, "een regeleinde in tekst die op regel 1 begint"),
        ]
        for c in cases {
            let e = Self.errors(c.text, name: "in.json")
            #expect(e.count == 1 && e.first?.line == c.line, "\(c.text): \(e)")
            #expect(
                e.first?.dutch?.hasPrefix("geen geldige JSON: ") == true && e.first?.dutch?.contains(c.dutch) == true,
                "\(e.first?.dutch ?? "-")"
            )
            #expect(e.first?.dutch?.contains("expected") == false && e.first?.dutch?.contains("found") == false)
        }
    }
}
