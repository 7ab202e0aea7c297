internal import MojifixICU

/// CP932 (`windows-31j`) as Windows and Python have it. ICU's table leaves out the five single
/// bytes Microsoft's own table maps (0x80 to U+0080; 0xA0, 0xFD, 0xFE, 0xFF to U+F8F0-U+F8F3), so
/// UTF-8 that a Windows tool read as CP932 (`р` is D1 80: `ﾑ` then U+0080) would not re-encode.
/// ICU's table with those five added, strict both ways: each of the five is one byte in lead
/// position and one character, so every conversion stays invertible.
final class WindowsCP932Codec: TextCodec {
    private static let singles: [UInt8: UInt32] = [0x80: 0x80, 0xA0: 0xF8F0, 0xFD: 0xF8F1, 0xFE: 0xF8F2, 0xFF: 0xF8F3]
    private static let bytesOf: [UInt32: UInt8] = Dictionary(uniqueKeysWithValues: singles.map { ($1, $0) })
    private let icu: ICUConverter
    let maxCharSize = 2

    init() throws(ICUError) { icu = try ICUConverter(Charset.shiftJIS.icuName) }

    func repertoire() throws(ICUError) -> CharacterRepertoire? {
        CharacterRepertoire(try icu.roundTripRanges(), adding: Array(Self.singles.values))
    }

    /// One of the five characters ICU's table leaves out (asked before the dictionary, for every
    /// character encoded).
    private static func isSingle(_ s: UInt32) -> Bool { s == 0x80 || (s >= 0xF8F0 && s <= 0xF8F3) }

    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        guard bytes.contains(where: { Self.singles[$0] != nil }) else { return try icu.decode(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 2)
        var start = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if let scalar = Self.singles[b] {
                out += try icu.decode(Array(bytes[start..<i]))
                UTF8.append(scalar, to: &out)
                i += 1
                start = i
            } else {
                // A lead byte takes its trail (which may be 0x80 or 0xA0) with it.
                i += (0x81...0x9F).contains(b) || (0xE0...0xFC).contains(b) ? 2 : 1
            }
        }
        out += try icu.decode(Array(bytes[start..<min(i, bytes.count)]))
        return out
    }

    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var start = 0, i = 0
        while i < utf8.count {
            let (scalar, length) = UTF8.decode(utf8, at: i)
            if Self.isSingle(scalar), let byte = Self.bytesOf[scalar] {
                out += try icu.encode(Array(utf8[start..<i]))
                out.append(byte)
                start = i + length
            }
            i += length
        }
        out += try icu.encode(Array(utf8[start...]))
        return out
    }
}
