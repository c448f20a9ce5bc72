import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A W3C WebDriver client for chromedriver on localhost (its HTTP protocol): enough to
/// open pages, fill forms, click, read the page and take screenshots. AsyncHTTPClient, because
/// FoundationNetworking refuses chromedriver's headers (`Content-Length:917`, no space).
final class WebDriver: @unchecked Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let process = Process()
    let base: URL
    var session = ""

    init() throws {
        let port = Int.random(in: 20000...40000)
        base = URL(string: "http://127.0.0.1:\(port)")!
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Waits for chromedriver, then starts headless Chromium at a laptop's window size.
    func start() async throws {
        for _ in 0..<100 {
            if let status = try? await send("GET", "/status") as? [String: Any], (status["ready"] as? Bool) == true { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": Self.chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,900",
                            "--lang=nl-NL", "--disable-dev-shm-usage",
                        ],
                    ],
                ]
            ]
        ]
        let value = try await send("POST", "/session", capabilities) as? [String: Any]
        guard let id = value?["sessionId"] as? String else {
            throw Failure(description: "no WebDriver session: \(String(describing: value))")
        }
        session = id
    }

    func stop() async {
        if !session.isEmpty { _ = try? await send("DELETE", "/session/\(session)") }
        if process.isRunning { process.terminate() }
    }

    func open(_ url: String) async throws { _ = try await send("POST", "/session/\(session)/url", ["url": url]) }

    func element(_ css: String) async throws -> String {
        let value = try await send("POST", "/session/\(session)/element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = value?.values.first as? String else { throw Failure(description: "no element \(css)") }
        return id
    }

    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        _ = try await send("POST", "/session/\(session)/element/\(id)/clear", [String: String]())
        _ = try await send("POST", "/session/\(session)/element/\(id)/value", ["text": text])
    }

    func click(_ css: String) async throws {
        _ = try await send("POST", "/session/\(session)/element/\(try await element(css))/click", [String: String]())
    }

    /// The page's text once it contains `text`: a form posted by `click` may still be loading when the
    /// click returns. Gives up after `seconds` and returns the text as it is then.
    func text(containing text: String, seconds: Double = 30) async throws -> String {
        let until = Date().addingTimeInterval(seconds)
        while true {
            let body = try await script("return document.body ? document.body.innerText : ''") as? String ?? ""
            if body.contains(text) || Date() > until { return body }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func script(_ source: String) async throws -> Any? {
        try await send("POST", "/session/\(session)/execute/sync", ["script": source, "args": [Any]()])
    }

    func screenshot(to url: URL) async throws {
        guard let text = try await send("GET", "/session/\(session)/screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Sends a WebDriver command; returns its `value`, throws its error.
    @discardableResult
    func send(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        var request = HTTPClientRequest(url: base.absoluteString + path)
        request.method = .init(rawValue: method)
        if let body {
            request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let data = Data(buffer: try await response.body.collect(upTo: 64 * 1024 * 1024))
        let json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any]
        let value = json?["value"]
        if let error = (value as? [String: Any])?["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \((value as? [String: Any])?["message"] ?? "")")
        }
        return value is NSNull ? nil : value
    }
}
