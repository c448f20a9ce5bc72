import Allocation
import Foundation
import InstroomDomain
import Ledger
import Review
import Wegingskader

/// The day in two steps: the model proposes, the triage experts review (accept, deviate with a
/// reason, contest), and the triagepunt confirms. Nothing is final before confirmation; from then on
/// geen werk retour. Every step is audited with the name of who took it (`actor`).
extension DailyRun {
    /// Scores, solves and flags the day and stores it as a draft (replacing an earlier draft of the day).
    /// Like every step of the review, under the ledger's write lock: read, solve and write see one state.
    /// Refused like `allocate`: see `checkDay`.
    public func propose(intake: [IntakeCase], day: Day, intakeFile: String? = nil, allow: Set<DayAllowance> = []) throws -> DayProposal {
        _ = try checkedActor()
        return try ledger.exclusive { tx in
            try checkDay(day, intake: intake, intakeFile: intakeFile, allow: allow, tx)
            return try propose(intake: intake, day: day, intakeFile: intakeFile, tx)
        }
    }

    func propose(intake: [IntakeCase], day: Day, intakeFile: String?, _ tx: LedgerTransaction) throws -> DayProposal {
        let p = try prepare(intake: intake, day: day, tx)
        guard !p.toAllocate.isEmpty else {
            throw TriageError.refused("nothing to propose for \(day): every case of this intake is already allocated")
        }
        let content = ProposalContent(
            cases: p.toAllocate,
            newCaseIds: p.newCases.map(\.id),
            intakeFile: intakeFile,
            rulesHash: rules.hash,
            rulesVersion: rules.version,
            rulesSource: rules.sourceText
        )
        let proposal = try view(content, day: day, tx)
        try tx.propose(
            day: day,
            content: content,
            by: actor,
            detail: "Voorstel \(day): \(DutchNumber.count(p.toAllocate.count, "zaak", "zaken")), "
                + "\(proposal.review.count) ter beoordeling door de triagedeskundigen, \(proposal.commissie.count) voor de begeleidingscommissie"
        )
        return proposal
    }

    /// The stored draft of `day`, recomputed from its cases and the judgements made on it.
    public func proposal(day: Day) throws -> DayProposal {
        try ledger.reading { tx in
            let run = try underProposedRules(day, tx)
            return try run.view(try run.content(day, tx), day: day, tx)
        }
    }

    /// Gemotiveerd afwijken: the case goes to `ro` and the rest of the day is re-optimised around it.
    /// The fit lost against the best allowed RO and the fall of the day's objective are recorded with the reason.
    public func override(caseId: String, to ro: RO, reason: String, day: Day) throws -> DayProposal {
        let reason = try Self.text(reason, "a deviation needs a reason (--reason)")
        _ = try checkedActor()
        return try ledger.exclusive { tx in try underProposedRules(day, tx).override(caseId: caseId, to: ro, reason: reason, day: day, tx) }
    }

    func override(caseId: String, to ro: RO, reason: String, day: Day, _ tx: LedgerTransaction) throws -> DayProposal {
        let content = try content(day, tx)
        let case_ = try Self.find(caseId, in: content, day: day)
        let before = try plan(content, day: day, tx)
        var pinned = content
        pinned.overrides[case_.id] = .init(ro: ro, reason: reason, by: actor, at: "", proposedRO: nil, fitLoss: 0, objectiveCost: 0)
        let after = try plan(pinned, day: day, tx)
        guard after.outcome.assignments[case_.id] == ro else {
            throw TriageError.refused(
                "\(ro.displayName) has no room for case \(case_.id) today (capacity or a hard band); nothing was changed"
            )
        }
        let candidate = try require(before.instance.cases.first { $0.id == case_.id }, or: "case \(case_.id) is not in the proposal")
        let bonus = config.continuityBonus
        let allowed = before.scored.first { $0.intake.id == case_.id }?.score.allowed ?? []
        let best = allowed.compactMap { candidate.profit($0, continuityBonus: bonus) }.max() ?? 0
        let fitLoss = best - (candidate.profit(ro, continuityBonus: bonus) ?? 0)
        let cost = (before.outcome.objective ?? 0) - (after.outcome.objective ?? 0)
        let proposed = before.outcome.assignments[case_.id]
        let override = ProposalContent.Override(
            ro: ro,
            reason: reason,
            by: actor,
            at: ledger.now(),
            proposedRO: proposed,
            fitLoss: fitLoss,
            objectiveCost: cost
        )
        var revised = content
        try tx.reviseProposal(
            day: day,
            by: actor,
            action: .override,
            caseId: case_.id,
            detail: "Gemotiveerd afgeweken: zaak \(case_.id) naar \(ro.displayName)"
                + (proposed.map { " in plaats van \($0.displayName)" } ?? "")
                + "; \(override.costInDutch). Reden: \(reason)",
            data: AuditData(roBefore: proposed, roAfter: ro, fitLoss: fitLoss)
        ) { content in
            content.overrides[case_.id] = override
            content.accepted[case_.id] = nil
            content.contests[case_.id] = nil
            revised = content
        }
        // The pinned plan is the one just made: the override's reason and cost do not change it.
        return view(revised, plan: after)
    }

