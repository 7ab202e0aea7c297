/// Which misreadings' decoders can find any unit in a text, and which find exactly the same units,
/// from one pass over its characters instead of one decode per misreading (a short record paid
/// for sixteen decodes, most of them finding nothing).
///
/// A decoder's units depend on the text only through the bytes its table gives the text's
/// non-ASCII characters (ASCII passes as itself), its NBSP byte (a space may be a lost NBSP), the
/// bytes a U+FFFD (or a `?` after a lead and a sign) may hide (only where the text holds one) and, for CP949, its table's ASCII:
/// - a UTF-8 decoder finds a unit only where a character whose byte is a lead (C2-F4) is followed
///   right away by one whose byte can come second (80-BF; a space when the NBSP byte can, a
///   U+FFFD when a hidden byte can), a CP949 one only at a character whose byte is a lead (81-FE):
///   a text holding no such place for a decoder gives it no unit;
/// - two decoders of the same actual charset that agree on all of the above for this text's
///   characters decode it to the same units, which score alike too (`UnitScoring` reads only the
///   units, the text and the actual charset).
struct ReadingSieve {
    private let decoders: Int
    /// Per scalar below `SingleByteTable.directLimit`, its row (0: no table has it, so every table
    /// gives it no byte alike); the rest in `rareRows`.
    private let rowOfScalar: [UInt16]
    private let rareRows: [UInt32: Int]
    private let rareLow: UInt32, rareHigh: UInt32
    /// Per row, the UTF-8 decoders for which its character starts a sequence, those for which it
    /// can come second in one, and the CP949 decoders for which it is a lead byte.
    private let leads: [UInt64]
    private let follows: [UInt64]
    /// Per row, the UTF-8 decoders for which its character can come second and is a sign (a
    /// symbol or a C1 control), after which a `?` may hide a byte (see `UnitDecoder`).
    private let signFollows: [UInt64]
    private let cp949Leads: [UInt64]
    /// The UTF-8 decoders for which a space may be a lost NBSP second in a sequence, and those
    /// for which a U+FFFD may hide a byte there.
    private let spaceFollows: UInt64
    private let replacementFollows: UInt64
    /// Per row, each decoder's byte for it (-1: none), `decoders` entries a row.
    private let bytes: [Int16]
    /// The same by decoder: each decoder's bytes of every row in a row (what `SiftedCharacters` reads).
    private let columns: [Int16]
    /// Per decoder, the decoders that decode alike whatever the text when their tables agree on
    /// its characters (the same actual charset and NBSP byte, and the same ASCII for CP949), and
    /// those that also hide the same bytes behind a U+FFFD.
    private let alike: [UInt64]
    private let alikeWithReplacement: [UInt64]
    /// Per row, the decoders whose table has a byte for its character.
    private let mapped: [UInt64]

    /// What the sieve finds in one text.
    /// (A class: the pass reads it for every decoder, and each copy of a struct of three arrays
    /// retained them all, a cost a short record felt.)
    final class Sifted {
        /// Bit k: decoder k may find units (a decoder without its bit finds none).
        let mayDecode: UInt64
        /// Per decoder, the first decoder that decodes the text exactly like it (itself if none).
        let twin: [Int]
        /// What the decoders read of the text (see `SiftedCharacters`).
        let characters: SiftedCharacters
        /// Bit k: decoder k's table has a byte for every non-ASCII character of the text (none
        /// when a character is in no table, or the text holds a U+FFFD).
        let complete: UInt64
        /// The bytes the text's non-ASCII characters take.
        let nonASCIIBytes: Int

        init(mayDecode: UInt64, twin: [Int], characters: SiftedCharacters, complete: UInt64, nonASCIIBytes: Int) {
            self.mayDecode = mayDecode
            self.twin = twin
            self.characters = characters
            self.complete = complete
            self.nonASCIIBytes = nonASCIIBytes
        }
    }

