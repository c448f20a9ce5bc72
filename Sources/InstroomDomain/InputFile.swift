import Foundation

/// Reads a file a person named (intake, configuration, rules, scenario, GAP instance), saying in
/// plain words why it cannot be read: Foundation's own errors ("NSCocoaErrorDomain error 256") tell
/// the triagepunt nothing.
public enum InputFile {
    /// The largest file read (64 MiB): an intake or rule file is a few megabytes at most.
    public static let maxBytes = 64 << 20

    /// The file's bytes, or an `InputError` naming the file and the reason. Reads pipes too
    /// (`--config <(...)`), never more than `maxBytes`.
    public static func data(at url: URL) throws(InputError) -> Data {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(file: path, "cannot read the file: it does not exist")
        }
        if isDirectory.boolValue { throw InputError(file: path, "cannot read the file: it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(file: path, "cannot read the file: permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: maxBytes + 1) ?? Data() } catch {
            throw InputError(file: path, "cannot read the file: \((error as NSError).localizedFailureReason ?? "input/output error")")
        }
        if data.count > maxBytes { throw InputError(file: path, "cannot read the file: it is larger than \(maxBytes >> 20) MiB") }
        return data
    }

    /// The file's text as UTF-8; a byte sequence that is not UTF-8 is an error naming its line.
    public static func text(at url: URL) throws(InputError) -> String {
        let data = try data(at: url)
        if let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1
        var decoder = UTF8()
        var iterator = data.makeIterator()
        while case .scalarValue(let s) = decoder.decode(&iterator) {
            if s == "\n" { line += 1 }
        }
        throw InputError(file: url.path, line: line, "not valid UTF-8; save the file as UTF-8")
    }
}
