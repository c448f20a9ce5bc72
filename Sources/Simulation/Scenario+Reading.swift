import Allocation
import Foundation
import InstroomDomain
import IntakeGenerator
import Triage
import Wegingskader
import YAMLReading

// MARK: - Reading

extension Scenario {
    static let fields: Set<String> = [
        "name", "title", "description", "assumptions", "extends", "seed", "calendar", "rules", "allocation",
        "capacity", "durations", "intake",
    ]

    /// Reads a scenario file. `extends: other.yaml` (relative to this file) starts from another
    /// scenario; every field given here replaces or refines the inherited one.
    public static func load(contentsOf url: URL) throws -> Scenario {
        try load(contentsOf: url, depth: 0)
    }

    static func load(contentsOf url: URL, depth: Int) throws -> Scenario {
        let yaml = try YAMLValue.load(contentsOf: url)
        let folder = url.deletingLastPathComponent()
        let f = try yaml.fields(allowed: fields)
        var base: Scenario?
        if let e = f["extends"] {
            guard depth < 8 else {
                throw e.error(
                    "'extends' nests more than 8 levels deep (a cycle?)",
                    dutch: "‘extends’ is meer dan 8 niveaus diep genest (een kringverwijzing?)"
                )
            }
            let baseURL = resolve(try e.string(), in: folder)
            guard FileManager.default.fileExists(atPath: baseURL.path) else {
                throw e.error("no scenario file at \(baseURL.path)", dutch: "geen scenariobestand ‘\(baseURL.lastPathComponent)’")
            }
            base = try load(contentsOf: baseURL, depth: depth + 1)
        }
        return try parse(yaml, over: base, folder: folder, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    /// Reads a scenario uploaded through the web app. Its `extends:` may only name a scenario file in
    /// `bundled` (a plain file name), `rules:` only `bundled`, and `intake.file` is refused: an upload
    /// must never make the server read a path of its choosing. Errors name `file` (the upload's name).
    public static func load(uploaded text: String, file: String, bundled folder: URL) throws -> Scenario {
        let yaml = try YAMLValue.parse(text, file: file)
        let f = try yaml.fields(allowed: fields)
        var base: Scenario?
        if let e = f["extends"] {
            let name = try e.string()
            let url = folder.appendingPathComponent(name)
            guard !name.contains("/"), !name.hasPrefix("."), name.hasSuffix(".yaml"), FileManager.default.fileExists(atPath: url.path)
            else {
                throw e.error(
                    "an uploaded scenario can only extend a bundled scenario file, e.g. baseline.yaml",
                    dutch: "een geüpload scenario kan alleen voortbouwen op een meegeleverd scenariobestand, bijvoorbeeld baseline.yaml"
                )
            }
            base = try load(contentsOf: url)
        }
        if let r = f["rules"], try r.string() != "bundled" {
            throw r.error(
                "an uploaded scenario uses the bundled rules ('rules: bundled') or those of the scenario it extends",
                dutch:
                    "een geüpload scenario gebruikt het meegeleverde wegingskader (‘rules: bundled’) of dat van het scenario waarop het voortbouwt"
            )
        }
        if let i = f["intake"], let entries = try? i.mapping(), let file = entries.first(where: { $0.key == "file" }) {
            throw file.value.error(
                "an uploaded scenario cannot name an intake file; use a synthetic intake (perDay)",
                dutch: "een geüpload scenario kan geen instroombestand noemen; gebruik een synthetische instroom (perDay)"
            )
        }
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try parse(yaml, over: base, folder: folder, defaultName: name.isEmpty ? "upload" : name)
    }

    static func resolve(_ path: String, in folder: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path).standardizedFileURL
    }

    /// Parses a scenario over `base` (an `extends` parent); without a base the calendar, capacity,
    /// durations and intake are required.
    public static func parse(_ yaml: YAMLValue, over base: Scenario?, folder: URL, defaultName: String) throws -> Scenario {
        let required: Set<String> = base == nil ? ["seed", "calendar", "capacity", "durations", "intake"] : []
        let f = try yaml.fields(allowed: fields, required: required)
        let name = try f["name"]?.string() ?? defaultName
        let title = try f["title"]?.string() ?? base?.title ?? name
        let description = try f["description"]?.string() ?? base?.description ?? ""
        let assumptions = try f["assumptions"].map { try $0.sequence().map { try $0.string() } } ?? base?.assumptions ?? []
        let seed: UInt64
        if let s = f["seed"] {
            guard let v = UInt64(try s.string()) else {
                throw s.error("expected a whole number >= 0", dutch: "verwacht een geheel getal, 0 of meer")
            }
            seed = v
        } else {
            seed = base!.seed
        }

        // Calendar.
        var calendar = base?.calendar ?? Calendar(start: Day(year: 2026, month: 1, day: 1)!, workingDays: 250, holidays: [])
        if let c = f["calendar"] {
            let cf = try c.fields(allowed: ["start", "workingDays", "holidays"], required: base == nil ? ["start"] : [])
            if let s = cf["start"] { calendar.start = try day(s) }
            if let w = cf["workingDays"] { calendar.workingDays = try w.int(in: 1...5000) }
            if let h = cf["holidays"] { calendar.holidays = try h.sequence().map(day).sorted() }
        }

        // Rules.
        var rules = base?.rules ?? RuleSet.bundledDefault()
        if let r = f["rules"] {
            let text = try r.string()
            if text == "bundled" {
                rules = RuleSet.bundledDefault()
            } else {
                let url = resolve(text, in: folder)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw r.error("no rule file at \(url.path)", dutch: "geen wegingskaderbestand ‘\(url.lastPathComponent)’")
                }
                rules = try RuleSet.load(contentsOf: url)
            }
        }

        // Allocation settings: the production configuration format, over the bundled defaults.
        var config = base?.config ?? AllocationConfig.bundled()
        var bandPolicy = base?.bandPolicy ?? .cumulative
        if let a = f["allocation"] {
            var bands: YAMLValue?
            for (key, value) in try a.mapping() {
                switch key {
                case "capacity":
                    throw value.error(
                        "the simulator derives daily capacity from the caseload; set 'capacity.caseload' at the top level of the scenario",
                        dutch:
                            "de simulatie leidt de dagcapaciteit af uit de caseload; zet ‘capacity.caseload’ op het hoogste niveau van het scenario"
                    )
                case "bands": bands = value
                case "bandPolicy": bandPolicy = try value.oneOf(BandPolicy.self)
                default: break
                }
            }
            // The bands are read here, over the base's: a scenario that changes only SVG's maximum keeps
            // the base's minimum. The rest is the production format, read by AllocationConfig.
            config = try AllocationConfig.parse(a.removing(["bands", "bandPolicy"]), over: config)
            if let bands { config = try parseBands(bands, over: config) }
        }

        // Capacity.
        var capacity = base?.capacity ?? Capacity(caseload: [:], initialLoad: [:], initialLoadDays: 1, weeks: [])
        if let c = f["capacity"] {
            let cf = try c.fields(
                allowed: ["caseload", "initialLoad", "initialLoadDays", "weeks"],
                required: base == nil ? ["caseload"] : []
            )
            if let v = cf["caseload"] {
                let read = try v.perRO { try $0.double(in: 0...100_000_000) }
                for ro in RO.allCases where read[ro] == nil && base == nil {
                    throw v.error("missing caseload for \(ro.rawValue)", dutch: "caseload voor \(ro.rawValue) ontbreekt")
                }
                capacity.caseload.merge(read) { $1 }
            }
            if let v = cf["initialLoad"] { capacity.initialLoad.merge(try v.perRO { try $0.double(in: 0...100_000_000) }) { $1 } }
            if let v = cf["initialLoadDays"] { capacity.initialLoadDays = try v.int(in: 1...5000) }
            if let v = cf["weeks"] {
                capacity.weeks = try v.sequence().map { w in
                    let wf = try w.fields(allowed: ["from", "to", "factor", "ro", "label"], required: ["from", "factor"])
                    let from = try wf["from"]!.int(in: 1...53)
                    let to = try wf["to"]?.int(in: 1...53) ?? from
                    guard from <= to else {
                        throw w.error("week 'from' \(from) is after 'to' \(to)", dutch: "week ‘from’ \(from) ligt na ‘to’ \(to)")
                    }
                    var ros: [RO] = []
                    if let v = wf["ro"] {
                        for text in try v.scalarList() {
                            guard let ro = RO(code: text) else { throw v.unknownRO(text) }
                            ros.append(ro)
                        }
                    }
                    return WeekFactor(
                        from: from,
                        to: to,
                        factor: try wf["factor"]!.double(in: 0...10),
                        ros: ros,
                        label: try wf["label"]?.string() ?? ""
                    )
                }
            }
        }

        // Durations.
        var durations = base?.durations ?? [:]
        if let d = f["durations"] {
            for (key, value) in try d.mapping(allowed: Set(CaseKind.allCases.map(\.rawValue))) {
                durations[CaseKind(rawValue: key)!] = try value.int(in: 1...2000)
            }
            for k in CaseKind.allCases where durations[k] == nil {
                throw d.error("missing duration for '\(k.rawValue)'", dutch: "duur voor ‘\(k.rawValue)’ ontbreekt")
            }
        }

        // Intake.
        var intake = base?.intake ?? Intake(perDay: 0, seasonal: Array(repeating: 1, count: 12), mix: .illustrative, file: nil)
        if let i = f["intake"] {
            let inf = try i.fields(allowed: ["perDay", "seasonal", "mix", "file"])
            if let v = inf["perDay"] { intake.perDay = try v.int(in: 0...1_000_000) }
            if let v = inf["seasonal"] {
                let factors = try v.sequence().map { try $0.double(in: 0...10) }
                guard factors.count == 12 else {
                    throw v.error(
                        "expected 12 monthly factors (January first), found \(factors.count)",
                        dutch: "verwacht 12 maandfactoren (januari eerst), gevonden: \(factors.count)"
                    )
                }
                intake.seasonal = factors
            }
            if let v = inf["mix"] { intake.mix = try parseMix(v, over: intake.mix) }
            if let v = inf["file"] {
                let url = resolve(try v.string(), in: folder)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw v.error("no intake file at \(url.path)", dutch: "geen instroombestand ‘\(url.lastPathComponent)’")
                }
                intake.file = url.path
            }
            if intake.file == nil && intake.perDay == 0 && base == nil {
                throw i.error(
                    "give 'perDay' (synthetic intake) or 'file' (historical intake)",
                    dutch: "geef ‘perDay’ (synthetische instroom) of ‘file’ (historische instroom)"
                )
            }
        }

