internal import MojifixICU

/// ICU's CP949 (`windows-949`) double-byte mapping, asked pair by pair and cached, plus the set of
/// the 2,350 KS X 1001 Hangul syllables (EUC-KR's repertoire), read from ICU in one decode.
final class CP949Table {
    private let converter: ICUConverter
    /// Pair (lead << 8 | trail) -> scalar + 1; 0 = not asked yet; `invalid` = no exact mapping.
    // (Unchecked: one table per Repairer, used by one thread at a time; the runtime check of
    // each access was 1% of a JSON Lines run.)
    @exclusivity(unchecked) private var cache = [UInt32](repeating: 0, count: 0x10000)
    private static let invalid: UInt32 = 0xFFFF_FFFF
    /// Bit per Hangul syllable (U+AC00...U+D7A3) that KS X 1001 has.
    private let ksx1001Hangul: [UInt64]

    init() throws(ICUError) {
        converter = try ICUConverter(Charset.windows949.icuName)
        // EUC-KR rows 0xB0-0xC8, columns 0xA1-0xFE are exactly the 2,350 KS X 1001 syllables.
        var pairs: [UInt8] = []
        for lead in UInt8(0xB0)...0xC8 { for trail in UInt8(0xA1)...0xFE { pairs += [lead, trail] } }
        let eucKR = try ICUConverter(Charset.eucKR.icuName)
        var bits = [UInt64](repeating: 0, count: (11172 + 63) / 64)
        for scalar in UTF8.scalars(try eucKR.decode(pairs)) where (0xAC00...0xD7A3).contains(scalar) {
            let index = Int(scalar - 0xAC00)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        ksx1001Hangul = bits
    }

    @inline(__always)
    static func isLead(_ b: UInt8) -> Bool { b >= 0x81 && b <= 0xFE }

    @inline(__always)
    static func isTrail(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x81 && b <= 0xFE)
    }

    /// The scalar CP949 maps the pair to, or nil.
    /// (The cached answer inline: the call was 1.7% of a JSON Lines run of garbled records.)
    @inline(__always)
    func scalar(lead: UInt8, trail: UInt8) -> UInt32? {
        guard Self.isLead(lead), Self.isTrail(trail) else { return nil }
        let key = Int(lead) << 8 | Int(trail)
        var cached = cache[key]
        if cached == 0 { cached = ask(lead, trail) }
        return cached == Self.invalid ? nil : cached - 1
    }

    /// Asks ICU for a pair not asked yet and caches the answer.
    @inline(never)
    private func ask(_ lead: UInt8, _ trail: UInt8) -> UInt32 {
        var cached = Self.invalid
        if let utf8 = try? converter.decode([lead, trail]) {
            let scalars = UTF8.scalars(utf8)
            // Exact both ways: the pair must be what ICU encodes the scalar to.
            if scalars.count == 1, (try? converter.encode(utf8)) == [lead, trail] { cached = scalars[0] + 1 }
        }
        cache[Int(lead) << 8 | Int(trail)] = cached
        return cached
    }

    /// The pair CP949 encodes `scalar` to, through ICU (cached), or nil.
    func pair(for scalar: UInt32) -> (UInt8, UInt8)? {
        if let cached = pairCache[scalar] { return cached.map { (UInt8($0 >> 8), UInt8($0 & 0xFF)) } }
        var result: UInt16? = nil
        if let bytes = try? converter.encode(UTF8.encode(scalar)), bytes.count == 2,
           self.scalar(lead: bytes[0], trail: bytes[1]) == scalar {
            result = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        }
        pairCache[scalar] = .some(result)
        return result.map { (UInt8($0 >> 8), UInt8($0 & 0xFF)) }
    }
    private var pairCache: [UInt32: UInt16?] = [:]

    /// True for the 2,350 Hangul syllables of KS X 1001, the ones modern Korean text uses.
    @inline(__always)
    func isKSX1001Hangul(_ scalar: UInt32) -> Bool {
        guard scalar >= 0xAC00 && scalar <= 0xD7A3 else { return false }
        let index = Int(scalar - 0xAC00)
        return ksx1001Hangul[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
