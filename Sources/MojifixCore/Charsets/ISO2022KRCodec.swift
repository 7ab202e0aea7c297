internal import MojifixICU

/// ISO-2022-KR (RFC 1557): 7-bit text with the designator `ESC $ ) C` at the start, SO (0x0E)
/// switching to KS X 1001 byte pairs (EUC-KR bytes with the high bit cleared) and SI (0x0F) back
/// to ASCII. The KS X 1001 pairs are converted by ICU's EUC-KR.
final class ISO2022KRCodec: TextCodec {
    static let designator: [UInt8] = [0x1B, 0x24, 0x29, 0x43]
    private let eucKR: ICUConverter
    let maxCharSize = 2

    init() throws(ICUError) { eucKR = try ICUConverter(Charset.eucKR.icuName) }

    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        guard bytes.starts(with: Self.designator) else { throw .illegalInput }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var i = Self.designator.count
        var shifted = false
        var pairs: [UInt8] = []
        func flush() throws(ICUError) {
            if !pairs.isEmpty { out += try eucKR.decode(pairs); pairs.removeAll(keepingCapacity: true) }
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x0E: shifted = true; i += 1
            case 0x0F: try flush(); shifted = false; i += 1
            // Some writers repeat the designator on every line (RFC 1557 allows it once per line).
            case 0x1B where !shifted && bytes[i...].starts(with: Self.designator): i += Self.designator.count
            case _ where b >= 0x80 || b == 0x1B: throw .illegalInput
            default:
                if shifted {
                    guard b >= 0x21 && b <= 0x7E, i + 1 < bytes.count, (0x21...0x7E).contains(bytes[i + 1]) else {
                        throw .illegalInput
                    }
                    pairs += [b | 0x80, bytes[i + 1] | 0x80]
                    i += 2
                } else {
                    out.append(b)
                    i += 1
                }
            }
        }
        try flush()
        return out
    }

    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        var out = Self.designator
        var shifted = false
        for scalar in UTF8.scalars(utf8) {
            if scalar < 0x80 {
                if scalar == 0x0E || scalar == 0x0F || scalar == 0x1B { throw .illegalInput }
                if shifted { out.append(0x0F); shifted = false }
                out.append(UInt8(scalar))
                continue
            }
            let pair = try eucKR.encode(UTF8.encode(scalar))
            guard pair.count == 2 else { throw .illegalInput }
            if !shifted { out.append(0x0E); shifted = true }
            out += [pair[0] & 0x7F, pair[1] & 0x7F]
        }
        if shifted { out.append(0x0F) }
        return out
    }
}