        return Scenario(
            name: name,
            title: title,
            description: description,
            assumptions: assumptions,
            seed: seed,
            calendar: calendar,
            config: config,
            bandPolicy: bandPolicy,
            rules: rules,
            capacity: capacity,
            durations: durations,
            intake: intake
        )
    }

    /// `allocation.bands` over the inherited bands: `mode` and `softPenalty` for all, and per RO any of
    /// `min`, `max`, `mode`; what an entry leaves out keeps the base's value (a new band needs both).
    static func parseBands(_ v: YAMLValue, over base: AllocationConfig) throws -> AllocationConfig {
        var config = base
        let entries = try v.fields(allowed: Set(["mode", "softPenalty"] + RO.allCases.map(\.rawValue)))
        let mode = try entries["mode"]?.oneOf(BandMode.self)
        if let p = entries["softPenalty"] { config.softBandPenalty = try p.double(in: 0...1_000_000) }
        for ro in RO.allCases {
            let old = base.bands[ro]
            guard let e = entries[ro.rawValue] else {
                if let mode, let old { config.bands[ro] = Bandwidth(min: old.min, max: old.max, mode: mode) }
                continue
            }
            let b = try e.fields(allowed: ["min", "max", "mode"], required: old == nil ? ["min", "max"] : [])
            let band = Bandwidth(
                min: try b["min"]?.double(in: 0...1) ?? old!.min,
                max: try b["max"]?.double(in: 0...1) ?? old!.max,
                mode: try b["mode"]?.oneOf(BandMode.self) ?? mode ?? old?.mode ?? .hard
            )
            guard band.min <= band.max else {
                throw e.error(
                    "min \(band.min) is above max \(band.max)\(old == nil ? "" : " (a value left out keeps the base's: \(old!.min)...\(old!.max))")",
                    dutch: "minimum \(DutchNumber.decimal(band.min, upTo: 4)) ligt boven maximum \(DutchNumber.decimal(band.max, upTo: 4))"
                        + (old == nil
                            ? ""
                            : " (een weggelaten waarde blijft die van het basisscenario: \(DutchNumber.decimal(old!.min, upTo: 4))–\(DutchNumber.decimal(old!.max, upTo: 4)))")
                )
            }
            config.bands[ro] = band
        }
        try AllocationConfig.checkBands(config.bands, at: v)
        return config
    }

    static func day(_ v: YAMLValue) throws -> Day {
        let text = try v.string()
        guard let d = Day(text) else {
            throw v.error("'\(text)' is not a date (YYYY-MM-DD)", dutch: "‘\(text)’ is geen datum (JJJJ-MM-DD)")
        }
        return d
    }

    /// The synthetic mix: any field of `IntakeMix` may be given; maps refine entry by entry.
    static func parseMix(_ v: YAMLValue, over base: IntakeMix) throws -> IntakeMix {
        var mix = base
        let scalars: [String: WritableKeyPath<IntakeMix, Double>] = [
            "addictionGivenTrafficAlcohol": \.addictionGivenTrafficAlcohol, "scilMissingShare": \.scilMissingShare,
            "lvbShare": \.lvbShare, "riscUnknownShare": \.riscUnknownShare, "staleFactShare": \.staleFactShare,
            "relationShare": \.relationShare, "intensityFollowsRiscShare": \.intensityFollowsRiscShare,
            "intensityMissingShare": \.intensityMissingShare, "youngAdultShare": \.youngAdultShare,
            "ageMissingShare": \.ageMissingShare, "regionMissingShare": \.regionMissingShare,
            "adviesDeadlineShare": \.adviesDeadlineShare,
        ]
        let maps = [
            "kindShares", "offencePrevalence", "problemPrevalence", "interventionPrevalence", "riscShares",
            "relationShares", "intensityShares", "regionShares",
        ]
        for (key, value) in try v.mapping(allowed: Set(scalars.keys).union(maps)) {
            if let path = scalars[key] {
                mix[keyPath: path] = try value.double(in: 0...1)
                continue
            }
            func keyed<K: RawRepresentable & CaseIterable & Hashable>(_ type: K.Type) throws -> [K: Double] where K.RawValue == String {
                var result: [K: Double] = [:]
                for (k, x) in try value.mapping(allowed: Set(K.allCases.map(\.rawValue))) {
                    result[K(rawValue: k)!] = try x.double(in: 0...1_000_000)
                }
                return result
            }
            switch key {
            case "kindShares": mix.kindShares.merge(try keyed(CaseKind.self)) { $1 }
            case "offencePrevalence": mix.offencePrevalence.merge(try keyed(Offence.self)) { $1 }
            case "problemPrevalence": mix.problemPrevalence.merge(try keyed(ClientProblem.self)) { $1 }
            case "interventionPrevalence": mix.interventionPrevalence.merge(try keyed(Intervention.self)) { $1 }
            case "riscShares": mix.riscShares.merge(try keyed(RiscLevel.self)) { $1 }
            case "relationShares": mix.relationShares.merge(try value.perRO { try $0.double(in: 0...1_000_000) }) { $1 }
            case "intensityShares": mix.intensityShares.merge(try keyed(Intensity.self)) { $1 }
            default:
                var regions: [String: Double] = [:]
                for (k, x) in try value.mapping() { regions[k] = try x.double(in: 0...1_000_000) }
                mix.regionShares = regions
            }
        }
        return mix
    }
}
