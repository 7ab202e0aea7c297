internal import MojifixICU

/// What the language model says about each decoded unit of a line: the change in the line's cost
/// (nats, under the line's most plausible language once every candidate of the line is decoded)
/// when the unit's source characters are replaced by the character they decode to. Negative: the
/// decoded reading is more plausible text. Both readings spell the same bytes, so their costs
/// compare directly; the shorter reading is not favoured beyond what the model says, because a
/// writer typing the source characters would have typed more, less likely, characters.
struct ReadingPlausibility {
    let model = LanguageModel.shared

    /// Hangul, kana and Han: scripts of thousands of characters, where the word lists miss some.
    static func isLargeScript(_ scalar: UInt32) -> Bool {
        ScalarTraits.letterScript(scalar).map { ScalarTraits.family($0) == .han } ?? false
    }

    /// Punctuation and the signs of Latin-1, General Punctuation and the currency block, and `™`.
    static func isSignOfProse(_ s: UInt32) -> Bool {
        switch ScalarTraits.category(s) {
        case .dashPunctuation, .initialPunctuation, .finalPunctuation, .openPunctuation, .closePunctuation, .otherPunctuation:
            return true
        case .currencySymbol, .mathSymbol, .otherSymbol, .modifierSymbol:
            return s < 0x100 || (0x2000...0x206F).contains(s) || (0x20A0...0x20CF).contains(s) || s == 0x2122
        default:
            return false
        }
    }

    /// One delta per unit of `units` (all on the line `line`, sorted), and what the whole line
    /// gains: its cost as written under its most plausible language minus its cost decoded under
    /// that reading's most plausible language (each reading judged in its own language, so a
    /// clean Russian line is not judged as Chinese because a wrong reading makes ideographs of it).
    /// Nil when no language fits.
    struct Judgement {
        /// Per unit; never negative for a character the model cannot speak for.
        var deltas: [Double]
        var lineGain: Double
        /// Units decoded to letters the line's language uses, and to letters it never uses (`ſ` in
        /// `ôaſaſa`): a reading that spells mostly letters no one writes there is not the right
        /// one (a few can be letters the model lacks, such as the final sigma).
        var knownLetters: Int
        var unknownLetters: Int
        /// The units were judged in the language of their own words, not the line's (see `deltas`).
        var wordsLanguage = false
    }