    /// A triage expert contests a case of the draft: on confirmation it goes to the begeleidingscommissie,
    /// assigned provisionally.
    public func contest(caseId: String, reason: String, day: Day) throws -> DayProposal {
        let reason = try Self.text(reason, "a contest needs a reason (--reason)")
        _ = try checkedActor()
        return try ledger.exclusive { tx in
            let run = try underProposedRules(day, tx)
            let case_ = try Self.find(caseId, in: try run.content(day, tx), day: day)
            try run.contest(case_, reason: reason, day: day, tx)
            return try run.view(try run.content(day, tx), day: day, tx)
        }
    }

    func contest(_ case_: IntakeCase, reason: String, day: Day, _ tx: LedgerTransaction) throws {
        try tx.reviseProposal(
            day: day,
            by: actor,
            action: .contest,
            caseId: case_.id,
            detail: "Betwist in het voorstel van \(day): \(reason)"
        ) { content in
            content.contests[case_.id] = .init(by: actor, at: ledger.now(), text: reason)
            content.overrides[case_.id] = nil
            content.accepted[case_.id] = nil
        }
    }

    /// Review items seen and agreed as proposed.
    public func accept(caseIds: [String], day: Day) throws -> DayProposal {
        _ = try checkedActor()
        return try ledger.exclusive { tx in try underProposedRules(day, tx).accept(caseIds: caseIds, day: day, tx) }
    }

    func accept(caseIds: [String], day: Day, _ tx: LedgerTransaction) throws -> DayProposal {
        let current = try view(try content(day, tx), day: day, tx)
        let items = Set(current.review.map(\.caseId))
        let unknown = caseIds.filter { !items.contains($0) }
        guard unknown.isEmpty else {
            throw TriageError.refused("not on the review list of \(day): \(unknown.joined(separator: ", "))")
        }
        for id in caseIds {
            try tx.reviseProposal(day: day, by: actor, action: .accept, caseId: id, detail: "Beoordeeld en akkoord met het voorstel") {
                content in
                content.accepted[id] = .init(by: actor, at: ledger.now())
            }
        }
        return try view(try content(day, tx), day: day, tx)
    }

    /// Makes the draft final: every assignment that is not contested and not for the commissie becomes
    /// final (geen werk retour holds from here). Refused while review items are open, unless `acceptRest`
    /// (which the audit says).
    public func confirm(day: Day, acceptRest: Bool = false) throws -> AllocationReport {
        _ = try checkedActor()
        return try ledger.exclusive { tx in try underProposedRules(day, tx).confirm(day: day, acceptRest: acceptRest, tx) }
    }

    func confirm(day: Day, acceptRest: Bool, _ tx: LedgerTransaction) throws -> AllocationReport {
        let content = try content(day, tx)
        let plan = try plan(content, day: day, tx)
        let current = view(content, plan: plan)
        if !current.open.isEmpty && !acceptRest {
            throw TriageError.refused(
                "\(current.open.count) review item(s) of \(day) are still open: accept, override or contest them, "
                    + "or confirm with --accept-rest (\(current.open.prefix(10).joined(separator: ", "))\(current.open.count > 10 ? ", ..." : ""))"
            )
        }
        let newCases = content.cases.filter { Set(content.newCaseIds).contains($0.id) }
        var report = makeReport(plan, newCases: newCases.count, contested: Set(content.contests.keys))
        var run = draft(plan, report: report, newCases: newCases, intakeFile: content.intakeFile)
        // Contested on the draft: to the commissie, raised by the expert who contested.
        for (id, note) in content.contests.sorted(by: { $0.key < $1.key }) {
            let reason = EscalationReason(.contested, note.text ?? "", queue: .commissie)
            if let i = run.escalations.firstIndex(where: { $0.caseId == id }) {
                run.escalations[i].reasons.append(reason)
                run.escalations[i].raisedBy = note.by
            } else {
                run.escalations.append(
                    .init(
                        caseId: id,
                        reasons: (plan.escalations[id] ?? []) + [reason],
                        provisionalRO: plan.outcome.assignments[id],
                        context: run.escalations.first?.context ?? context(report),
                        raisedBy: note.by
                    )
                )
            }
        }
        run.bandAlerts = try bandAlerts(plan, tx)
        let accepted = current.review.filter { $0.state == .accepted }.count
        let rest = acceptRest ? current.open.count : 0
        run.confirmation = .init(
            day: day,
            detail: "Dag \(day) bevestigd: \(accepted) beoordeeld en akkoord, \(content.overrides.count) gemotiveerd afgeweken, "
                + "\(content.contests.count) betwist" + (rest > 0 ? ", \(rest) open punten akkoord zonder beoordeling (--accept-rest)" : "")
                + "; vanaf nu geen werk retour"
        )
        report.runId = try tx.record(run)
        return report
    }

    // MARK: - The draft

