import InstroomDomain
import Ledger
import Wegingskader

extension StoredScores {
    /// What the ledger keeps of a report line: the scores and their reasons, not the case or its RO
    /// (those are columns of the assignment).
    init(_ line: AllocationReport.Line) {
        self.init(
            scores: line.scores,
            bestFit: line.bestFit,
            reasons: line.reasons,
            continuity: line.continuity,
            flags: line.flags.map { Flag(code: $0.code, label: $0.label) },
            ruleVersion: line.ruleVersion,
            ruleHash: line.ruleHash
        )
    }

    var dataFlags: [DataFlag] { flags.map { DataFlag(code: $0.code, label: $0.label) } }
}

extension AllocationReport.Line {
    /// The line of an assignment the ledger already holds (`allocate` on an intake it has seen).
    init(_ record: AssignmentRecord, kind: CaseKind) {
        let s = record.scores
        self.init(
            caseId: record.caseId,
            kind: kind,
            ro: record.ro,
            final: record.final,
            weight: record.weight,
            scores: s.scores,
            bestFit: s.bestFit,
            reasons: s.reasons,
            continuity: s.continuity,
            flags: s.dataFlags,
            ruleVersion: s.ruleVersion,
            ruleHash: s.ruleHash
        )
    }
}
