import Foundation
import Testing

@testable import Wegingskader

/// The rule-set version hash is plain SHA-256 of the file bytes, so anyone can check it with `sha256sum`.
@Suite("Rule-set hash")
struct RuleSetHashTests {
    @Test(
        "FIPS 180-4 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
        ]
    )
    func vector(input: String, expected: String) {
        #expect(RuleSet.hash(of: Array(input.utf8)) == expected)
    }

    @Test("the bundled rule file's hash is what sha256sum prints for it")
    func bundledMatchesSha256sum() throws {
        let url = RuleSet.bundledDefaultURL
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let expected = String(output.prefix { !$0.isWhitespace })
        #expect(expected.count == 64)
        #expect(RuleSet.bundledDefault().hash == expected)
    }
}
