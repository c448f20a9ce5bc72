import Foundation
import GRDB
import InstroomDomain

extension Ledger {
    /// Checks the ledger as an auditor would, on one consistent snapshot: every audit entry's hash and
    /// every link of the chain, and that every run, assignment, decision, escalation, rule set and case
    /// agrees with what the audit recorded when it was written. Reads raw values, so a row an attacker
    /// made undecodable is reported, not thrown.
    public func verify() throws -> LedgerVerification {
        try queue.read { db in try Ledger.verify(db) }
    }

    static func verify(_ db: Database) throws -> LedgerVerification {
        var result = LedgerVerification()
        let audit = try AuditIndex(db, &result)
        let decisions = try verifyDecisions(db, audit, &result)
        try verifyRuns(db, audit, &result)
        try verifyAssignments(db, audit, decisions, &result)
        try verifyEscalations(db, audit, decisions, &result)
        try verifyBandAlerts(db, audit, &result)
        try verifyRuleSets(db, audit, &result)
        try verifyCases(db, audit, &result)
        return result
    }

    /// One audit entry as stored, with its structured data when it has any.
    struct RawAuditEntry {
        var id: Int64
        var action: String
        var actor: String
        var caseId: String?
        var runId: Int64?
        var detail: String
        var data: AuditData?
    }

    /// The chain checked and the entries indexed by what they name.
    struct AuditIndex {
        var assign: [String: [RawAuditEntry]] = [:]
        var decideByDecision: [Int64: [RawAuditEntry]] = [:]
        var legacyDecideByCase: [String: [RawAuditEntry]] = [:]
        var byEscalation: [Int64: [RawAuditEntry]] = [:]
        var byBandAlert: [Int64: [RawAuditEntry]] = [:]
        var legacy: [RawAuditEntry] = []
        var runEntries: [Int64: [RawAuditEntry]] = [:]
        var ruleEntries: [String: [RawAuditEntry]] = [:]
        /// Per case, the entries that carry the hash of its facts.
        var factsHashes: [String: [(entry: Int64, hash: String)]] = [:]
        /// Cases the audited purges removed the facts of.
        var purged = 0

        static func key(_ caseId: String?, _ runId: Int64?) -> String { "\(caseId ?? "")\u{0}\(runId.map(String.init) ?? "")" }

        init(_ db: Database, _ result: inout LedgerVerification) throws {
            let select = "SELECT id, prevHash, hash, " + AuditChain.columns.joined(separator: ", ") + " FROM audit ORDER BY id"
            var previous: (id: Int64, hash: String?)?
            let rows = try Row.fetchCursor(db, sql: select)
            while let row = try rows.next() {
                let id = Int64.fromDatabaseValue(row["id"]) ?? -1
                let prevHash = String.fromDatabaseValue(row["prevHash"])
                let hash = String.fromDatabaseValue(row["hash"])
                let expected = AuditChain.hash(values: AuditChain.columns.map { row[$0] as DatabaseValue }, prevHash: prevHash)
                if hash == nil {
                    result.report("audit", id, "has no hash: it was not written by instroom")
                } else if hash != expected {
                    result.report("audit", id, "its hash does not match its contents: the entry was changed after it was written")
                }
                if let previous, prevHash != previous.hash {
                    result.report(
                        "audit",
                        id,
                        "its prevHash is not the hash of entry \(previous.id): entries between them were removed or changed"
                    )
                } else if previous == nil, prevHash != nil {
                    result.report("audit", id, "the first entry names a previous hash: the entries before it were removed")
                }
                previous = (id, hash)
                result.auditEntries += 1
                var entry = RawAuditEntry(
                    id: id,
                    action: String.fromDatabaseValue(row["action"]) ?? "",
                    actor: String.fromDatabaseValue(row["actor"]) ?? "",
                    caseId: String.fromDatabaseValue(row["caseId"]),
                    runId: Int64.fromDatabaseValue(row["runId"]),
                    detail: String.fromDatabaseValue(row["detail"]) ?? ""
                )
                if let caseId = entry.caseId, let factsHash = String.fromDatabaseValue(row["factsHash"]) {
                    factsHashes[caseId, default: []].append((id, factsHash))
                }
                if let text = String.fromDatabaseValue(row["data"]) {
                    do {
                        entry.data = try JSONDecoder().decode(AuditData.self, from: Data(text.utf8))
                    } catch {
                        result.report("audit", id, "its data is not readable: \(Ledger.explain(error, pathStartsWithColumn: false).reason)")
                    }
                }
                add(entry)
            }
            result.headHash = previous?.hash
        }

