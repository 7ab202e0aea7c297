/// The fast clean path: one pass over the bytes that says whether the text can hold mojibake at
/// all, without building any candidate.
///
/// Every UTF-8 or CP949 character misread through a single-byte charset becomes two or more
/// characters of that charset's high half side by side (lead + continuation), so text in which no
/// two such characters touch has nothing to repair. Hangul, CJK and emoji are never in those
/// alphabets, so clean Korean is skipped at close to memory speed.
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
    /// Bit per 64-scalar block holding anything the scan reacts to (alphabet, jamo, U+FFFD).
    private let interestingBlocks: [UInt64]

    init(tables: [SingleByteTable]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        for table in tables {
            for scalar in table.highScalars { bits[Int(scalar >> 6)] |= 1 << UInt64(scalar & 63) }
        }
        var blocks = [UInt64](repeating: 0, count: 16)
        func mark(_ block: Int) { blocks[block >> 6] |= 1 << UInt64(block & 63) }
        for block in 0..<1024 where bits[block] != 0 { mark(block) }
        for scalar in UInt32(0x1100)...0x11FF { mark(Int(scalar >> 6)) }
        mark(0xFFFD >> 6)
        alphabet = bits
        interestingBlocks = blocks
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        scalar < 0x10000 && alphabet[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0
    }

    func scan(_ p: UnsafeBufferPointer<UInt8>) -> SuspicionScan {
        var result = SuspicionScan()
        var previousWasAlphabet = false
        var i = 0
        let n = p.count
        guard let base = p.baseAddress else { return result }
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                previousWasAlphabet = false
                i += 1
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                continue
            }
            let block: Int
            let length: Int
            if b0 < 0xE0 {
                block = Int(b0 & 0x1F); length = 2
            } else if b0 < 0xF0 {
                block = Int(b0 & 0x0F) << 6 | Int(p[i + 1] & 0x3F); length = 3
            } else {
                previousWasAlphabet = false
                i += 4
                continue
            }
            if interestingBlocks[block >> 6] & (1 << UInt64(block & 63)) == 0 {
                previousWasAlphabet = false
                i += length
                continue
            }
            let scalar = UTF8.decode(p, at: i).scalar
            i += length
            if scalar == 0xFFFD {
                result.hasReplacementCharacter = true
                if previousWasAlphabet { result.hasMojibakePair = true }
                continue
            }
            if scalar >= 0x1100 && scalar <= 0x11FF {
                result.hasConjoiningJamo = true
                previousWasAlphabet = false
                continue
            }
            let isAlphabet = contains(scalar)
            if isAlphabet && previousWasAlphabet { result.hasMojibakePair = true }
            previousWasAlphabet = isAlphabet
            if result.hasMojibakePair && result.hasConjoiningJamo { break }
        }
        return result
    }
}
