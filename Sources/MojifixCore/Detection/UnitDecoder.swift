/// Finds, for one misreading, every place where characters of the shown charset re-encode to a
/// well-formed character of the actual charset. Characters that do not fit stay as they are.
/// (A class: every reading holds its decoder, and copying a struct of tables retained each one.)
final class UnitDecoder {
    let misreading: Misreading
    let table: SingleByteTable
    let cp949: CP949Table
    /// Bytes a U+FFFD may stand for: those a Windows code page leaves undefined, which strict
    /// decoders replace (0x81 0x8D 0x8F 0x90 0x9D in Windows-1252, 0x81 0x83 0x88 0x90 0x98 in
    /// Windows-1250, 0x98 in Windows-1251, 0xA1 0xA5 among others in Windows-1257). ISO-8859
    /// charsets define every byte (C1 controls).
    let replacementBytes: [UInt8]
    /// The byte that shows as NBSP, which editors often turn into a plain space (lost on the way).
    let nbspByte: Int
    /// Whether some ASCII character's byte in the table is a CP949 lead: when none is, a CP949
    /// decoder passes over an ASCII character met with no lead waiting (it neither ends nor starts a pair).
    let asciiMayLead: Bool

    init(misreading: Misreading, table: SingleByteTable, cp949: CP949Table) {
        self.misreading = misreading
        self.table = table
        self.cp949 = cp949
        // (ICU passes some of them through as the C1 control of the same value.)
        replacementBytes = misreading.shownAs.icuName.hasPrefix("windows-125")
            ? (0x80...0xFF).filter { table.byteToScalar[$0] == SingleByteTable.unmapped || ($0 < 0xA0 && table.byteToScalar[$0] == UInt32($0)) }
                .map(UInt8.init)
            : []
        nbspByte = table.byte(for: 0xA0).map(Int.init) ?? -1
        asciiMayLead = (0..<UInt32(0x80)).contains { table.byte(for: $0).map(CP949Table.isLead) ?? false }
    }

