import Foundation
import InstroomDomain

/// The probabilities behind synthetic intake.
///
/// **Every number here is an illustrative assumption**, not a statistic of the probation intake: the
/// sources give no case mix for the 3RO. The only published anchors are the SOM evaluation's missing
/// data (51 of 139 cases without probation information, 71 of 139 with unknown risk) and prison-population
/// prevalences (about 60% psychological problems, 50% addiction, 45% intellectual disability), which
/// are higher than a probation intake is likely to show. See `Intake/ASSUMPTIONS.md`.
///
/// Shares are relative weights (they need not add up to 1); prevalences and `...Share` fields are
/// independent probabilities in 0...1 (values outside are clamped).
public struct IntakeMix: Codable, Sendable, Equatable {
    /// Assumption: relative share of each case kind (illustrative: advies 60%, toezicht 30%, vi 10%).
    public var kindShares: [CaseKind: Double]
    /// Assumption: chance that a case has each offence context, drawn independently; a case that draws
    /// none gets `overig` (so the `overig` entry is not used).
    public var offencePrevalence: [Offence: Double]
    /// Assumption: chance of each client problem, drawn independently (LVB is not here: see `lvbShare`).
    public var problemPrevalence: [ClientProblem: Double]
    /// Assumption: chance that a `verkeer_alcohol` case also has `verslaving` (heavy users in traffic,
    /// WVW art. 8/9), overriding the independent draw: the one correlation in the offences.
    public var addictionGivenTrafficAlcohol: Double
    /// Assumption: chance that the SCIL was not applied (result `onbekend`, no date). The SOM pilot had
    /// 51 of 139 cases without probation information; SCIL "should in principle always" be applied.
    public var scilMissingShare: Double
    /// Assumption: share of LVB among screened cases (prison population ~45%; lower for probation intake).
    public var lvbShare: Double
    /// Assumption: chance that the RISc is unknown (SOM pilot: 71 of 139, about 51%).
    public var riscUnknownShare: Double
    /// Assumption: relative shares of laag / midden / hoog among known RISc levels.
    public var riscShares: [RiscLevel: Double]
    /// Assumption: chance that a known SCIL or RISc is older than a year (366–1095 days) on the day of
    /// intake, so it counts as unknown under the SOM staleness rule. Fresh facts are 0–364 days old.
    public var staleFactShare: Double
    /// Assumption: chance of an existing trajectory with an RO (continuity, convenant rule 8).
    public var relationShare: Double
    /// Assumption: which RO the existing relation is with, when there is one (relative shares). A client
    /// with addiction or psychiatry is twice as likely to be known at SVG; a homeless one at LJ&R.
    public var relationShares: [RO: Double]
    /// Assumption: relative shares of supervision intensity for toezicht cases.
    public var intensityShares: [Intensity: Double]
    /// Assumption: chance that a toezicht intensity simply follows a known RISc level (laag→laag, ...).
    public var intensityFollowsRiscShare: Double
    /// Assumption: chance that a toezicht case arrives without intensity.
    public var intensityMissingShare: Double
    /// Assumption: chance of each intervention, drawn independently; `jovo` is drawn only for young
    /// adults (its value is the share among them).
    public var interventionPrevalence: [Intervention: Double]
    /// Assumption: share of young adults (18–23, adolescentenstrafrecht); the others are 24–70, uniform.
    public var youngAdultShare: Double
    /// Assumption: chance that the age is missing.
    public var ageMissingShare: Double
    /// Assumption: relative share of each region (the ten Dutch police regions by default, roughly
    /// equal, the Randstad regions a little larger).
    public var regionShares: [String: Double]
    /// Assumption: chance that the region is missing.
    public var regionMissingShare: Double
    /// Assumption: chance that an advies has a deadline; it falls 10–30 days after intake.
    public var adviesDeadlineShare: Double