    /// `writtenCosts` keeps each line's cost as written (by line start) for the next reading.
    func judge<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>,
                                                          writtenCosts: inout [Int: Double]) -> Judgement? where Units.Index == Int {
        guard let asWrittenCost = writtenCost(line, p, &writtenCosts), let deltas = deltas(units, line: line, p) else { return nil }
        return Judgement(deltas: deltas.deltas, lineGain: asWrittenCost - deltas.decodedCost,
                         knownLetters: deltas.letters.known, unknownLetters: deltas.letters.unknown,
                         wordsLanguage: deltas.wordsLanguage)
    }

    /// The `lineGain` of `judge`, without the deltas (what choosing a reading needs).
    func lineGain<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>,
                                                             writtenCosts: inout [Int: Double]) -> Double? where Units.Index == Int {
        guard let asWrittenCost = writtenCost(line, p, &writtenCosts),
              let decodedCost = model.best(decodedLine(units, line: line, p).decoded)?.cost else { return nil }
        return asWrittenCost - decodedCost
    }

    private func writtenCost(_ line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>, _ writtenCosts: inout [Int: Double]) -> Double? {
        if let known = writtenCosts[line.lowerBound] { return known }
        var written: [UInt32] = []
        written.reserveCapacity(Self.scalarCount(line, p))
        var j = line.lowerBound
        while j < line.upperBound {
            let (scalar, length) = UTF8.decode(p, at: j)
            written.append(scalar)
            j += length
        }
        // The whole line: its ASCII words decide the language as much as the rest (`5ף35` alone
        // looks Hebrew; `Offering 5ף35 pin ups` does not).
        guard let cost = model.best(written)?.cost else { return nil }
        writtenCosts[line.lowerBound] = cost
        return cost
    }

    /// Characters on the line (UTF-8 lead bytes): what its scalars take, reserved once (a long
    /// garbled line has two or three bytes per character, and an array grown by doubling holds
    /// up to twice what it needs).
    private static func scalarCount(_ line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for i in line where p[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The line's scalars with the units decoded, where each unit's scalar is (`positions`), and
    /// the units that composed with the letter before them, with that letter.
    private func decodedLine<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>)
        -> (decoded: [UInt32], positions: [Int], bases: [(unit: Int, letter: UInt32)]) where Units.Index == Int {
        var decoded: [UInt32] = []
        var positions: [Int] = []
        // The units that composed with the letter before them, and that letter: a diacritic that
        // NFD put after its letter (`a` + U+0328, garbled `aÃ®`) is judged as the letter it
        // spells (`ą`), which the model knows, not as a mark it has never seen. (Rare: no array
        // per unit.)
        var bases: [(unit: Int, letter: UInt32)] = []
        decoded.reserveCapacity(max(0, Self.scalarCount(line, p) - units.reduce(0) { $0 + $1.width - 1 }))
        positions.reserveCapacity(units.count)
        var next = units.startIndex
        var i = line.lowerBound
        while i < line.upperBound {
            if next < units.endIndex && units[next].start == i {
                let scalar = units[next].scalar
                // (A base that is a unit's own letter only when that unit composed too: `ặ`.)
                if UnitScoring.isDecomposedDiacritic(scalar), let base = decoded.last,
                   positions.last != decoded.count - 1 || bases.last?.unit == positions.count - 1,
                   let composed = ICUNormalizer.composePair(base, scalar) {
                    decoded[decoded.count - 1] = composed
                    bases.append((positions.count, base))
                    positions.append(decoded.count - 1)
                } else {
                    positions.append(decoded.count)
                    decoded.append(scalar)
                }
                i = units[next].end
                next += 1
                continue
            }
            let (scalar, length) = UTF8.decode(p, at: i)
            decoded.append(scalar)
            i += length
        }
        return (decoded, positions, bases)
    }

    private func deltas<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>)
        -> (deltas: [Double], decodedCost: Double, letters: (known: Int, unknown: Int), wordsLanguage: Bool)? where Units.Index == Int {
        let (decoded, positions, bases) = decodedLine(units, line: line, p)
        guard let (language, decodedCost) = model.best(decoded) else { return nil }
        var judged = unitDeltas(units, positions, bases, decoded, p, in: language)
        var wordsLanguage = false
        // The line's language is that of all its words; the units' words may be in another one
        // (`%(class_name)s %(instance)s. Hoạt động:` is English to the model, its units
        // Vietnamese): where the line's language leaves decoded letters unknown, the language of
        // the words around the units (the bigrams touching non-ASCII characters) judges them.
        if judged.letters.unknown > 0, let local = model.best(decoded, bigrams: .nonASCII)?.language, local != language {
            let other = unitDeltas(units, positions, bases, decoded, p, in: local)
            if other.letters.unknown < judged.letters.unknown { judged = other; wordsLanguage = true }
        }
        return (judged.deltas, decodedCost, judged.letters, wordsLanguage)
    }

    private func unitDeltas<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, _ positions: [Int],
                                                                       _ bases: [(unit: Int, letter: UInt32)],
                                                                       _ decoded: [UInt32],
                                                                       _ p: UnsafeBufferPointer<UInt8>, in language: Language)
        -> (deltas: [Double], letters: (known: Int, unknown: Int)) where Units.Index == Int {
        var deltas: [Double] = []
        deltas.reserveCapacity(units.count)
        var letters = (known: 0, unknown: 0)
        var nextBase = 0  // `bases` is in unit order: a cursor, not a search per unit
        for (k, unit) in zip(positions.indices, units) {
            let d = positions[k], scalar = decoded[d]
            let before: UInt32 = d > 0 ? decoded[d - 1] : 0x20
            let after: UInt32 = d + 1 < decoded.count ? decoded[d + 1] : 0x20
            let asDecoded = model.cost(of: scalar, after: before, in: language) + model.cost(of: after, after: scalar, in: language)
            var asWritten = 0.0
            var previous = before
            if nextBase < bases.count && bases[nextBase].unit == k {
                // The letter the unit composed with, as written before it.
                asWritten += model.cost(of: bases[nextBase].letter, after: before, in: language)
                previous = bases[nextBase].letter
                nextBase += 1
            }
            var j = unit.start
            while j < unit.end {
                let (s, length) = UTF8.decode(p, at: j)
                asWritten += model.cost(of: s, after: previous, in: language)
                previous = s
                j += length
            }
            asWritten += model.cost(of: after, after: previous, in: language)
            // The model only speaks for letters its language uses: a symbol or punctuation mark
            // (`«`) is one separator to it, and a character it has never seen costs a flat floor,
            // so replacing several unknown characters by one (`×£` -> `ף`) is no evidence at all.
            let letter = ScalarTraits.isLetter(scalar)
            // A letter of a large script (Hangul, kana, Han) that the word lists happen not to
            // hold is still plausible there; in an alphabet, an unseen letter (`ř` in English,
            // `ſ` in Welsh) is foreign.
            let known = letter && (model.knows(scalar, in: language) || Self.isLargeScript(scalar))
            if known { letters.known += 1 } else if letter { letters.unknown += 1 }
            // A sign of real text in any language (`™` `€` `–` `«`) is one the model cannot price
            // against the letters it replaces (`тДв` inside a Russian word): neutral, neither for
            // nor against; any other character can only count against its reading.
            let sign = !letter && !unit.lossy && Self.isSignOfProse(scalar)
            deltas.append(known ? asDecoded - asWritten : sign ? 0 : max(0, asDecoded - asWritten))
        }
        return (deltas, letters)
    }
}
