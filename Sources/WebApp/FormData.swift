import Foundation

/// A posted form: `application/x-www-form-urlencoded` or `multipart/form-data` (file uploads). Read
/// once by `CSRFMiddleware`, which needs its token, and kept on the context for the handler.
struct FormData: Sendable {
    struct File: Sendable {
        var filename: String
        var data: Data
    }

    var fields: [String: String] = [:]
    var files: [String: File] = [:]

    subscript(_ name: String) -> String? { fields[name] }

    /// A field's value, trimmed; a Dutch error naming the field's label when it is empty.
    func required(_ name: String, label: String) throws -> String {
        let value = (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw WebError.badRequest("Vul het veld ‘\(label)’ in.") }
        return value
    }

    static func parse(_ body: Data, contentType: String?) throws -> FormData {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") { return try multipart(body, contentType: contentType ?? "") }
        return urlEncoded(String(decoding: body, as: UTF8.self))
    }

    static func urlEncoded(_ text: String) -> FormData {
        var form = FormData()
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            guard !name.isEmpty else { continue }
            form.fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return form
    }

    /// RFC 7578, the parts a browser sends: a text field or a file, each with a `Content-Disposition` header.
    static func multipart(_ body: Data, contentType: String) throws -> FormData {
        guard let range = contentType.range(of: "boundary=") else {
            throw WebError.badRequest("Het formulier mist zijn scheidingsteken (boundary).")
        }
        var boundary = String(contentType[range.upperBound...]).components(separatedBy: ";")[0].trimmingCharacters(in: .whitespaces)
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 { boundary = String(boundary.dropFirst().dropLast()) }
        let delimiter = Data("--\(boundary)".utf8)
        var form = FormData()
        var parts: [Data] = []
        var searchStart = body.startIndex
        var previous: Data.Index?
        while let found = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            if let previous { parts.append(body[previous..<found.lowerBound]) }
            previous = found.upperBound
            searchStart = found.upperBound
        }
        let separator = Data("\r\n\r\n".utf8)
        for var part in parts {
            if part.starts(with: Data("\r\n".utf8)) { part = part.dropFirst(2) }
            if part.count >= 2, part.suffix(2) == Data("\r\n".utf8) { part = part.dropLast(2) }
            guard let split = part.range(of: separator) else { continue }
            let head = String(decoding: part[part.startIndex..<split.lowerBound], as: UTF8.self)
            let content = Data(part[split.upperBound...])
            guard
                let disposition = head.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = parameter("name", in: disposition)
            else { continue }
            if let filename = parameter("filename", in: disposition) {
                if !filename.isEmpty || !content.isEmpty { form.files[name] = File(filename: filename, data: content) }
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.components(separatedBy: ";").dropFirst() {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            guard kv.hasPrefix(name + "=") else { continue }
            var value = String(kv.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
