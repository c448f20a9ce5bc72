import Foundation
import InstroomDomain

/// The wegingskader: an editable, versioned rule file that turns case facts into fit scores with
/// their explanation.
///
/// Read it with `parse` or `load`; every problem in the file is reported at once as `InputErrors`,
/// each naming file, line and field. A rule set that loads can always place a case: no two routes
/// to different ROs, no route to an excluded RO and no set of exclusions can fire on the same case.
public struct RuleSet: Sendable {
    /// The label policy staff give the version ("2026.1").
    public let version: String
    public let title: String
    /// SHA-256 of the file's exact bytes, lowercase hex: what an audit trail records.
    public let hash: String
    public let nearTieMargin: Int
    public let minimumFit: Int
    public let weightRange: ClosedRange<Int>
    /// Generic probation work: points every case gives each RO.
    public let base: [RO: Int]
    public let criteria: [Criterion]
    public let routes: [HardRule]
    public let exclusions: [HardRule]
    public let sourceText: String
    /// The file name or path the rules came from.
    public let file: String

    /// The first 12 hex characters of `hash`: enough to tell versions apart in a table.
    public var shortHash: String { String(hash.prefix(12)) }

    /// Dutch label of the base contribution.
    public static let baseLabel = "Generiek reclasseringswerk"
    public static let baseRationale = "Reclasseringswerk is in beginsel generiek: elke RO kan het doen (convenant 2023)."

    let compiled: CompiledRules

    init(
        version: String,
        title: String,
        hash: String,
        nearTieMargin: Int,
        minimumFit: Int,
        weightRange: ClosedRange<Int>,
        base: [RO: Int],
        criteria: [Criterion],
        routes: [HardRule],
        exclusions: [HardRule],
        sourceText: String,
        file: String
    ) {
        self.version = version
        self.title = title
        self.hash = hash
        self.nearTieMargin = nearTieMargin
        self.minimumFit = minimumFit
        self.weightRange = weightRange
        self.base = base
        self.criteria = criteria
        self.routes = routes
        self.exclusions = exclusions
        self.sourceText = sourceText
        self.file = file
        compiled = CompiledRules(base: base, criteria: criteria, routes: routes, exclusions: exclusions)
    }
}
