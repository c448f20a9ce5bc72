import Foundation
import Testing

@testable import InstroomDomain

/// A fresh temporary directory per call; files written here are real files on disk.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("instroom-intake-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func writeTemp(_ name: String, _ bytes: Data) throws -> URL {
    let url = try temporaryDirectory().appendingPathComponent(name)
    try bytes.write(to: url)
    return url
}

func writeTemp(_ name: String, _ text: String) throws -> URL { try writeTemp(name, Data(text.utf8)) }

/// The errors a call throws; records a failure when it throws nothing or something else.
func inputErrors(_ body: () throws -> Any, sourceLocation: SourceLocation = #_sourceLocation) -> [InputError] {
    do {
        let value = try body()
        Issue.record("expected InputErrors, got \(value)", sourceLocation: sourceLocation)
    } catch let e as InputErrors {
        return e.errors
    } catch {
        Issue.record("expected InputErrors, got \(error)", sourceLocation: sourceLocation)
    }
    return []
}

func day(_ text: String) -> Day { Day(text)! }

/// Hand-made cases that use every field, odd characters included.
let sampleCases: [IntakeCase] = [
    IntakeCase(
        id: "A-1",
        kind: .toezicht,
        received: day("2026-03-02"),
        offences: [.huiselijkGeweld, .geweld],
        problems: [.verslaving, .psychiatrie],
        interventions: [.werkstraf, .verdiepingsdiagnostiek],
        scil: .lvb,
        scilDate: day("2025-11-30"),
        risc: .hoog,
        riscDate: day("2026-01-15"),
        region: "Oost-Nederland",
        relation: .SVG,
        intensity: .hoog,
        age: 21,
        weight: 2.5
    ),
    IntakeCase(id: "A-2", kind: .advies, received: day("2026-03-02"), deadline: day("2026-03-20"), offences: [.verkeerAlcohol]),
    IntakeCase(
        id: "A-3",
        kind: .vi,
        received: day("2026-03-02"),
        problems: [.dakloos, .overlast],
        scil: .geenLVB,
        scilDate: day("2024-01-05"),
        risc: .midden,
        region: "Den Haag, \"centrum\"",
        relation: .LJR,
        age: 45,
        weight: 1
    ),
    IntakeCase(id: "A-4", kind: .advies, received: day("2026-03-03"), region: "Zuid;\nwest", weight: 0.125),
]
