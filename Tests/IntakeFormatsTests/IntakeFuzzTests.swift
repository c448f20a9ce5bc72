import Foundation
import InstroomDomain
import InstroomTesting
import IntakeFormats
import Testing

/// Fuzzing the intake readers (issue 14): a few thousand seeded mutants of `Tests/Data/fuzz/intake-*`,
/// each either read into cases that respect every bound, or refused with `InputErrors` naming the
/// file and a line. A trap would end the test process.
struct IntakeFuzzTests {
    static func checkAccepted(_ cases: [IntakeCase], seed: String) {
        for c in cases {
            #expect(Day.supportedYears.contains(c.received.year), "\(seed): received \(c.received)")
            for day in [c.deadline, c.scilDate, c.riscDate].compactMap({ $0 }) {
                #expect(Day.supportedYears.contains(day.year), "\(seed): \(day)")
            }
            if let w = c.weight { #expect(WorkloadWeights.allowedRange.contains(w), "\(seed): weight \(w)") }
        }
    }

    static func checkRefused(_ errors: InputErrors, file: String, seed: String) {
        #expect(!errors.errors.isEmpty)
        for e in errors.errors { #expect(e.file == file && e.line != nil, "\(seed): \(e)") }
    }

    @Test func csvMutantsAreReadWithinBoundsOrRefusedWithALine() {
        for (seed, text) in FuzzInputs(parser: "intake-csv", count: 1200, seed: 1) {
            do {
                Self.checkAccepted(try IntakeReader.parseCSV(Data(text.utf8), file: "fuzz.csv"), seed: seed)
            } catch let errors as InputErrors {
                Self.checkRefused(errors, file: "fuzz.csv", seed: seed)
            } catch {
                Issue.record("\(seed): unexpected error \(error)")
            }
        }
    }

    @Test func jsonMutantsAreReadWithinBoundsOrRefusedWithALine() {
        for (seed, text) in FuzzInputs(parser: "intake-json", count: 1200, seed: 2) {
            do {
                Self.checkAccepted(try IntakeReader.parseJSON(Data(text.utf8), file: "fuzz.json"), seed: seed)
            } catch let errors as InputErrors {
                Self.checkRefused(errors, file: "fuzz.json", seed: seed)
            } catch {
                Issue.record("\(seed): unexpected error \(error)")
            }
        }
    }

    // MARK: The issue's reproducers

    static func errors(_ seed: String) -> [String: String] {
        let (name, text) = FuzzInputs.corpus(seed.hasSuffix(".json") ? "intake-json" : "intake-csv").first { $0.name == seed }!
        let data = Data(text.utf8)
        let errs = inputErrors {
            name.hasSuffix(".json") ? try IntakeReader.parseJSON(data, file: name) : try IntakeReader.parseCSV(data, file: name)
        }
        return Dictionary(errs.map { ("\($0.line ?? 0):\($0.field ?? "")", $0.message) }, uniquingKeysWith: { a, _ in a })
    }

    /// 1e19 trapped in EscalationRules; 9e18 and 1e17 were committed and trapped in ReportText.
    @Test func workloadWeightsOutsideTheConfigurationsRangeAreRefusedOnRead() {
        #expect(
            Self.errors("issue14-weight-1e19.csv")["2:weight"] == "weight 1e19 is outside the allowed range 0.01...1000 workload points"
        )
        let big = Self.errors("issue14-weight-9e18-1e17.csv")
        #expect(big["2:weight"]?.hasPrefix("weight 9e18 is outside") == true)
        #expect(big["3:weight"]?.hasPrefix("weight 1e17 is outside") == true)
        let json = Self.errors("issue14-weights.json")
        #expect(json.keys.sorted() == ["1:weight", "2:weight", "3:weight", "4:weight"], "\(json)")
    }

    /// 1e-300 next to 1e6 made GLPK abort (`glp_set_sjj: invalid scale factor`); 1e-300 and 1 were
    /// refused as "cannot be allocated within the hard bands" while the bands were soft.
    @Test func aNearZeroWeightIsRefusedOnRead() {
        let errs = Self.errors("issue14-weight-1e-300-1e6.csv")
        #expect(errs.keys.sorted() == ["2:weight", "3:weight"], "\(errs)")
    }

    /// `0999-12-31` was stored in the ledger as `999-12-31`.
    @Test func aDateOutsideTheSupportedYearsIsRefusedWithFileLineAndField() {
        #expect(
            Self.errors("issue14-received-0999.csv")["2:received"]
                == "date out of range: '0999-12-31'; expected a year from 2000 to 2100"
        )
        let excel = Self.errors("excel-dates.csv")
        #expect(excel["2:deadline"]?.hasPrefix("date out of range: '31-12-0999'") == true, "\(excel)")
        #expect(excel["3:received"]?.contains("is not a date") == true, "\(excel)")
        let json = Self.errors("issue14-dates.json")
        #expect(json["1:received"]?.hasPrefix("date out of range") == true, "\(json)")
        #expect(json["2:deadline"]?.hasPrefix("date out of range") == true, "\(json)")
    }

    @Test func aDirectoryIsNotReadAsAnIntake() throws {
        let dir = try temporaryDirectory().appendingPathComponent("intake.csv")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        #expect(
            inputErrors { try IntakeReader.read(contentsOf: dir) } == [
                InputError(file: dir.path, "cannot read the file: it is a directory")
            ]
        )
    }
}
