import Foundation
import IntakeFormats
import Testing

@testable import InstroomDomain

@Suite("Intake JSON reading")
struct IntakeJSONTests {
    @Test func bareArrayCamelCaseAndPipeLists() throws {
        let text = """
            [
              {"id": "J1", "kind": "toezicht", "received": "02-03-2026", "offence": "huiselijk_geweld|geweld",
               "problem": ["verslaving"], "scil": "lvb", "scilDate": "2025-06-01", "riscDate": null,
               "relation": "LJ&R", "intensity": "laag", "age": 23, "weight": 1.5},
              {"id": "J2", "kind": "vi", "received": "2026-03-02", "weight": "2,5", "age": "40"}
            ]
            """
        let cases = try IntakeReader.parseJSON(Data(text.utf8), file: "a.json")
        #expect(
            cases == [
                IntakeCase(
                    id: "J1",
                    kind: .toezicht,
                    received: day("2026-03-02"),
                    offences: [.geweld, .huiselijkGeweld],
                    problems: [.verslaving],
                    scil: .lvb,
                    scilDate: day("2025-06-01"),
                    relation: .LJR,
                    intensity: .laag,
                    age: 23,
                    weight: 1.5
                ),
                IntakeCase(id: "J2", kind: .vi, received: day("2026-03-02"), age: 40, weight: 2.5),
            ]
        )
    }

    @Test func fieldErrorsNameTheLineOfTheKey() throws {
        let text = """
            {
              "cases": [
                {
                  "id": "J1",
                  "kind": "toezich",
                  "received": "2026-03-02"
                },
                {"id": "J2", "kind": "advies", "received": "2026-03-02", "intensity": "hoog"},
                {
                  "id": "J1", "kind": "vi",
                  "received": "yesterday",
                  "colour": "blue",
                  "age": 8,
                  "weight": -0.5,
                  "problem": ["verslaving", 3]
                },
                {"kind": "vi"},
                "J5",
                {"id": "J6", "kind": "vi", "received": "2026-03-02", "age": 30.5, "region": true, "offence": {"a": 1}}
              ]
            }
            """
        let url = try writeTemp("intake.json", text)
        let errs = inputErrors { try IntakeReader.read(contentsOf: url) }
        #expect(errs.allSatisfy { $0.file == url.path })
        #expect(
            errs.map { "\($0.line ?? 0):\($0.field ?? "-")" } == [
                "5:kind", "8:intensity",
                "12:colour", "15:problem", "10:id", "11:received", "13:age", "14:weight",
                "17:id", "17:received", "18:-",
                "19:offence", "19:region", "19:age",
            ]
        )
        #expect(errs[0].message == "unknown value 'toezich'; expected one of: vi, advies, toezicht")
        #expect(errs[2].message.hasPrefix("unknown field; expected one of: id, kind, received,"))
        #expect(errs[3].message == "expected a list of text values, found the number 3")
        #expect(errs[4].message == "duplicate id 'J1'; first used on line 4")
        #expect(errs[6].message == "age 8 is outside the allowed range 12...110")
        #expect(errs[10].message == "case 5: expected an object {...}, found the text \"J5\"")
        #expect(errs[11].message == "expected a list or text like \"a|b\", found an object {...}")
        #expect(errs[12].message == "expected a text value, found true")
        #expect(errs[13].message == "'30.5' is not a whole number; expected an age in years from 12 to 110")
    }

    @Test func malformedJSONSaysTheLine() throws {
        let cases: [(String, Int, String)] = [
            (
                "{\"cases\": [\n  {\"id\": \"J1\",\n   \"kind\": \"vi\"\n   \"received\": \"2026-03-02\"}\n]}", 4,
                "expected ',' or '}' after the value of \"kind\", found '\"'"
            ),
            (
                "[\n{\"id\": \"J1\", \"kind\": vi}\n]", 2,
                "unexpected 'v'; expected a value (object, list, text in double quotes, number, true, false or null)"
            ),
            ("[\n{\"id\": \"J1\",\n}\n]", 3, "expected a key in double quotes, found '}'"),
            ("[\n{\"id\": \"J1\n\"}]", 2, "a line break inside text that starts on line 2; close the quote or write \\n"),
            ("[\n\n{\"id\": \"J1\"}", 3, "unexpected end of file; the list that starts on line 1 is not closed"),
            ("[{}]\n\n]", 3, "unexpected ']' after the end of the JSON value"),
            ("[tru]", 1, "unexpected 't'; expected a value (text must be in double quotes)"),
            ("[01]", 1, "invalid number: a number may not start with 0"),
        ]
        for (text, line, message) in cases {
            let url = try writeTemp("bad.json", text)
            let errs = inputErrors { try IntakeReader.read(contentsOf: url) }
            #expect(errs == [InputError(file: url.path, line: line, "not valid JSON: \(message)")], "\(text)")
        }
    }

    @Test func topLevelShapeErrors() {
        #expect(
            inputErrors { try IntakeReader.parseJSON(Data("{\"case\": []}".utf8), file: "t.json") } == [
                InputError(file: "t.json", line: 1, field: "case", "unknown field; expected: cases")
            ]
        )
        #expect(
            inputErrors { try IntakeReader.parseJSON(Data("{}".utf8), file: "t.json") } == [
                InputError(file: "t.json", line: 1, field: "cases", "missing required field; expected {\"cases\": [...]}")
            ]
        )
        #expect(
            inputErrors { try IntakeReader.parseJSON(Data("\n\"cases\"".utf8), file: "t.json") } == [
                InputError(file: "t.json", line: 2, "expected {\"cases\": [...]} or a list of cases, found the text \"cases\"")
            ]
        )
        #expect(
            inputErrors { try IntakeReader.parseJSON(Data("{\"cases\": {}}".utf8), file: "t.json") } == [
                InputError(file: "t.json", line: 1, field: "cases", "expected a list [...] of cases, found an object {...}")
            ]
        )
        #expect(
            inputErrors { try IntakeReader.parseJSON(Data([0x5B, 0x0A, 0x22, 0xFF, 0x22, 0x5D]), file: "t.json") } == [
                InputError(file: "t.json", line: 2, "not valid UTF-8; JSON files must be UTF-8")
            ]
        )
    }

    @Test func stringEscapes() throws {
        let text = #"[{"id": "J\"1\\ \u00e9\ud83d\ude00\n", "kind": "vi", "received": "2026-03-02", "region": "Fryslân"}]"#
        let c = try IntakeReader.parseJSON(Data(text.utf8), file: "e.json")
        #expect(c.first?.id == "J\"1\\ é😀")
        #expect(c.first?.region == "Fryslân")
        // And the writer escapes back to something Foundation and the reader agree on.
        let out = IntakeWriter.json([IntakeCase(id: "a\"b\\c\u{1}\td", kind: .vi, received: day("2026-03-02"))])
        #expect(try IntakeReader.parseJSON(out, file: "o.json").first?.id == "a\"b\\c\u{1}\td")
    }
}
