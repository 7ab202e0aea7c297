/// A text garbled whole: one reading explains every non-ASCII character of it.
///
/// Where a UTF-8 reading's units take every non-ASCII character of the text (each one's byte in
/// the shown charset, all together valid UTF-8, nothing lost) and no reading decoding the text
/// differently does the same, that reading is the text's: the other UTF-8 readings, which leave
/// characters unexplained, are not weighed (what ftfy's whole-string re-encoding does first). The
/// reading's units still go through `acceptance` like any other's. It stands alone only where
/// nothing else could be right:
/// - not for readings only the model decides (CP866, KOI8-R, Windows-1253 and 1256), nor for a
///   text of fewer than `wholeTextUnits` units;
/// - not where a unit of the reading is weak (`hasWeakUnit`): text garbled two ways is explained whole by a third charset
///   that has the characters of both, wrongly (Finnish `yhteistyĆ¶ssĆ¤` through Windows-1257
///   next to Romanian `SĂ˘rbÄ` through ISO-8859-2 gives `yhteistyƶssƤ`, Latin-1's `mÃ©` read
///   through Mac OS Roman `m̩`), and such a reading shows it there: the readings are then all
///   weighed (`readings` runs again without it);
/// - CP949 readings are still weighed where two units side by side are two-byte sequences that
///   are also CP949 codes of Hangul syllables (C2-C8 A1-BF, 345 syllables: `Ä¡Å² Å°Æ®` is
///   `치킨 키트`, not `ġŲ ŰƮ`): a CP949 reading needs such a word (two syllables side by side) to
///   repair anything. Elsewhere it pairs the UTF-8 bytes into Hanja and loses anyway.
extension MojibakePass {
    /// Units a text needs before one reading that explains it whole stands alone.
    static let wholeTextUnits = 4

    /// What the search for a reading of the whole text found.
    struct WholeText {
        /// The decoder (first of its twins) whose reading explains the whole text, when exactly
        /// one reading does and nothing speaks for another.
        var decoder: Int? = nil
        /// Whether CP949 readings are still weighed beside it.
        var keepsCP949 = true
        /// The units of the decoders tried, by decoder (the readings decode them once).
        var decoded: [(decoder: Int, units: [DecodedUnit])] = []

        func units(_ k: Int) -> [DecodedUnit]? { decoded.first { $0.decoder == k }?.units }
    }

    /// Tries the decoders whose table has every non-ASCII character of the text.
    func wholeTextReading(_ p: UnsafeBufferPointer<UInt8>, _ sifted: ReadingSieve.Sifted) -> WholeText {
        var whole = WholeText()
        let candidates = sifted.complete & sifted.mayDecode & plainUTF8
        guard candidates != 0 else { return whole }
        var explaining = 0
        var found: Int? = nil
        for k in decoders.indices where candidates >> UInt64(k) & 1 != 0 && sifted.twin[k] == k {
            let units = self.units(k, p, p.count, sifted)
            whole.decoded.append((k, units))
            if units.count >= Self.wholeTextUnits && Self.explainsAll(units, nonASCIIBytes: sifted.nonASCIIBytes) {
                explaining += 1
                found = k
            }
        }
        // Two readings that explain the text whole and decode it differently: weighed as usual.
        guard explaining == 1, let found else { return whole }
        whole.decoder = found
        let units = whole.units(found)!
        whole.keepsCP949 = zip(units, units.dropFirst()).contains { a, b in
            a.end == b.start && Self.spellsCP949Hangul(a) && Self.spellsCP949Hangul(b)
        }
        return whole
    }

    /// A two-byte sequence whose bytes are also the CP949 code of a Hangul syllable: lead C2-C8
    /// (U+0080-U+023F), trail A1-BF.
    private static func spellsCP949Hangul(_ unit: DecodedUnit) -> Bool {
        unit.width == 2 && unit.scalar >= 0x80 && unit.scalar <= 0x23F && unit.scalar & 0x3F >= 0x21
    }

    /// The units take every non-ASCII byte of the text, and none was lost.
    private static func explainsAll(_ units: [DecodedUnit], nonASCIIBytes: Int) -> Bool {
        var bytes = 0
        for unit in units {
            guard !unit.lossy else { return false }
            bytes += unit.end - unit.start
        }
        return bytes == nonASCIIBytes
    }

    /// A unit that does not stand on its own (scored units): rejected, without evidence, doubted
    /// by its neighbours (a letter whose case contradicts theirs, `nemaĨkoj`),
    /// or decoding to a letter or combining mark too rare to support its line (`yhteistyƶssƤ`,
    /// `m̩thodes`; a diacritic of decomposed text does support it, and Thai and Devanagari vowel
    /// signs lie outside U+0300-U+036F).
    static func hasWeakUnit(_ units: [DecodedUnit]) -> Bool {
        units.contains { unit in
            unit.rejected || unit.evidence <= 0 || unit.doubted
                || (!unit.supportive && (ScalarTraits.isLetter(unit.scalar) || (unit.scalar >= 0x300 && unit.scalar <= 0x36F)))
        }
    }
}
