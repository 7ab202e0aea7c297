/// Base64 (RFC 4648), for the original bytes the journal keeps.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i]), b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0, b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(alphabet[b0 >> 2])
            out.append(alphabet[(b0 & 3) << 4 | b1 >> 4])
            out.append(i + 1 < bytes.count ? alphabet[(b1 & 15) << 2 | b2 >> 6] : 0x3D)
            out.append(i + 2 < bytes.count ? alphabet[b2 & 63] : 0x3D)
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    package static func decode(_ text: String) -> [UInt8]? {
        var values = [Int](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { values[Int(c)] = i }
        var out: [UInt8] = []
        var buffer = 0, bits = 0
        for c in text.utf8 where c != 0x3D {
            let v = values[Int(c)]
            guard v >= 0 else { return nil }
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 { bits -= 8; out.append(UInt8(truncatingIfNeeded: buffer >> bits)); buffer &= (1 << bits) - 1 }
        }
        return out
    }
}
