/// The fast clean path: one pass over the bytes that says whether the text can hold mojibake at
/// all, without building any candidate.
///
/// Every UTF-8 or CP949 character misread through a single-byte charset becomes two or more
/// characters of that charset's high half side by side (lead + continuation), so text in which no
/// two such characters touch has nothing to repair. Hangul, CJK and emoji are never in those
/// alphabets, so clean Korean is skipped at close to memory speed.
internal import CMojifixScan

struct SuspicionScan {
    /// Two adjacent characters of a misreading alphabet (or one next to U+FFFD).
    var hasMojibakePair = false
    /// Conjoining Hangul jamo (U+1100-U+11FF): text that may be in macOS's decomposed form.
    var hasConjoiningJamo = false
    /// U+FFFD somewhere.
    var hasReplacementCharacter = false

    var isClean: Bool { !hasMojibakePair && !hasConjoiningJamo }
}

/// The alphabet bitmaps the scan uses, built from the misreading charsets' ICU tables.
struct SuspicionAlphabet {
    /// Bit per BMP scalar that some misreading charset shows for a byte >= 0x80.
    private let alphabet: [UInt64]
    /// Bit per capital letter that a misreading charset whose NBSP is byte A0 (a continuation)
    /// shows for a two-byte lead (C2-DF): `voilÃ le` ends a word in `à` whose NBSP byte became a
    /// space, and a capital after a lowercase letter is no clean word's end.
    private let capitals: [UInt64]

    init(tables: [SingleByteTable]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        var capitals = [UInt64](repeating: 0, count: 1024)
        for table in tables {
            for scalar in table.highScalars { bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
            guard table.byteToScalar[0xA0] == 0xA0 else { continue }
            for byte in 0xC2...0xDF {
                let scalar = table.byteToScalar[byte]
                if scalar < 0x10000 && ScalarTraits.isUppercase(scalar) { capitals[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
            }
        }
        alphabet = bits
        self.capitals = capitals
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 && alphabet[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    /// One pass over the bytes (the SIMD census kernel): UTF-8 validity, binary signs and the
    /// suspicion flags together, so clean text is read exactly once.
    func census(_ p: UnsafeBufferPointer<UInt8>) -> TextCensus {
        var result = mj_census_result()
        alphabet.withUnsafeBufferPointer { bits in
            capitals.withUnsafeBufferPointer { mj_census(p.baseAddress, p.count, bits.baseAddress, $0.baseAddress, &result) }
        }
        var census = TextCensus(validPrefix: result.valid_prefix)
        census.nulBytes = result.nul_bytes
        census.controlBytes = result.control_bytes
        census.scan = SuspicionScan(hasMojibakePair: result.has_mojibake_pair != 0,
                                    hasConjoiningJamo: result.has_conjoining_jamo != 0,
                                    hasReplacementCharacter: result.has_replacement != 0)
        return census
    }

    func scan(_ p: UnsafeBufferPointer<UInt8>) -> SuspicionScan { census(p).scan }
}

/// What one pass over the input found.
struct TextCensus {
    /// Length of the well-formed UTF-8 prefix (the whole input when valid).
    var validPrefix: Int
    var nulBytes = 0
    /// Control bytes other than white space, ESC, SO and SI (NUL included).
    var controlBytes = 0
    var scan = SuspicionScan()

    func isValidUTF8(length: Int) -> Bool { validPrefix == length }

    /// Control bytes beyond a stray one or two (`\u{1A}` left in a sentence is still text): more
    /// than 1% and at least four of them, or more than 10%.
    func looksBinary(length: Int) -> Bool {
        (controlBytes >= 4 && controlBytes * 100 > length) || controlBytes * 10 > length
    }
}