        private mutating func add(_ entry: RawAuditEntry) {
            if entry.data == nil { legacy.append(entry) }
            switch AuditAction(rawValue: entry.action) {
            case .assign: assign[Self.key(entry.caseId, entry.runId), default: []].append(entry)
            case .decide:
                if let id = entry.data?.decisionId {
                    decideByDecision[id, default: []].append(entry)
                } else if let caseId = entry.caseId {
                    legacyDecideByCase[caseId, default: []].append(entry)
                }
            case .run: if let runId = entry.runId { runEntries[runId, default: []].append(entry) }
            case .wegingskader: if let hash = entry.data?.ruleHash { ruleEntries[hash, default: []].append(entry) }
            case .purge: purged += entry.data?.purged ?? 0
            default: break
            }
            if let escalationId = entry.data?.escalationId { byEscalation[escalationId, default: []].append(entry) }
            if let bandAlertId = entry.data?.bandAlertId { byBandAlert[bandAlertId, default: []].append(entry) }
        }

        /// Entries about an escalation; entries from before v3 (no data) are matched on their Dutch text.
        func escalationEntries(_ id: Int64, caseId: String) -> [RawAuditEntry] {
            (byEscalation[id] ?? []) + legacy.filter { $0.caseId == caseId && $0.detail.contains("scalatie \(id)") }
        }
    }

