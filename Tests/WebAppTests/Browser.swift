import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InstroomDomain
import Ledger
import NIOCore
import NIOFoundationCompat

/// A minimal browser over the test client: keeps the session cookie, reads the CSRF token from the
/// last page, posts forms. No redirects are followed, so tests see every 303.
struct Browser {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: path, method: .get, headers: headers)
        remember(response)
        return response
    }

    mutating func post(_ path: String, form: [String: String], withCSRF: Bool = true) async throws -> TestResponse {
        var fields = form
        if withCSRF, fields["csrf"] == nil, let csrf { fields["csrf"] = csrf }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let body = fields.map { Self.encode($0.key) + "=" + Self.encode($0.value) }.joined(separator: "&")
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    mutating func postMultipart(
        _ path: String,
        fields: [String: String],
        file: (name: String, filename: String, content: String)?
    ) async throws -> TestResponse {
        let boundary = "----instroomtest\(UInt32.random(in: 0...UInt32.max))"
        var body = ""
        var all = fields
        if let csrf, all["csrf"] == nil { all["csrf"] = csrf }
        for (name, value) in all {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/plain\r\n\r\n\(file.content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    /// Logs in through the login form; returns the answer to the POST.
    @discardableResult
    mutating func login(_ login: String, _ password: String) async throws -> TestResponse {
        _ = try await get("/inloggen")
        return try await post("/inloggen", form: ["login": login, "password": password])
    }

    mutating func remember(_ response: TestResponse) {
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0])
            let value = String(pair[1])
            if value.isEmpty || field.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) {
            csrf = String(text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}
