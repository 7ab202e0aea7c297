internal import MojifixICU

/// CP437 as Unicode's CP437.TXT, Windows, Python and Java have it. ICU's `ibm-437` reads 0xE6 as
/// Greek mu (U+03BC) where all of them give the micro sign (U+00B5), so every UTF-8 character
/// holding byte E6 (文 日 是, a sixteenth of the common ideographs) that a Windows tool showed as
/// CP437 would keep its `µ`. ICU's table with that one byte changed, strict both ways (μ then has
/// no byte, so every conversion stays invertible).
final class CP437Codec: TextCodec {
    private static let mu: [UInt8] = [0xCE, 0xBC], micro: [UInt8] = [0xC2, 0xB5]
    private let icu: ICUConverter
    let maxCharSize = 1

    init() throws(ICUError) { icu = try ICUConverter(Charset.cp437.icuName) }

    func decode(_ bytes: [UInt8]) throws(ICUError) -> [UInt8] {
        let utf8 = try icu.decode(bytes)
        return bytes.contains(0xE6) ? Self.replacing(Self.mu, with: Self.micro, in: utf8) : utf8
    }

    func encode(_ utf8: [UInt8]) throws(ICUError) -> [UInt8] {
        // In valid UTF-8 these two byte pairs only ever spell the two characters.
        if Self.contains(Self.mu, in: utf8) { throw .illegalInput }
        return try icu.encode(Self.replacing(Self.micro, with: Self.mu, in: utf8))
    }

    private static func contains(_ pair: [UInt8], in utf8: [UInt8]) -> Bool {
        utf8.indices.dropLast().contains { utf8[$0] == pair[0] && utf8[$0 + 1] == pair[1] }
    }

    private static func replacing(_ pair: [UInt8], with other: [UInt8], in utf8: [UInt8]) -> [UInt8] {
        var out = utf8
        var i = 0
        while i + 1 < out.count {
            if out[i] == pair[0] && out[i + 1] == pair[1] { out[i] = other[0]; out[i + 1] = other[1]; i += 2 } else { i += 1 }
        }
        return out
    }
}
