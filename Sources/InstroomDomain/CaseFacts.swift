import Foundation

/// The three streams of the intake.
public enum CaseKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// Vi-gestelde: a detainee heading for conditional release.
    case vi
    /// Advies: a probation report with a deadline.
    case advies
    /// Toezicht: supervision of special conditions; its intensity sets its workload.
    case toezicht

    public static func < (a: CaseKind, b: CaseKind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// Supervision intensity, which follows behaviour and RISc.
public enum Intensity: String, CaseIterable, Codable, Sendable { case laag, midden, hoog }

/// (The context of) the offence: the first axis of the convenant.
public enum Offence: String, CaseIterable, Codable, Sendable, Comparable {
    case huiselijkGeweld = "huiselijk_geweld"
    case zeden
    case terrorisme
    case georganiseerd
    case verkeerAlcohol = "verkeer_alcohol"
    case geweld
    case vermogen
    case drugs
    case overig
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The client's problems: the second axis. LVB is not here: it comes from the SCIL screener.
public enum Problem: String, CaseIterable, Codable, Sendable, Comparable {
    case verslaving
    case psychiatrie
    case dakloos
    case overlast
    case vervreemding
    case schulden
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Interventions the case needs: the third axis, and the source of hard routing (a product one RO delivers).
public enum Intervention: String, CaseIterable, Codable, Sendable, Comparable {
    case werkstraf
    case verdiepingsdiagnostiek
    case jovo
    case gedragsinterventie
    case enkelband
    case klinischeZorg = "klinische_zorg"
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Outcome of the SCIL screener. `onbekend` is a data-quality signal, never an LVB "no".
public enum ScilResult: String, CaseIterable, Codable, Sendable { case lvb, geenLVB = "geen_lvb", onbekend }

/// RISc risk of reoffending. `onbekend` is common (SOM pilot: 71 of 139) and is flagged, not guessed.
public enum RiscLevel: String, CaseIterable, Codable, Sendable { case laag, midden, hoog, onbekend }
