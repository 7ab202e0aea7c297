internal import MojifixICU

/// Johab (KS X 1001 annex 3, Windows code page 1361), which ICU does not have.
///
/// Hangul is a bit field: 1 iiiii mmmmm fffff (initial, medial, final jamo codes), so all 11,172
/// syllables are computed, not looked up. Symbols and Hanja pack two KS X 1001 rows per lead byte;
/// they are moved onto EUC-KR rows and converted by ICU.
final class JohabCodec: TextCodec {
    private let eucKR: ICUConverter
    let maxCharSize = 2

    /// Compatibility jamo (offset from U+3131) of each initial consonant code 2...20.
    private static let initialCompat: [UInt32] = [0, 1, 3, 6, 7, 8, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]
    /// Compatibility jamo (offset from U+3131) of each final consonant index 1...27.
    private static let finalCompat: [UInt32] = [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21, 22, 23, 25, 26, 27, 28, 29]

    init() throws(ICUError) { eucKR = try ICUConverter(Charset.eucKR.icuName) }

    // Jamo code <-> index (Johab leaves gaps in the 5-bit medial and final codes).
    private static func medialIndex(_ code: Int) -> Int? {
        guard (3...7).contains(code) || (10...15).contains(code) || (18...23).contains(code) || (26...29).contains(code) else { return nil }
        return code - 3 - 2 * (code / 8)
    }
    private static func medialCode(_ index: Int) -> Int { [3, 10, 18, 26].enumerated().reduce(0) { acc, group in
        let sizes = [5, 6, 6, 4]
        let start = sizes[..<group.offset].reduce(0, +)
        return (start..<start + sizes[group.offset]).contains(index) ? group.element + index - start : acc
    } }
    private static func finalIndex(_ code: Int) -> Int? {
        switch code { case 1: return 0; case 2...17: return code - 1; case 19...29: return code - 2; default: return nil }
    }
    private static func finalCode(_ index: Int) -> Int { index == 0 ? 1 : index <= 16 ? index + 1 : index + 2 }

    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var i = 0
        while i < bytes.count {
            let b1 = bytes[i]
            if b1 < 0x80 { out.append(b1); i += 1; continue }
            guard i + 1 < bytes.count else { throw .illegalInput }
            let b2 = bytes[i + 1]
            i += 2
            if b1 >= 0x84 && b1 <= 0xD3 {
                UTF8.append(try hangul(Int(b1) << 8 | Int(b2)), to: &out)
            } else {
                out += try eucKR.decode(try eucPair(b1, b2))
            }
        }
        return out
    }

    private func hangul(_ code: Int) throws(ICUError) -> UInt32 {
        let i = (code >> 10) & 0x1F, m = (code >> 5) & 0x1F, f = code & 0x1F
        switch (i, m, f) {
        case (2...20, _, _) where Self.medialIndex(m) != nil && Self.finalIndex(f) != nil:
            let syllable = ((i - 2) * 21 + Self.medialIndex(m)!) * 28 + Self.finalIndex(f)!
            return 0xAC00 + UInt32(syllable)
        case (2...20, 2, 1): return 0x3131 + Self.initialCompat[i - 2]         // lone initial consonant
        case (1, 2, _) where (Self.finalIndex(f) ?? 0) > 0: return 0x3131 + Self.finalCompat[Self.finalIndex(f)! - 1]
        case (1, _, 1) where Self.medialIndex(m) != nil: return 0x314F + UInt32(Self.medialIndex(m)!)  // lone vowel
        default: throw .illegalInput
        }
    }

    /// A symbol or Hanja pair moved onto its EUC-KR row (two KS X 1001 rows per Johab lead byte).
    private func eucPair(_ b1: UInt8, _ b2: UInt8) throws(ICUError) -> [UInt8] {
        let rowBase: Int
        switch b1 {
        case 0xD9...0xDE: rowBase = 0xA1 + 2 * Int(b1 - 0xD9)
        case 0xE0...0xF9: rowBase = 0xCA + 2 * Int(b1 - 0xE0)
        default: throw .illegalInput
        }
        switch b2 {
        case 0x31...0x7E: return [UInt8(rowBase), UInt8(0xA1 + Int(b2) - 0x31)]
        case 0x91...0xA0: return [UInt8(rowBase), UInt8(0xA1 + 78 + Int(b2) - 0x91)]
        case 0xA1...0xFE: return [UInt8(rowBase + 1), b2]
        default: throw .illegalInput
        }
    }

    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in UTF8.scalars(utf8) {
            if scalar < 0x80 { out.append(UInt8(scalar)); continue }
            var code: Int? = nil
            if ScalarTraits.isHangulSyllable(scalar) {
                let s = Int(scalar - 0xAC00)
                code = 0x8000 | (s / 588 + 2) << 10 | Self.medialCode((s % 588) / 28) << 5 | Self.finalCode(s % 28)
            } else if scalar >= 0x3131 && scalar <= 0x3163 {
                let offset = scalar - 0x3131
                if let i = Self.initialCompat.firstIndex(of: offset) {
                    code = 0x8000 | (i + 2) << 10 | 2 << 5 | 1
                } else if let f = Self.finalCompat.firstIndex(of: offset) {
                    code = 0x8000 | 1 << 10 | 2 << 5 | Self.finalCode(f + 1)
                } else if offset >= 30 {
                    code = 0x8000 | 1 << 10 | Self.medialCode(Int(offset) - 30) << 5 | 1
                }
            }
            if let code { out += [UInt8(code >> 8), UInt8(code & 0xFF)]; continue }
            let pair = try eucKR.encode(UTF8.encode(scalar))
            guard pair.count == 2 else { throw .illegalInput }
            let (e1, e2) = (Int(pair[0]), Int(pair[1]))
            let lead: Int, second: Bool
            switch e1 {
            case 0xA1...0xAC: lead = 0xD9 + (e1 - 0xA1) / 2; second = (e1 - 0xA1) % 2 == 1
            case 0xCA...0xFD: lead = 0xE0 + (e1 - 0xCA) / 2; second = (e1 - 0xCA) % 2 == 1
            default: throw .illegalInput
            }
            let column = e2 - 0xA1
            let trail = second ? e2 : column < 78 ? 0x31 + column : 0x91 + column - 78
            out += [UInt8(lead), UInt8(trail)]
        }
        return out
    }
}
