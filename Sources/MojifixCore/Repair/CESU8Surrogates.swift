/// Java's "modified UTF-8" and other CESU-8 writers store a character beyond the BMP (an emoji)
/// as its two UTF-16 surrogates, three bytes each (`ED A0 BD ED B8 8D` for 😍). Strict UTF-8
/// rejects those bytes, so text that is otherwise valid UTF-8 would be refused or misread as a
/// legacy charset. Each well-formed surrogate pair becomes the character it encodes, and only
/// when the whole result is then valid UTF-8 (a lone surrogate is not repaired: no character to
/// give). The change is `decode CESU-8`, which ICU replays and inverts exactly.
struct CESU8Surrogates {
    static let charset = CESU8Codec.charset

    func run(_ text: [UInt8]) -> (output: [UInt8], pass: RepairPass)? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var changes: [RepairChange] = []
        var copied = 0
        var i = 0
        while i + 6 <= text.count {
            guard text[i] == 0xED, let scalar = Self.pair(text, at: i) else { i += 1; continue }
            // Consecutive pairs (a flag, an emoji with a skin tone) form one change.
            var end = i + 6
            var scalars = [scalar]
            while end + 6 <= text.count, text[end] == 0xED, let next = Self.pair(text, at: end) {
                scalars.append(next)
                end += 6
            }
            output.append(contentsOf: text[copied..<i])
            let outputStart = output.count
            for s in scalars { UTF8.append(s, to: &output) }
            changes.append(RepairChange(
                inputRange: i..<end, outputRange: outputStart..<output.count,
                steps: [.decode(Self.charset)], confidence: 1, lossless: true,
                before: nil, after: String(decoding: output[outputStart...], as: Unicode.UTF8.self)))
            copied = end
            i = end
        }
        guard !changes.isEmpty else { return nil }
        output.append(contentsOf: text[copied...])
        guard UTF8.isValid(output) else { return nil }
        return (output, RepairPass(kind: .transcode, chain: [.decode(Self.charset)], changes: changes))
    }

    /// A character beyond the BMP as CESU-8 (see `CESU8Codec`, which reads whole files of it).
    static func encode(_ scalar: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        CESU8Codec.appendPair(scalar, to: &bytes)
        return bytes
    }

    static func pair(_ b: [UInt8], at i: Int) -> UInt32? { CESU8Codec.pair(b, at: i) }
}
