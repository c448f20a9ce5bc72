import Foundation
import Testing

@testable import InstroomDomain
@testable import IntakeFormats

@Suite("Intake CSV dialects and tokenizer")
struct IntakeCSVTests {
    static let commaVariant = """
        id,kind,received,deadline,offence,problem,intervention,scil,scil_date,risc,risc_date,region,relation,intensity,age,weight
        X1,advies,2026-03-02,2026-03-16,huiselijk_geweld|geweld,verslaving,,geen_lvb,2025-09-01,onbekend,,Rotterdam,,,34,2.5
        X2,toezicht,2026-03-02,,verkeer_alcohol,verslaving|psychiatrie,werkstraf,lvb,2024-12-31,hoog,2026-02-01,Limburg,LJ&R,hoog,19,
        X3,vi,2026-03-02,,,,,,,,,"Den Haag, Loosduinen",rn,,,0.75

        """

    /// The same cases as Dutch Excel writes them, built byte by byte (not with the writer).
    static func excelVariant(encoding1252: Bool = false) -> Data {
        let lines = [
            "Id;Kind;Received;Deadline;Offence;Problem;Intervention;SCIL;SCIL_date;RISc;RISc_date;Region;Relation;Intensity;Age;Weight",
            "X1;advies;02-03-2026;16-03-2026;huiselijk_geweld|geweld;verslaving;;geen_lvb;01-09-2025;onbekend;;Rotterdam;;;34;2,5",
            "X2;toezicht;02-03-2026;;verkeer_alcohol;verslaving|psychiatrie;werkstraf;lvb;31-12-2024;hoog;01-02-2026;Limburg;LJ&R;hoog;19;",
            "X3;vi;2-3-2026;;;;;;;;;Den Haag, Loosduinen;RN;;;0,75",
        ]
        var data = Data(encoding1252 ? [] : [0xEF, 0xBB, 0xBF])
        data.append(contentsOf: Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        return data
    }

    @Test func excelExportReadsLikeCommaVariant() throws {
        let comma = try IntakeReader.parseCSV(Data(Self.commaVariant.utf8), file: "comma.csv")
        #expect(comma.count == 3)
        let url = try writeTemp("excel.csv", Self.excelVariant())
        let excel = try IntakeReader.read(contentsOf: url)
        #expect(excel == comma)
        #expect(excel[0].weight == 2.5)
        #expect(excel[0].deadline == day("2026-03-16"))
        #expect(excel[0].offences == [.geweld, .huiselijkGeweld])
        #expect(excel[1].relation == .LJR)
        #expect(excel[1].scilDate == day("2024-12-31"))
        #expect(excel[2].relation == .RN)
        #expect(excel[2].region == "Den Haag, Loosduinen")
        #expect(excel[2].scil == .onbekend && excel[2].risc == .onbekend)
    }

    @Test func windows1252FallbackWhenNotUTF8() throws {
        // "Fryslân" with â as the single byte 0xE2 (invalid as UTF-8) and a euro sign 0x80.
        var data = Data("id;kind;received;region\r\n".utf8)
        data.append(contentsOf: Array("Y1;advies;02-03-2026;Frysl".utf8) + [0xE2] + Array("n ".utf8) + [0x80] + Array("\r\n".utf8))
        let cases = try IntakeReader.parseCSV(data, file: "ansi.csv")
        #expect(cases.map(\.region) == ["Fryslân €"])
    }

    @Test func quotedFieldsWithSeparatorsQuotesAndNewlines() throws {
        let text =
            "id,kind,received,region\n\"Q,1\",advies,2026-03-02,\"He said \"\"hi\"\", twice\"\nQ2,vi,2026-03-02,\"line one\nline two\"\r\nQ3,vi,2026-03-02,\"\"\n"
        let cases = try IntakeReader.parseCSV(Data(text.utf8), file: "q.csv")
        #expect(cases.map(\.id) == ["Q,1", "Q2", "Q3"])
        #expect(cases[0].region == "He said \"hi\", twice")
        #expect(cases[1].region == "line one\nline two")
        #expect(cases[2].region == nil)
    }

    @Test func physicalLineNumbersSurviveMultilineCells() {
        let text = "id,kind,received,region\nQ1,vi,2026-03-02,\"a\nb\nc\"\nQ2,vii,2026-03-02,x\n"
        let errors = inputErrors { try IntakeReader.parseCSV(Data(text.utf8), file: "m.csv") }
        #expect(errors.map(\.line) == [5])
        #expect(errors.first?.field == "kind")
    }

    @Test func tokenizerBasics() {
        let sep = UInt8(ascii: ",")
        #expect(
            CSVTokenizer.tokenize("a,b\r\nc,\"d\"\"e\"\r\n\r\n,\n", separator: sep).records == [
                CSVRecord(line: 1, cells: ["a", "b"]), CSVRecord(line: 2, cells: ["c", "d\"e"]),
            ]
        )
        #expect(CSVTokenizer.tokenize("a,\"x\r\ny\",c", separator: sep).records == [CSVRecord(line: 1, cells: ["a", "x\ny", "c"])])
        #expect(CSVTokenizer.tokenize("a,b,", separator: sep).records == [CSVRecord(line: 1, cells: ["a", "b", ""])])
        #expect(CSVTokenizer.tokenize("a\rb\r", separator: sep).records.map(\.line) == [1, 2])
        #expect(CSVTokenizer.detectSeparator("id;kind;\"a,b,c\"\n").separator == UInt8(ascii: ";"))
        #expect(CSVTokenizer.detectSeparator("id,kind;x,y\n").separator == UInt8(ascii: ","))
    }

    @Test func excelSepHintAndBlankRows() throws {
        let text = "sep=;\r\nid;kind;received\r\n;;\r\nZ1;advies;02-03-2026\r\n\r\n"
        let cases = try IntakeReader.parseCSV(Data(text.utf8), file: "sep.csv")
        #expect(cases.map(\.id) == ["Z1"])
        let bad = "sep=;\r\nid;kind;received\r\nZ1;advise;02-03-2026\r\n"
        let errors = inputErrors { try IntakeReader.parseCSV(Data(bad.utf8), file: "sep.csv") }
        #expect(errors.map(\.line) == [3])
    }

    @Test func headerIsCaseInsensitiveOrderFreeAndAcceptsCamelCase() throws {
        let text = "RECEIVED,scilDate,Kind,ID,Risc Date\n2026-03-02,2025-01-01,Advies,K1,\n"
        let cases = try IntakeReader.parseCSV(Data(text.utf8), file: "h.csv")
        #expect(cases == [IntakeCase(id: "K1", kind: .advies, received: day("2026-03-02"), scilDate: day("2025-01-01"))])
    }
}
