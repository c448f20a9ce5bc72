import Foundation
import IntakeFormats
import IntakeGenerator
import Testing

@testable import InstroomDomain

@Suite("Intake writer and reader round trip")
struct IntakeRoundTripTests {
    @Test func csvRoundTripInMemory() throws {
        let text = IntakeWriter.csv(sampleCases)
        #expect(try IntakeReader.parseCSV(Data(text.utf8), file: "x.csv") == sampleCases)
    }

    @Test func csvRoundTripThroughFile() throws {
        let url = try writeTemp("intake.csv", IntakeWriter.csv(sampleCases))
        #expect(try IntakeReader.read(contentsOf: url) == sampleCases)
    }

    @Test func jsonRoundTripThroughFile() throws {
        let url = try writeTemp("intake.json", IntakeWriter.json(sampleCases))
        #expect(try IntakeReader.read(contentsOf: url) == sampleCases)
    }

    @Test func dutchExcelDialectRoundTrip() throws {
        let data = IntakeWriter.csvData(sampleCases, dialect: .dutchExcel)
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("id;kind;received;"))
        #expect(text.contains("\r\n"))
        #expect(text.contains(";2,5\r\n"))
        #expect(text.contains("02-03-2026"))
        let url = try writeTemp("export.CSV", data)
        #expect(try IntakeReader.read(contentsOf: url) == sampleCases)
    }

    @Test func syntheticRoundTripBothFormats() throws {
        let cases = SyntheticIntake(seed: 7).day(day("2026-03-02"), count: 300)
        #expect(try IntakeReader.parseCSV(Data(IntakeWriter.csv(cases).utf8), file: "s.csv") == cases)
        #expect(try IntakeReader.parseJSON(IntakeWriter.json(cases), file: "s.json") == cases)
        #expect(try IntakeReader.parseCSV(IntakeWriter.csvData(cases, dialect: .dutchExcel), file: "s.csv") == cases)
    }

    @Test func csvHeaderAndDeterminism() {
        let text = IntakeWriter.csv(sampleCases)
        #expect(
            text.split(separator: "\n").first
                == "id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight"
        )
        #expect(IntakeWriter.columns.count == 16)
        #expect(text == IntakeWriter.csv(sampleCases))
        // Lists sorted and joined with '|'; absent values empty; quoting only where needed.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[1]
                == "A-1,toezicht,2026-03-02,,geweld|huiselijk_geweld,psychiatrie|verslaving,verdiepingsdiagnostiek|werkstraf,lvb,2025-11-30,hoog,2026-01-15,Oost-Nederland,SVG,hoog,21,2.5"
        )
        #expect(lines[2] == "A-2,advies,2026-03-02,2026-03-20,verkeer_alcohol,,,onbekend,,onbekend,,,,,,")
        #expect(lines[3].contains(",\"Den Haag, \"\"centrum\"\"\",LJR,,45,1"))
    }

    @Test func jsonShape() throws {
        let text = String(decoding: IntakeWriter.json([sampleCases[1]]), as: UTF8.self)
        #expect(
            text == """
                {
                  "cases" : [
                    {
                      "deadline" : "2026-03-20",
                      "id" : "A-2",
                      "kind" : "advies",
                      "offence" : ["verkeer_alcohol"],
                      "received" : "2026-03-02",
                      "risc" : "onbekend",
                      "scil" : "onbekend"
                    }
                  ]
                }

                """
        )
        #expect(String(decoding: IntakeWriter.json([]), as: UTF8.self) == "{\n  \"cases\" : []\n}\n")
        // Foundation agrees it is JSON.
        #expect(try JSONSerialization.jsonObject(with: IntakeWriter.json(sampleCases)) is [String: Any])
    }

    @Test func readsEncodableOutputOfIntakeCase() throws {
        // `IntakeCase` encodes lists as offences/problems/interventions and dates camelCase: accepted too.
        let encoder = JSONEncoder()
        let data = try encoder.encode(["cases": sampleCases])
        #expect(try IntakeReader.parseJSON(data, file: "enc.json") == sampleCases)
    }
}
