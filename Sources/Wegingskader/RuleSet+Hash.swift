import Crypto
import Foundation

extension RuleSet {
    /// The version hash of a rule file: SHA-256 of its exact bytes as 64 lowercase hex characters.
    ///
    /// An audit hash rests on swift-crypto, a maintained and tested implementation, not on our own.
    public static func hash(of bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