    /// This run with the wegingskader `day`'s draft was proposed with. The experts judge the draft's
    /// scores; a version the beheerder activates during the review applies from the next proposal on,
    /// and never re-scores a draft halfway (confirming records the proposal's version with the run).
    func underProposedRules(_ day: Day, _ tx: LedgerTransaction) throws -> DailyRun {
        let content = try content(day, tx)
        guard let source = content.rulesSource, content.rulesHash != rules.hash else { return self }
        let proposed = try RuleSet.parse(source, file: "wegingskader \(content.rulesVersion ?? "") of the proposal for \(day)")
        return DailyRun(ledger: ledger, rules: proposed, config: config, actor: actor)
    }

    func content(_ day: Day, _ tx: LedgerTransaction) throws -> ProposalContent {
        guard let record = try tx.proposal(day: day) else {
            throw TriageError.refused("no proposal for \(day) is under review (instroom propose --date \(day) makes one)")
        }
        return record.content
    }

    func plan(_ content: ProposalContent, day: Day, _ tx: LedgerTransaction) throws -> DayPlan {
        let p = try prepare(intake: content.cases, day: day, tx)
        return try DayPlan.make(
            cases: content.cases,
            day: day,
            rules: rules,
            config: config,
            prior: p.prior,
            capacityLeft: p.capacityLeft,
            pins: content.overrides.mapValues(\.ro)
        )
    }

    func view(_ content: ProposalContent, day: Day, _ tx: LedgerTransaction) throws -> DayProposal {
        view(content, plan: try plan(content, day: day, tx))
    }

    /// The proposal as the triagepunt reviews it, from a plan already made of `content`.
    func view(_ content: ProposalContent, plan: DayPlan) -> DayProposal {
        let day = plan.day
        let report = makeReport(plan, newCases: content.newCaseIds.count, contested: Set(content.contests.keys))
        var review: [DayProposal.Item] = []
        var commissie: [DayProposal.Item] = []
        for s in plan.scored {
            let id = s.intake.id
            let reasons = plan.escalations[id] ?? []
            let queue = content.contests[id] != nil ? .commissie : ReviewRouting.queue(of: reasons)
            let ro = plan.outcome.assignments[id]
            if let override = content.overrides[id] {
                review.append(
                    .init(caseId: id, ro: ro, queue: .triage, reasons: reasons, state: .overridden, by: override.by, note: override.reason)
                )
            } else if let note = content.contests[id] {
                commissie.append(
                    .init(caseId: id, ro: ro, queue: .commissie, reasons: reasons, state: .contested, by: note.by, note: note.text)
                )
            } else if queue == .commissie {
                commissie.append(.init(caseId: id, ro: ro, queue: .commissie, reasons: reasons, state: .open))
            } else if queue == .triage {
                let note = content.accepted[id]
                review.append(
                    .init(caseId: id, ro: ro, queue: .triage, reasons: reasons, state: note == nil ? .open : .accepted, by: note?.by)
                )
            }
        }
        return DayProposal(
            day: day,
            report: report,
            review: review.sorted { $0.caseId < $1.caseId },
            commissie: commissie.sorted { $0.caseId < $1.caseId },
            overrides: content.overrides
        )
    }

    static func find(_ id: String, in content: ProposalContent, day: Day) throws -> IntakeCase {
        guard let found = content.cases.first(where: { $0.id == id }) else {
            throw TriageError.refused("case \(id) is not in the proposal for \(day)")
        }
        return found
    }

    /// A reason as real text (`UserText.reason`); blank gives `refusal`, which names the option.
    static func text(_ value: String, _ refusal: String) throws -> String {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw TriageError.refused(refusal) }
        do { return try UserText.reason(value, field: "--reason") } catch { throw TriageError.refused(error.description) }
    }
}

/// Unwraps or refuses with a message (library code never traps on a missing value).
func require<T>(_ value: T?, or message: @autoclosure () -> String) throws -> T {
    guard let value else { throw TriageError.refused(message()) }
    return value
}

/// Where a contest landed: in a draft under review, or as an escalation of a recorded case.
public enum ContestOutcome: Sendable {
    case inProposal(DayProposal)
    case escalated(EscalationRecord)
}

extension DailyRun {
    /// A triage expert contests a case wherever it is: in a proposal under review (it goes to the
    /// commissie on confirmation) or in the ledger (an escalation now; refused once final).
    public func contest(caseId: String, reason: String, on day: Day) throws -> ContestOutcome {
        for record in try ledger.proposals() where record.content.cases.contains(where: { $0.id == caseId }) {
            guard let proposalDay = Day(record.day) else { continue }
            return .inProposal(try contest(caseId: caseId, reason: reason, day: proposalDay))
        }
        return .escalated(try Commissie(ledger: ledger, config: config).contest(caseId: caseId, reason: reason, by: actor, on: day))
    }
}

extension DailyRun {
    /// The day a review command works on: the one given, or else the only proposal under review.
    public func proposalDay(_ given: Day?) throws -> Day {
        if let given { return given }
        let open = try ledger.proposals()
        guard open.count == 1, let day = Day(open[0].day) else {
            throw TriageError.refused(
                open.isEmpty
                    ? "no proposal is under review (instroom propose makes one)"
                    : "several proposals are under review: give --date"
            )
        }
        return day
    }
}
