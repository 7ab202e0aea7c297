internal import MojifixICU

/// A strict, invertible conversion between a charset and UTF-8.
protocol TextCodec: AnyObject {
    /// Charset bytes to UTF-8.
    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8]
    /// UTF-8 to charset bytes.
    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8]
    /// Largest number of bytes one character takes.
    var maxCharSize: Int { get }
    /// The characters it maps both ways, when known (nil: ask `encode`).
    func repertoire() throws(ICUError) -> CharacterRepertoire?
}

extension TextCodec {
    func repertoire() throws(ICUError) -> CharacterRepertoire? { nil }
}

extension ICUConverter: TextCodec {
    func repertoire() throws(ICUError) -> CharacterRepertoire? { CharacterRepertoire(try roundTripRanges()) }
}

enum TextCodecs {
    /// ICU's converter for a charset, except the two Korean forms ICU lacks or reads differently
    /// from every other implementation (ISO-2022-KR reads 0x5C as ₩; Johab is absent), and
    /// ISO-8859-16, which ICU's data lacks, CP437, whose 0xE6 ICU reads unlike everyone else, CP932,
    /// whose five single bytes Windows maps ICU leaves out, and CESU-8 mixed with real UTF-8, which
    /// ICU rejects. The Korean ones are shift-state and bit-field wrappers around ICU's EUC-KR table.
    static func codec(for charset: Charset) throws(ICUError) -> TextCodec {
        switch charset {
        case .iso2022KR: return try ISO2022KRCodec()
        case .johab: return try JohabCodec()
        case ISO885916Codec.charset: return ISO885916Codec()
        case CESU8Codec.charset: return CESU8Codec()
        case .cp437: return try CP437Codec()
        case .shiftJIS: return try WindowsCP932Codec()
        default: return try ICUConverter(charset.icuName)
        }
    }
}