    private static func verifyRuns(_ db: Database, _ audit: AuditIndex, _ result: inout LedgerVerification) throws {
        var known = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT id, day, ruleHash, status, caseCount FROM run ORDER BY id") {
            let id = Int64.fromDatabaseValue(row["id"]) ?? -1
            known.insert(id)
            result.runs += 1
            let entries = audit.runEntries[id] ?? []
            guard entries.count == 1, let entry = entries.first else {
                result.report("run", id, entries.isEmpty ? "has no 'run' audit entry" : "has \(entries.count) 'run' audit entries")
                continue
            }
            let day = String.fromDatabaseValue(row["day"]) ?? ""
            if !entry.detail.hasPrefix("Verdeling \(day):") {
                result.report("run", id, "its day \(day) is not the day its audit entry \(entry.id) names")
            }
            if let data = entry.data {
                if let status = data.solverStatus, status.rawValue != String.fromDatabaseValue(row["status"]) {
                    result.report("run", id, "its solver status differs from audit entry \(entry.id) (\(status.rawValue))")
                }
                if let hash = data.ruleHash, hash != String.fromDatabaseValue(row["ruleHash"]) {
                    result.report("run", id, "its wegingskader differs from audit entry \(entry.id) (\(hash.prefix(12)))")
                }
                if let assigned = data.assigned, assigned != Int.fromDatabaseValue(row["caseCount"]) {
                    result.report("run", id, "its case count differs from audit entry \(entry.id) (\(assigned))")
                }
            }
        }
        for (runId, entries) in audit.runEntries where !known.contains(runId) {
            for entry in entries { result.report("audit", entry.id, "records run \(runId), which is not in the ledger") }
        }
    }

    /// The decisions by id (what an assignment of the commissie must agree with).
    private static func verifyDecisions(
        _ db: Database,
        _ audit: AuditIndex,
        _ result: inout LedgerVerification
    ) throws -> [Int64: Row] {
        var decisions: [Int64: Row] = [:]
        let sql = "SELECT id, escalationId, caseId, action, roBefore, roAfter, rationale, decidedBy FROM decision ORDER BY id"
        for row in try Row.fetchAll(db, sql: sql) {
            let id = Int64.fromDatabaseValue(row["id"]) ?? -1
            decisions[id] = row
            result.decisions += 1
            let caseId = String.fromDatabaseValue(row["caseId"]) ?? ""
            let entries = audit.decideByDecision[id] ?? audit.legacyDecideByCase[caseId] ?? []
            guard entries.count == 1, let entry = entries.first else {
                result.report(
                    "decision",
                    id,
                    entries.isEmpty ? "has no 'decide' audit entry" : "has \(entries.count) 'decide' audit entries"
                )
                continue
            }
            let roBefore = String.fromDatabaseValue(row["roBefore"])
            let roAfter = String.fromDatabaseValue(row["roAfter"])
            let rationale = String.fromDatabaseValue(row["rationale"]) ?? ""
            var differs: [String] = []
            if entry.caseId != caseId { differs.append("case") }
            if entry.actor != String.fromDatabaseValue(row["decidedBy"]) { differs.append("decided by") }
            if !entry.detail.hasSuffix("Motivering: \(rationale)") { differs.append("rationale") }
            if let data = entry.data {
                if data.escalationId != Int64.fromDatabaseValue(row["escalationId"]) { differs.append("escalation") }
                if data.roBefore?.rawValue != roBefore { differs.append("RO before") }
                if data.roAfter?.rawValue != roAfter { differs.append("RO after") }
            }
            let action = String.fromDatabaseValue(row["action"])
            if action != (roBefore == roAfter ? "confirm" : "move") { differs.append("action (\(action ?? "none"))") }
            if !differs.isEmpty {
                result.report("decision", id, "differs from its audit entry \(entry.id) in: \(differs.joined(separator: ", "))")
            }
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assignment WHERE decisionId = ?", arguments: [id]) != 1 {
                result.report("decision", id, "has no final assignment recording it")
            }
        }
        for (decisionId, entries) in audit.decideByDecision where decisions[decisionId] == nil {
            for entry in entries { result.report("audit", entry.id, "records decision \(decisionId), which is not in the ledger") }
        }
        return decisions
    }

    private static func verifyAssignments(
        _ db: Database,
        _ audit: AuditIndex,
        _ decisions: [Int64: Row],
        _ result: inout LedgerVerification
    ) throws {
        let weights = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, weight FROM intakeCase").map {
                (String.fromDatabaseValue($0["id"]) ?? "", Double.fromDatabaseValue($0["weight"]))
            },
            uniquingKeysWith: { a, _ in a }
        )
        let runDays = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, day FROM run").map {
                (Int64.fromDatabaseValue($0["id"]) ?? -1, String.fromDatabaseValue($0["day"]))
            },
            uniquingKeysWith: { a, _ in a }
        )
        var recorded = Set<String>()
        var lastCase: (id: String, revision: Int, final: Bool)?
        let sql = "SELECT id, caseId, revision, runId, day, ro, weight, final, source, decisionId FROM assignment ORDER BY caseId, revision"
        let rows = try Row.fetchCursor(db, sql: sql)
        while let row = try rows.next() {
            result.assignments += 1
            let id = Int64.fromDatabaseValue(row["id"]) ?? -1
            let caseId = String.fromDatabaseValue(row["caseId"]) ?? ""
            let revision = Int.fromDatabaseValue(row["revision"]) ?? 0
            let runId = Int64.fromDatabaseValue(row["runId"])
            let ro = String.fromDatabaseValue(row["ro"]).flatMap(RO.init(rawValue:))
            let final = Int.fromDatabaseValue(row["final"]) == 1
            let what = "(case \(caseId), revision \(revision))"
            let expectedRevision = lastCase?.id == caseId ? lastCase!.revision + 1 : 1
            if revision != expectedRevision {
                result.report("assignment", id, "\(what) should be revision \(expectedRevision): a revision was removed or added")
            }
            if lastCase?.id == caseId, lastCase!.final {
                result.report("assignment", id, "\(what) follows a final assignment (geen werk retour)")
            }
            lastCase = (caseId, revision, final)
            if weights[caseId] == nil {
                result.report("assignment", id, "\(what) names a case that is not in the ledger")
            } else if weights[caseId]! != Double.fromDatabaseValue(row["weight"]) {
                result.report("assignment", id, "\(what) has another weight than its case")
            }
            let stated = "\(final ? "Definitief" : "Voorlopig") toegewezen aan \(ro?.displayName ?? "?")"
            switch String.fromDatabaseValue(row["source"]) {
            case "model":
                recorded.insert(AuditIndex.key(caseId, runId))
                let entries = audit.assign[AuditIndex.key(caseId, runId)] ?? []
                guard entries.count == 1, let entry = entries.first else {
                    let count = entries.isEmpty ? "no" : "\(entries.count)"
                    result.report(
                        "assignment",
                        id,
                        "\(what) has \(count) 'assign' audit entries for run \(runId.map(String.init) ?? "none")"
                    )
                    continue
                }
                if entry.detail != stated || (entry.data.map { $0.ro != ro || $0.final != final } ?? false) {
                    result.report("assignment", id, "\(what) says '\(stated)', its audit entry \(entry.id) says '\(entry.detail)'")
                }
                if revision == 1, let runId, runDays[runId] != String.fromDatabaseValue(row["day"]) {
                    result.report("assignment", id, "\(what) is dated another day than its run \(runId)")
                }
            case "commissie":
                guard let decisionId = Int64.fromDatabaseValue(row["decisionId"]), let decision = decisions[decisionId] else {
                    result.report("assignment", id, "\(what) was set by the commissie but names no recorded decision")
                    continue
                }
                if String.fromDatabaseValue(decision["caseId"]) != caseId || String.fromDatabaseValue(decision["roAfter"]) != ro?.rawValue
                    || !final
                {
                    result.report("assignment", id, "\(what) says '\(stated)', decision \(decisionId) says otherwise")
                }
            default:
                result.report("assignment", id, "\(what) has an unknown source")
            }
        }
        for (key, entries) in audit.assign where !recorded.contains(key) {
            for entry in entries {
                result.report("audit", entry.id, "records an assignment of case \(entry.caseId ?? "?") that is not in the ledger")
            }
        }
    }

    private static func verifyEscalations(
        _ db: Database,
        _ audit: AuditIndex,
        _ decisions: [Int64: Row],
        _ result: inout LedgerVerification
    ) throws {
        let decided = Set(decisions.values.compactMap { Int64.fromDatabaseValue($0["escalationId"]) })
        var known = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT id, caseId, status FROM escalation ORDER BY id") {
            result.escalations += 1
            let id = Int64.fromDatabaseValue(row["id"]) ?? -1
            known.insert(id)
            let caseId = String.fromDatabaseValue(row["caseId"]) ?? ""
            let entries = audit.escalationEntries(id, caseId: caseId)
            if !entries.contains(where: { $0.action == AuditAction.escalate.rawValue || $0.action == AuditAction.contest.rawValue }) {
                result.report("escalation", id, "(case \(caseId)) has no audit entry raising it")
            }
            if entries.contains(where: { $0.caseId != caseId }) {
                result.report("escalation", id, "names case \(caseId), its audit entries another case")
            }
            let status = String.fromDatabaseValue(row["status"])
            if (status == "decided") != decided.contains(id) {
                result.report(
                    "escalation",
                    id,
                    status == "decided" ? "is decided without a decision" : "has a decision but is \(status ?? "?")"
                )
            }
            if status == "resolved", !entries.contains(where: { $0.action == AuditAction.resolve.rawValue }) {
                result.report("escalation", id, "is resolved without an audit entry resolving it")
            }
        }
        for (escalationId, entries) in audit.byEscalation where !known.contains(escalationId) {
            for entry in entries { result.report("audit", entry.id, "records escalation \(escalationId), which is not in the ledger") }
        }
    }

    /// Each band forecast against the entry that raised it (RO and text) and the one that closed it.
    private static func verifyBandAlerts(_ db: Database, _ audit: AuditIndex, _ result: inout LedgerVerification) throws {
        var known = Set<Int64>()
        for row in try Row.fetchAll(db, sql: "SELECT id, ro, detail, status FROM bandAlert ORDER BY id") {
            let id = Int64.fromDatabaseValue(row["id"]) ?? -1
            known.insert(id)
            let entries = audit.byBandAlert[id] ?? []
            let ro = String.fromDatabaseValue(row["ro"]).flatMap(RO.init(rawValue:))
            let raised = entries.filter { $0.action == AuditAction.bandForecast.rawValue }
            let text = "Bandprognose B\(id) (\(ro?.displayName ?? "?")): \(String.fromDatabaseValue(row["detail"]) ?? "")"
            if raised.count != 1 {
                result.report("bandAlert", id, "has \(raised.isEmpty ? "no" : "\(raised.count)") audit entries raising it")
            } else if raised[0].detail != text || raised[0].data?.ro != ro {
                result.report("bandAlert", id, "differs from its audit entry \(raised[0].id) ('\(raised[0].detail)')")
            }
            let closed = entries.contains { $0.action == AuditAction.resolve.rawValue && $0.data?.bandAlertId == id }
            if (String.fromDatabaseValue(row["status"]) == "open") == closed {
                result.report(
                    "bandAlert",
                    id,
                    closed ? "is open, but its audit entries closed it" : "is closed without an audit entry closing it"
                )
            }
        }
        for (bandAlertId, entries) in audit.byBandAlert where !known.contains(bandAlertId) {
            for entry in entries { result.report("audit", entry.id, "records band forecast B\(bandAlertId), which is not in the ledger") }
        }
    }

    private static func verifyRuleSets(_ db: Database, _ audit: AuditIndex, _ result: inout LedgerVerification) throws {
        var known = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT hash, version, source FROM ruleSet") {
            let hash = String.fromDatabaseValue(row["hash"]) ?? ""
            let source = String.fromDatabaseValue(row["source"]) ?? ""
            known.insert(hash)
            if AuditChain.hex(source) != hash {
                result.report("ruleSet", hash.prefix(12), "its stored source does not hash to its key: the wegingskader was changed")
            }
            let entries = audit.ruleEntries[hash] ?? audit.legacy.filter { $0.detail.contains(hash.prefix(12)) }
            if entries.isEmpty {
                result.report("ruleSet", hash.prefix(12), "has no audit entry recording its first use")
            } else if let version = entries[0].data?.ruleVersion, version != String.fromDatabaseValue(row["version"]) {
                result.report("ruleSet", hash.prefix(12), "its version differs from audit entry \(entries[0].id) (\(version))")
            }
        }
        for (hash, entries) in audit.ruleEntries where !known.contains(hash) {
            for entry in entries { result.report("audit", entry.id, "records wegingskader \(hash.prefix(12)), which is not in the ledger") }
        }
    }

    private static func verifyCases(_ db: Database, _ audit: AuditIndex, _ result: inout LedgerVerification) throws {
        var purged = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT id, received, kind, facts FROM intakeCase ORDER BY id")
        while let row = try rows.next() {
            result.cases += 1
            let id = String.fromDatabaseValue(row["id"]) ?? ""
            let text = String.fromDatabaseValue(row["facts"]) ?? ""
            if text == Schema.purgedFacts {
                purged += 1
                continue
            }
            let hash = AuditChain.hex(text)
            if let changed = audit.factsHashes[id]?.first(where: { $0.hash != hash }) {
                result.report("intakeCase", id, "its facts are not those audit entry \(changed.entry) was written with: they were changed")
            }
            do {
                let facts = try JSONDecoder().decode(IntakeCase.self, from: Data(text.utf8))
                if facts.id != id || facts.received.description != String.fromDatabaseValue(row["received"])
                    || facts.kind.rawValue != String.fromDatabaseValue(row["kind"])
                {
                    result.report("intakeCase", id, "its id, received date or kind differs from its own facts")
                }
            } catch {
                result.report("intakeCase", id, "its facts are not readable: \(Ledger.explain(error, pathStartsWithColumn: false).reason)")
            }
        }
        if purged != audit.purged {
            result.report(
                "intakeCase",
                "*",
                "\(purged) cases have no facts, the audited purges removed \(audit.purged): facts were removed outside a purge"
            )
        }
    }
}
