/// The characters a charset maps both ways (what a strict encode and decode accept), asked about
/// one by one without a call into ICU: a bit per BMP character. Beyond the BMP the answer is
/// "maybe" and the converter decides.
struct CharacterRepertoire {
    private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)

    init(_ ranges: [ClosedRange<UInt32>], adding extra: [UInt32] = []) {
        for range in ranges where range.lowerBound < 0x10000 {
            for s in range.lowerBound...min(range.upperBound, 0xFFFF) { bits[Int(s >> 6)] |= 1 << UInt64(s & 63) }
        }
        for s in extra where s < 0x10000 { bits[Int(s >> 6)] |= 1 << UInt64(s & 63) }
    }

    /// Whether the charset may have `s`: false only when it surely has not.
    func mayHold(_ s: UInt32) -> Bool {
        s >= 0x10000 || bits[Int(s >> 6)] >> UInt64(s & 63) & 1 != 0
    }

    /// Whether the charset may have every character of `range` of the UTF-8 text `text`.
    func mayHoldAll(_ text: [UInt8], _ range: Range<Int>) -> Bool {
        text.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            while i < range.upperBound {
                let (s, length) = UTF8.decode(p, at: i)
                guard mayHold(s) else { return false }
                i += length
            }
            return true
        }
    }
}
