import InstroomDomain
import YAMLReading

/// Which escalation reasons go to which queue, and the thresholds that move a case up to the
/// begeleidingscommissie. The configuration's `commissie:` and `queues:` blocks.
///
/// The commissie is for cases the experts cannot settle (convenant: "when the three content experts
/// cannot agree"); everything the triagepunt can judge on the day goes to its own review list, and
/// what needs nobody's judgement is counted in the figures only.
public struct EscalationPolicy: Codable, Sendable, Equatable {
    /// A placement forced away from the best fit (by a band or by capacity) that loses at least this
    /// many fit points goes to the commissie; a smaller loss goes to the reason's own queue.
    public var minFitLoss: Int
    /// A forced placement that loses fewer fit points than this is the agreed band or capacity at work:
    /// counted and explained, on no list. The triage review gets the losses from here up to `minFitLoss`.
    public var minReviewFitLoss: Int
    /// A case that has waited for capacity more than this many working days goes to the commissie.
    public var maxWaitingDays: Int
    /// The queue of each reason; a reason absent here is counted but on no list.
    public var queues: [EscalationCode: ReviewQueue]

    public init(minFitLoss: Int, minReviewFitLoss: Int, maxWaitingDays: Int, queues: [EscalationCode: ReviewQueue]) {
        self.minFitLoss = minFitLoss
        self.minReviewFitLoss = minReviewFitLoss
        self.maxWaitingDays = maxWaitingDays
        self.queues = queues
    }

    /// The defaults of the review-workflow issue (illustrative thresholds; the sources give none).
    public static let standard = EscalationPolicy(
        minFitLoss: 6,
        minReviewFitLoss: 4,
        maxWaitingDays: 5,
        queues: [
            .nearTie: .triage, .forcedByBand: .triage, .forcedByCapacity: .triage, .missingData: .triage,
            .unfit: .commissie, .longWaiting: .commissie, .contested: .commissie,
        ]
    )

    /// The queue a reason goes to: forced placements with a large fit loss always go to the commissie.
    public func queue(for code: EscalationCode, fitLoss: Int? = nil) -> ReviewQueue? {
        if code == .forcedByBand || code == .forcedByCapacity, let fitLoss {
            if fitLoss >= minFitLoss { return .commissie }
            if fitLoss < minReviewFitLoss { return nil }
        }
        return queues[code]
    }

    /// Reads `commissie: {minFitLoss, maxWaitingDays}`, `triage: {minFitLoss}` and
    /// `queues: {code: triage|commissie|geen}` over `base`.
    static func parse(commissie: YAMLValue?, triage: YAMLValue?, queues: YAMLValue?, over base: EscalationPolicy) throws -> EscalationPolicy
    {
        var policy = base
        if let triage {
            let f = try triage.fields(allowed: ["minFitLoss"])
            if let v = f["minFitLoss"] { policy.minReviewFitLoss = try v.int(in: 0...1000) }
        }
        if let commissie {
            let f = try commissie.fields(allowed: ["minFitLoss", "maxWaitingDays"])
            if let v = f["minFitLoss"] { policy.minFitLoss = try v.int(in: 1...1000) }
            if let v = f["maxWaitingDays"] { policy.maxWaitingDays = try v.int(in: 0...365) }
        }
        if let queues {
            let routable = EscalationCode.allCases.filter { $0 != .bandForecast }
            for (code, value) in try queues.mapping(allowed: Set(routable.map(\.rawValue))) {
                let word = try value.oneOf(Destination.self)
                policy.queues[EscalationCode(rawValue: code)!] = word.queue
            }
        }
        guard policy.minReviewFitLoss <= policy.minFitLoss else {
            throw (triage ?? commissie!).error(
                "triage.minFitLoss (\(policy.minReviewFitLoss)) is above commissie.minFitLoss (\(policy.minFitLoss))",
                dutch: "triage.minFitLoss (\(policy.minReviewFitLoss)) ligt boven commissie.minFitLoss (\(policy.minFitLoss))"
            )
        }
        return policy
    }

    /// The words a configuration file uses for a queue.
    enum Destination: String, CaseIterable {
        case triage, commissie, geen
        var queue: ReviewQueue? {
            switch self {
            case .triage: .triage
            case .commissie: .commissie
            case .geen: nil
            }
        }
    }
}