    func units(in p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [DecodedUnit] {
        misreading.actual == .windows949 ? cp949Units(p, range) : utf8Units(p, range)
    }

    // MARK: UTF-8

    private func utf8Units(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [DecodedUnit] {
        // The table's direct half read through a pointer taken once: each character looks its
        // byte up in it, and reaching it through the table object each time was most of the loop.
        table.scalarToByte.withUnsafeBufferPointer { direct in utf8Units(p, range, direct) }
    }

    private func utf8Units(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ direct: UnsafeBufferPointer<Int16>) -> [DecodedUnit] {
        var units: [DecodedUnit] = []
        var i = range.lowerBound
        let n = range.upperBound
        guard let base = p.baseAddress else { return units }
        var sequence = UTF8Sequence()
        while i < n {
            let b0 = p[i]
            if sequence.need == 0 && b0 < 0x80 {
                i += 1
                while i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                continue
            }
            let (scalar, length) = b0 < 0x80 ? (UInt32(b0), 1) : UTF8.decode(p, at: i)
            let byte: Int = b0 < 0x80 ? Int(b0)
                : scalar < UInt32(direct.count) ? Int(direct[Int(scalar)]) : table.byte(for: scalar).map(Int.init) ?? -1
            i = step(&sequence, scalar, length, byte: byte, at: i, p, end: n, &units)
        }
        return units
    }

    /// The UTF-8 sequence being collected: its bytes (0 marks a U+FFFD wildcard) and where it started.
    struct UTF8Sequence {
        var bytes: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var count = 0, need = 0, start = 0
        var wildcards = 0
        var guessedSpace = false
        /// The sequence's second character (a `?` after a sign may be a lost byte, below).
        var second: UInt32 = 0
    }

    /// Takes the character at `i` (`scalar`, `length` bytes of the text, `byte` in the table: -1
    /// for none, itself for ASCII) into `sequence`, appending the unit it completes; returns where
    /// the next character to take starts. Every character the loop skips is ASCII met with no
    /// sequence open, which this would only pass over.
    @inline(__always)
    func step(_ sequence: inout UTF8Sequence, _ scalar: UInt32, _ length: Int, byte: Int, at i: Int,
              _ p: UnsafeBufferPointer<UInt8>, end n: Int, _ units: inout [DecodedUnit]) -> Int {
        if sequence.need > 0 && sequence.count == 1 && sequence.bytes.0 == 0xED && (0xA0...0xAF).contains(byte),
           let unit = surrogatePair(p, at: sequence.start, end: n) {
            // CESU-8 (a surrogate pair, six bytes) misread the same way: one character.
            units.append(unit)
            sequence.need = 0
            return unit.end
        }
        if sequence.need > 0 {
            let allowed = sequence.count == 1 ? UTF8.secondByteRange(lead: sequence.bytes.0) : 0x80...0xBF
            var next: UInt8? = nil
            if byte >= 0, allowed.contains(UInt8(byte)) {
                next = UInt8(byte)
            } else if scalar == 0xFFFD || (scalar == 0x3F && sequence.count == 2 && sequence.bytes.0 == 0xE2 && Self.isSign(sequence.second)),
                      replacementBytes.contains(where: allowed.contains) {
                // (Converters also write `?` for a byte they cannot map: `â€?` is `”` that lost
                // its last byte. Only third after lead E2 (punctuation, arrows, symbols) and a
                // sign: `café…?` is a question, `Nestlé®?` too.)
                next = 0
                sequence.wildcards += 1
            } else if scalar == 0x20, nbspByte >= 0, allowed.contains(UInt8(nbspByte)) {
                next = UInt8(nbspByte)
                sequence.guessedSpace = true
            }
            if let next {
                if sequence.count == 1 { sequence.second = scalar }
                withUnsafeMutableBytes(of: &sequence.bytes) { $0[sequence.count] = next }
                sequence.count += 1
                sequence.need -= 1
                if sequence.need == 0 {
                    if let unit = finishUTF8(sequence.bytes, sequence.count, start: sequence.start, end: i + length,
                                             wildcards: sequence.wildcards, guessedSpace: sequence.guessedSpace) {
                        units.append(unit)
                    }
                }
                return i + length
            }
            sequence.need = 0  // broken sequence: its characters stay; this one may start another
        }
        if byte >= 0xC2 && byte <= 0xF4 {
            sequence.bytes = (UInt8(byte), 0, 0, 0)
            sequence.count = 1
            sequence.need = UTF8.sequenceLength(lead: UInt8(byte)) - 1
            sequence.start = i
            sequence.wildcards = 0
            sequence.guessedSpace = false
        }
        return i + length
    }

    /// A symbol or a C1 control: no word ends with one.
    private static func isSign(_ s: UInt32) -> Bool { ScalarTraits.isC1Control(s) || ScalarTraits.isSymbol(s) }

    /// Six characters from `start` whose bytes are a CESU-8 surrogate pair.
    private func surrogatePair(_ p: UnsafeBufferPointer<UInt8>, at start: Int, end n: Int) -> DecodedUnit? {
        var bytes: [UInt8] = []
        var i = start
        while bytes.count < 6 && i < n {
            let (scalar, length) = UTF8.decode(p, at: i)
            guard let byte = scalar < 0x80 ? nil : table.byte(for: scalar) else { return nil }
            bytes.append(byte)
            i += length
        }
        guard bytes.count == 6, let scalar = CESU8Surrogates.pair(bytes, at: 0) else { return nil }
        return DecodedUnit(start: start, end: i, scalar: scalar, width: 6)
    }

    private func finishUTF8(_ bytes: (UInt8, UInt8, UInt8, UInt8), _ count: Int, start: Int, end: Int,
                            wildcards: Int, guessedSpace: Bool) -> DecodedUnit? {
        if wildcards == 0 {
            // `count` is the length the lead announces, the length `decode` reads.
            let scalar = withUnsafeBytes(of: bytes) { UTF8.decode($0.assumingMemoryBound(to: UInt8.self), at: 0).scalar }
            return DecodedUnit(start: start, end: end, scalar: scalar, width: count, lossy: guessedSpace, spaceLost: guessedSpace)
        }
        let packed = withUnsafeBytes(of: bytes) { raw in (0..<count).reduce(UInt32(0)) { $0 | UInt32(raw[$1]) << (8 * UInt32($1)) } }
        // Each U+FFFD hides one of the replaced bytes: every choice that forms valid UTF-8 is kept.
        let choices = DecodedUnit.choices(packed, width: count, replaced: replacementBytes)
        guard let first = choices.first else { return nil }
        return DecodedUnit(start: start, end: end, scalar: first, width: count, lossy: true, guessedBytes: packed,
                           choiceCount: choices.count)
    }

    // MARK: CP949

    private func cp949Units(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [DecodedUnit] {
        var units: [DecodedUnit] = []
        forEachCP949Unit(p, range, &units) { units, unit, _ in units.append(unit) }
        return units
    }

    /// Each unit of a CP949 reading, in order, with its pair (lead << 8 | trail), handed over
    /// without being kept (`ReadingBound` weighs a reading before it is worth keeping), with
    /// what `body` keeps of them (`state`: a variable `body` captured was boxed on the heap).
    @inline(__always)
    func forEachCP949Unit<State>(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ state: inout State,
                                 _ body: (inout State, DecodedUnit, Int) -> Void) {
        var i = range.lowerBound
        var lead = CP949Lead()
        while i < range.upperBound {
            let (scalar, length) = UTF8.decode(p, at: i)
            step(&lead, byte: table.byte(for: scalar).map(Int.init) ?? -1, at: i, length, &state, body)
            i += length
        }
    }

    /// A CP949 lead byte waiting for its trail (`byte` -1: none) and where it started.
    struct CP949Lead {
        var byte = -1, start = 0
    }

    /// Takes the character at `i`, whose byte in the table is `byte` (-1: none), after `lead`.
    @inline(__always)
    func step<State>(_ lead: inout CP949Lead, byte: Int, at i: Int, _ length: Int, _ state: inout State,
                     _ body: (inout State, DecodedUnit, Int) -> Void) {
        if lead.byte >= 0 {
            if byte >= 0, let decoded = cp949.scalar(lead: UInt8(lead.byte), trail: UInt8(byte)) {
                body(&state, DecodedUnit(start: lead.start, end: i + length, scalar: decoded, width: 2), lead.byte << 8 | byte)
                lead.byte = -1
                return
            }
            lead.byte = -1
        }
        if byte >= 0x81 && byte <= 0xFE {
            lead = CP949Lead(byte: byte, start: i)
        }
    }
}
