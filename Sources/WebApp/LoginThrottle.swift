import Foundation

/// Failed logins per account and per address: after `limit` failures within `window`, further
/// attempts are refused until the oldest failure is older than the window.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    /// True when either key has used up its attempts.
    func blocked(login: String, address: String, now: Date = Date()) -> Bool {
        [Self.key(login: login), "ip:\(address)"].contains { recent($0, now: now).count >= limit }
    }

    func failed(login: String, address: String, now: Date = Date()) {
        for key in [Self.key(login: login), "ip:\(address)"] { failures[key] = recent(key, now: now) + [now] }
    }

    func succeeded(login: String) { failures[Self.key(login: login)] = nil }

    private func recent(_ key: String, now: Date) -> [Date] { (failures[key] ?? []).filter { now.timeIntervalSince($0) < window } }

    private static func key(login: String) -> String { "login:" + login.trimmingCharacters(in: .whitespaces).lowercased() }
}