    /// At most 64 decoders (one bit each).
    init?(_ decoders: [UnitDecoder]) {
        guard decoders.count <= 64 else { return nil }
        self.decoders = decoders.count
        var scalars = Set<UInt32>()
        for decoder in decoders {
            for s in decoder.table.byteToScalar[0x80...] where s != SingleByteTable.unmapped { scalars.insert(s) }
        }
        let ordered = scalars.sorted()
        var rowOfScalar = [UInt16](repeating: 0, count: SingleByteTable.directLimit)
        var rareRows: [UInt32: Int] = [:]
        var leads: [UInt64] = [0], follows: [UInt64] = [0], cp949Leads: [UInt64] = [0], signFollows: [UInt64] = [0], mapped: [UInt64] = [0]
        var bytes = [Int16](repeating: -1, count: decoders.count)
        for (n, s) in ordered.enumerated() {
            let row = n + 1
            if s < UInt32(SingleByteTable.directLimit) { rowOfScalar[Int(s)] = UInt16(row) } else { rareRows[s] = row }
            var lead: UInt64 = 0, second: UInt64 = 0, cp949Lead: UInt64 = 0
            for (k, decoder) in decoders.enumerated() {
                let byte = decoder.table.byte(for: s).map(Int16.init) ?? -1
                bytes.append(byte)
                if decoder.misreading.actual == .windows949 {
                    if (0x81...0xFE).contains(byte) { cp949Lead |= 1 << UInt64(k) }
                } else {
                    if (0xC2...0xF4).contains(byte) { lead |= 1 << UInt64(k) }
                    if (0x80...0xBF).contains(byte) { second |= 1 << UInt64(k) }
                }
            }
            mapped.append(decoders.indices.reduce(UInt64(0)) { mask, k in bytes[bytes.count - decoders.count + k] >= 0 ? mask | 1 << UInt64(k) : mask })
            leads.append(lead)
            follows.append(second)
            signFollows.append(ScalarTraits.isC1Control(s) || ScalarTraits.isSymbol(s) ? second : 0)
            cp949Leads.append(cp949Lead)
        }
        self.rowOfScalar = rowOfScalar
        self.rareRows = rareRows
        rareLow = rareRows.keys.min() ?? 1
        rareHigh = rareRows.keys.max() ?? 0
        self.leads = leads
        self.follows = follows
        self.signFollows = signFollows
        self.cp949Leads = cp949Leads
        self.mapped = mapped
        func utf8Decoders(_ test: (UnitDecoder) -> Bool) -> UInt64 {
            decoders.enumerated().reduce(UInt64(0)) { mask, entry in
                entry.element.misreading.actual != .windows949 && test(entry.element) ? mask | 1 << UInt64(entry.offset) : mask
            }
        }
        spaceFollows = utf8Decoders { (0x80...0xBF).contains($0.nbspByte) }
        replacementFollows = utf8Decoders { $0.replacementBytes.contains { (0x80...0xBF).contains($0) } }
        self.bytes = bytes
        columns = (0..<decoders.count).flatMap { k in leads.indices.map { bytes[$0 * decoders.count + k] } }
        let alike = decoders.map { a in
            decoders.enumerated().reduce(UInt64(0)) { mask, entry in
                let b = entry.element
                let same = a.misreading.actual == b.misreading.actual && a.nbspByte == b.nbspByte
                    && (a.misreading.actual != .windows949 || (0..<UInt32(128)).allSatisfy { a.table.byte(for: $0) == b.table.byte(for: $0) })
                return same ? mask | 1 << UInt64(entry.offset) : mask
            }
        }
        self.alike = alike
        alikeWithReplacement = decoders.enumerated().map { k, a in
            decoders.enumerated().reduce(UInt64(0)) { mask, entry in
                entry.element.replacementBytes == a.replacementBytes ? mask | (alike[k] & 1 << UInt64(entry.offset)) : mask
            }
        }
    }

    @inline(__always)
    private func row(_ s: UInt32) -> Int {
        s < UInt32(SingleByteTable.directLimit) ? Int(rowOfScalar[Int(s)]) : s >= rareLow && s <= rareHigh ? rareRows[s] ?? 0 : 0
    }

