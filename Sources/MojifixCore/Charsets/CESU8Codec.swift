internal import MojifixICU

/// "Almost UTF-8": UTF-8 whose supplementary characters are written as two 3-byte surrogates
/// (CESU-8, Java's modified UTF-8), possibly mixed with real 4-byte forms. Such a file is UTF-8
/// text, never a single-byte charset: decoding joins each surrogate pair into its character and
/// turns a lone surrogate into U+FFFD (re-encoding then differs, so the plan keeps the original).
final class CESU8Codec: TextCodec {
    static let charset = Charset("CESU-8")
    let maxCharSize = 6

    /// Whether `bytes` are valid UTF-8 except for encoded surrogates, with at least one of them.
    static func isAlmostUTF8(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(0xED) else { return false }
        var sawSurrogate = false
        return (try? walk(bytes) { _ in sawSurrogate = true }) != nil && sawSurrogate
    }

    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        try Self.walk(bytes, out: &out) { _ in }
        return out
    }

    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 2)
        for scalar in UTF8.scalars(utf8) {
            guard scalar >= 0x10000 else { UTF8.append(scalar, to: &out); continue }
            Self.appendPair(scalar, to: &out)
        }
        return out
    }

    /// A character beyond the BMP as CESU-8: its two surrogates, three bytes each.
    static func appendPair(_ scalar: UInt32, to out: inout [UInt8]) {
        let v = scalar - 0x10000
        appendSurrogate(0xD800 + (v >> 10), to: &out)
        appendSurrogate(0xDC00 + (v & 0x3FF), to: &out)
    }

    /// The character of a high + low surrogate pair at `i` (`ED A0-AF xx ED B0-BF xx`), if any.
    static func pair(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard let high = surrogate(bytes, at: i), high < 0xDC00,
              let low = surrogate(bytes, at: i + 3), low >= 0xDC00 else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func appendSurrogate(_ unit: UInt32, to out: inout [UInt8]) {
        out += [0xED, UInt8(0x80 | (unit >> 6) & 0x3F), UInt8(0x80 | unit & 0x3F)]
    }

    /// The surrogate encoded at `i` (ED A0-BF 80-BF), if any.
    private static func surrogate(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i + 2 < bytes.count, bytes[i] == 0xED, (0xA0...0xBF).contains(bytes[i + 1]),
              (0x80...0xBF).contains(bytes[i + 2]) else { return nil }
        return 0xD000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
    }

    private static func walk(_ bytes: [UInt8], onSurrogate: (UInt32) -> Void) throws(ICUError) {
        var sink: [UInt8] = []
        try walk(bytes, out: &sink, collect: false, onSurrogate: onSurrogate)
    }

    private static func walk(_ bytes: [UInt8], out: inout [UInt8], collect: Bool = true,
                             onSurrogate: (UInt32) -> Void) throws(ICUError) {
        var i = 0
        while i < bytes.count {
            if let high = surrogate(bytes, at: i) {
                onSurrogate(high)
                if let scalar = pair(bytes, at: i) {
                    if collect { UTF8.append(scalar, to: &out) }
                    i += 6
                } else {
                    if collect { UTF8.append(0xFFFD, to: &out) }
                    i += 3
                }
                continue
            }
            let length = bytes[i...].withUnsafeBufferPointer { p in
                UTF8.validPrefixLength(UnsafeBufferPointer(rebasing: p.prefix(while: { $0 != 0xED }) ))
            }
            // Copy the valid run up to the next ED (which may start a surrogate or a valid character).
            if length > 0 {
                if collect { out += bytes[i..<(i + length)] }
                i += length
                continue
            }
            guard bytes[i] == 0xED, i + 2 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]),
                  (0x80...0xBF).contains(bytes[i + 2]) else { throw .illegalInput }
            if collect { out += bytes[i..<(i + 3)] }
            i += 3
        }
    }
}
