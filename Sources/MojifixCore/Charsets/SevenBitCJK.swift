/// The 7-bit CJK encodings, which are valid ASCII and so valid UTF-8: ISO-2022-JP (escape
/// sequences designate JIS X 0208) and HZ (`~{` ... `~}` around GB2312 byte pairs).
enum SevenBitCJK {
    static let iso2022JP = Charset("ISO-2022-JP")
    static let hz = Charset("HZ")

    /// ESC $ @, ESC $ B (JIS X 0208), ESC $ ( D (JIS X 0212).
    static let jisDesignators: [[UInt8]] = [[0x1B, 0x24, 0x40], [0x1B, 0x24, 0x42], [0x1B, 0x24, 0x28, 0x44]]

    /// True when every byte is below 0x80, tested eight bytes at a time.
    static func isSevenBit(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }

    /// The 7-bit encoding the bytes are in, when they strictly decode in it and the reading is
    /// real text (HZ's `~{` also occurs in plain ASCII: its reading must be plausible Chinese).
    static func charset(of bytes: [UInt8]) -> Charset? {
        if bytes.contains(0x1B), jisDesignators.contains(where: { bytes.contains(subsequence: $0) }),
           decodes(bytes, iso2022JP) != nil { return iso2022JP }
        if bytes.contains(subsequence: [0x7E, 0x7B]), let text = decodes(bytes, hz) {
            let scores = LanguageModel.shared.score(UTF8.scalars(text))
            if scores.best?.language.script == .han, scores.plausibility >= CharsetDetector.goodFit { return hz }
        }
        return nil
    }

    private static func decodes(_ bytes: [UInt8], _ charset: Charset) -> [UInt8]? {
        guard let codec = try? TextCodecs.codec(for: charset), let text = try? codec.decode(bytes),
              text != bytes else { return nil }
        return text
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard let first = subsequence.first, count >= subsequence.count else { return false }
        var i = 0
        while let start = self[i...].firstIndex(of: first) {
            if self[start...].starts(with: subsequence) { return true }
            i = start + 1
        }
        return false
    }
}
