/// HMAC-SHA256 (RFC 2104 over FIPS 180-4): authenticates the journal's runs with a key that
/// never lives in a repository (see JournalKey).
package enum HMACSHA256 {
    package static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        // Keys longer than the 64-byte block are hashed first; shorter ones are zero-padded.
        var block = key.count > 64 ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5C } + inner)
    }

    package static func hex(key: [UInt8], message: [UInt8]) -> String { SHA256.hexString(mac(key: key, message: message)) }

    /// Compares two MACs in time independent of where they differ.
    package static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