    /// The characters of `range` (a decoder's range: from a character boundary, whole characters).
    func sift(_ p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Sifted {
        var seen = [UInt64](repeating: 0, count: (leads.count + 63) / 64)
        var mayDecode: UInt64 = 0
        var replacement = false
        var unmapped = false  // a non-ASCII character no table has
        var nonASCIIBytes = 0
        var previous = 0  // the row of the character before, 0 after ASCII
        var i = range.lowerBound
        let n = range.upperBound
        var characters = SiftedCharacters(columns: columns, rows: leads.count, end: n)
        // Room for a character per two bytes up front (a non-ASCII character takes two or more),
        // instead of a copy per doubling; a list of much ASCII after such characters grows on.
        characters.list.reserveCapacity(range.count / 2)
        // ASCII characters listed since the last non-ASCII one (3: none more to list).
        var asciiListed = 3
        var lead = 0  // the index in the list of the character before, when it is non-ASCII and listed
        if let base = p.baseAddress {
            while i < n {
                if p[i] < 0x80 {
                    if asciiListed < 3 {
                        characters.list.append(.init(start: Int32(i), scalar: UInt32(p[i]), row: 0, length: 1))
                        asciiListed = p[i] == 0x20 || p[i] == 0x3F ? asciiListed + 1 : 3
                    }
                    if p[i] == 0x20 && leads[previous] & spaceFollows != 0 {
                        mayDecode |= leads[previous] & spaceFollows
                        characters.places.append(.init(index: Int32(lead), decoders: leads[previous] & spaceFollows))
                    }
                    // A `?` after a sign that can come second may hide a byte as a U+FFFD does
                    // (third in a sequence, so the pair before it already let the decoder run;
                    // the decoder asks for more: lead E2).
                    if p[i] == 0x3F && signFollows[previous] != 0 { replacement = true }
                    previous = 0
                    i += 1
                    while asciiListed == 3 && i + 8 <= n && UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                    continue
                }
                let (scalar, length) = UTF8.decode(p, at: i)
                let r = row(scalar)
                nonASCIIBytes += length
                if r == 0 { unmapped = true }
                seen[r >> 6] |= 1 << UInt64(r & 63)
                var second = follows[r]
                if scalar == 0xFFFD {
                    replacement = true
                    second |= replacementFollows
                }
                mayDecode |= cp949Leads[r]
                if leads[previous] & second != 0 {
                    mayDecode |= leads[previous] & second
                    // Room at the first for one per character to come (a place's lead takes two
                    // bytes at least): one allocation, not one per doubling.
                    if characters.places.isEmpty { characters.places.reserveCapacity((n - i) / 2 + 1) }
                    characters.places.append(.init(index: Int32(lead), decoders: leads[previous] & second))
                }
                if r != 0 || scalar == 0xFFFD {
                    lead = characters.list.count
                    characters.list.append(.init(start: Int32(i), scalar: scalar, row: UInt16(r), length: UInt8(length)))
                    asciiListed = 0
                } else {
                    // No table's character: it ends whatever came before and starts nothing.
                    if asciiListed < 3 { characters.list.append(.init(start: Int32(i), scalar: scalar, row: 0, length: UInt8(length))) }
                    asciiListed = 3
                }
                previous = r
                i += length
            }
        }
        seen[0] &= ~1  // row 0: no table's character, no byte in any
        var twin = Array(0..<decoders)
        let alike = replacement ? alikeWithReplacement : self.alike
        for b in 0..<decoders where mayDecode >> UInt64(b) & 1 != 0 {
            for a in 0..<b where twin[a] == a && mayDecode >> UInt64(a) & 1 != 0 && alike[a] >> UInt64(b) & 1 != 0 {
                if agree(a, b, on: seen) { twin[b] = a; break }
            }
        }
        var complete: UInt64 = unmapped || replacement ? 0 : ~0
        for (w, word) in seen.enumerated() where complete != 0 {
            var rest = word
            while rest != 0 {
                complete &= mapped[w * 64 + rest.trailingZeroBitCount]
                rest &= rest - 1
            }
        }
        return Sifted(mayDecode: mayDecode, twin: twin, characters: characters, complete: complete, nonASCIIBytes: nonASCIIBytes)
    }

    /// Decoders `a` and `b` give every row of `seen` the same byte.
    private func agree(_ a: Int, _ b: Int, on seen: [UInt64]) -> Bool {
        for (w, word) in seen.enumerated() {
            var rest = word
            while rest != 0 {
                let r = w * 64 + rest.trailingZeroBitCount
                if bytes[r * decoders + a] != bytes[r * decoders + b] { return false }
                rest &= rest - 1
            }
        }
        return true
    }
}
