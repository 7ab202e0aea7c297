internal import MojifixICU

/// The mapping of one single-byte, ASCII-compatible charset, mirrored into lookup tables once
/// (256 decodes through the charset's codec, each checked by an encode: ICU's converter, or the
/// few fixes of TextCodecs) so the detector can test every character cheaply. The tables hold
/// only mappings the codec converts exactly both ways; nothing is hand-written.
final class SingleByteTable: Sendable {
    static let unmapped: UInt32 = 0xFFFF_FFFF

    let charset: Charset
    /// Byte -> scalar, `unmapped` where ICU has no exact mapping.
    let byteToScalar: [UInt32]
    /// Scalar -> byte below `directLimit`, -1 where the charset cannot encode it; the few
    /// scalars above it (Mac Roman's ligatures, CP437's symbols) in `rareScalarToByte`. A table
    /// of the whole BMP per charset was 2 MB to clear at each start.
    let scalarToByte: [Int16]
    let rareScalarToByte: [UInt32: UInt8]
    /// The smallest and largest of those (Hangul and CJK, which no table holds, skip the lookup).
    private let rareLow: UInt32, rareHigh: UInt32
    static let directLimit = 0x2600

    init(_ charset: Charset) throws(ICUError) {
        let converter = try TextCodecs.codec(for: charset)
        var toScalar = [UInt32](repeating: Self.unmapped, count: 256)
        var toByte = [Int16](repeating: -1, count: Self.directLimit)
        var rare: [UInt32: UInt8] = [:]
        for byte in 0..<256 {
            guard let utf8 = try? converter.decode([UInt8(byte)]) else { continue }
            let scalars = UTF8.scalars(utf8)
            guard scalars.count == 1, scalars[0] < 0x10000,
                  scalars[0] < Self.directLimit ? toByte[Int(scalars[0])] < 0 : rare[scalars[0]] == nil else { continue }
            // Keep only what encodes back to the same byte (Documentation/ICU.md: verify every step).
            guard (try? converter.encode(utf8)) == [UInt8(byte)] else { continue }
            // The detector treats ASCII as passing through unchanged; a charset must agree.
            if byte < 0x80 && scalars[0] != UInt32(byte) { continue }
            toScalar[byte] = scalars[0]
            if scalars[0] < Self.directLimit { toByte[Int(scalars[0])] = Int16(byte) } else { rare[scalars[0]] = UInt8(byte) }
        }
        self.charset = charset
        self.byteToScalar = toScalar
        self.scalarToByte = toByte
        self.rareScalarToByte = rare
        rareLow = rare.keys.min() ?? 1
        rareHigh = rare.keys.max() ?? 0
    }

    /// The byte for `scalar`, or nil if the charset has none.
    @inline(__always)
    func byte(for scalar: UInt32) -> UInt8? {
        guard scalar < Self.directLimit else { return scalar >= rareLow && scalar <= rareHigh ? rareScalarToByte[scalar] : nil }
        let b = scalarToByte[Int(scalar)]
        return b < 0 ? nil : UInt8(b)
    }

    /// Scalars this charset shows for bytes 0x80-0xFF: the alphabet its mojibake is made of.
    var highScalars: [UInt32] {
        byteToScalar[0x80...].filter { $0 != Self.unmapped }
    }
}

extension SingleByteTable {
    /// The table of every misreading charset, built once per process: a repairer per thread
    /// shares them (only `let`s, read-only once built; the converters that build them are not
    /// shared, they are dropped here).
    static func ofMisreadings() throws(ICUError) -> [Charset: SingleByteTable] {
        try misreadingTables.get()
    }

    private static let misreadingTables = Result { () throws(ICUError) -> [Charset: SingleByteTable] in
        var tables: [Charset: SingleByteTable] = [:]
        for charset in Charset.misreadings { tables[charset] = try SingleByteTable(charset) }
        return tables
    }
}