    public init(
        kindShares: [CaseKind: Double],
        offencePrevalence: [Offence: Double],
        problemPrevalence: [ClientProblem: Double],
        addictionGivenTrafficAlcohol: Double,
        scilMissingShare: Double,
        lvbShare: Double,
        riscUnknownShare: Double,
        riscShares: [RiscLevel: Double],
        staleFactShare: Double,
        relationShare: Double,
        relationShares: [RO: Double],
        intensityShares: [Intensity: Double],
        intensityFollowsRiscShare: Double,
        intensityMissingShare: Double,
        interventionPrevalence: [Intervention: Double],
        youngAdultShare: Double,
        ageMissingShare: Double,
        regionShares: [String: Double],
        regionMissingShare: Double,
        adviesDeadlineShare: Double
    ) {
        self.kindShares = kindShares
        self.offencePrevalence = offencePrevalence
        self.problemPrevalence = problemPrevalence
        self.addictionGivenTrafficAlcohol = addictionGivenTrafficAlcohol
        self.scilMissingShare = scilMissingShare
        self.lvbShare = lvbShare
        self.riscUnknownShare = riscUnknownShare
        self.riscShares = riscShares
        self.staleFactShare = staleFactShare
        self.relationShare = relationShare
        self.relationShares = relationShares
        self.intensityShares = intensityShares
        self.intensityFollowsRiscShare = intensityFollowsRiscShare
        self.intensityMissingShare = intensityMissingShare
        self.interventionPrevalence = interventionPrevalence
        self.youngAdultShare = youngAdultShare
        self.ageMissingShare = ageMissingShare
        self.regionShares = regionShares
        self.regionMissingShare = regionMissingShare
        self.adviesDeadlineShare = adviesDeadlineShare
    }

    /// The ten Dutch police regions (eenheden), the default region names.
    public static let policeRegions: [String] = [
        "Noord-Nederland", "Oost-Nederland", "Midden-Nederland", "Noord-Holland", "Amsterdam",
        "Den Haag", "Rotterdam", "Zeeland-West-Brabant", "Oost-Brabant", "Limburg",
    ]

    /// Illustrative defaults. None of these numbers comes from a source except where the doc comment of
    /// the field says so; they exist so demos, tests and simulations have plausible, gap-ridden intake.
    public static let illustrative = IntakeMix(
        kindShares: [.advies: 0.60, .toezicht: 0.30, .vi: 0.10],
        offencePrevalence: [
            .huiselijkGeweld: 0.15, .zeden: 0.04, .terrorisme: 0.005, .georganiseerd: 0.03,
            .verkeerAlcohol: 0.08, .geweld: 0.22, .vermogen: 0.25, .drugs: 0.12, .overig: 0,
        ],
        problemPrevalence: [
            .verslaving: 0.40, .psychiatrie: 0.30, .dakloos: 0.10, .overlast: 0.12, .vervreemding: 0.06, .schulden: 0.20,
        ],
        addictionGivenTrafficAlcohol: 0.60,
        scilMissingShare: 0.30,
        lvbShare: 0.25,
        riscUnknownShare: 0.45,
        riscShares: [.laag: 0.35, .midden: 0.45, .hoog: 0.20],
        staleFactShare: 0.12,
        relationShare: 0.20,
        relationShares: [.SVG: 0.30, .RN: 0.50, .LJR: 0.20],
        intensityShares: [.laag: 0.30, .midden: 0.50, .hoog: 0.20],
        intensityFollowsRiscShare: 0.70,
        intensityMissingShare: 0.05,
        interventionPrevalence: [
            .werkstraf: 0.12, .verdiepingsdiagnostiek: 0.05, .jovo: 0.25, .gedragsinterventie: 0.10,
            .enkelband: 0.03, .klinischeZorg: 0.03,
        ],
        youngAdultShare: 0.15,
        ageMissingShare: 0.05,
        regionShares: [
            "Noord-Nederland": 0.09, "Oost-Nederland": 0.14, "Midden-Nederland": 0.09, "Noord-Holland": 0.08,
            "Amsterdam": 0.11, "Den Haag": 0.12, "Rotterdam": 0.14, "Zeeland-West-Brabant": 0.08,
            "Oost-Brabant": 0.08, "Limburg": 0.07,
        ],
        regionMissingShare: 0.03,
        adviesDeadlineShare: 0.90
    )
}
