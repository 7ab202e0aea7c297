/// One layer of mojibake repair over a whole document.
///
/// Every misreading is tried on the document (on a prefix for very large texts); their decoded units
/// are scored and grouped by line, and the misreading with the most evidence wins. Its units are
/// then applied everywhere they are plausible: a line needs strong evidence on its own, unless the
/// document as a whole is clearly garbled this way, in which case weaker lines (a lone `Ïùò`, a
/// line holding only a garbled emoji) follow the document's chain too.
internal import MojifixICU

// A class: the closures of a pass capture it, and copying a struct of tables retained each one.
final class MojibakePass {
    let decoders: [UnitDecoder]
    let scoring: UnitScoring
    let plausibility = ReadingPlausibility()
    /// Per decoder, the bound of its readings' evidence.
    private let bounds: [ReadingBound]
    /// Per decoder, whether its actual charset is UTF-8 (asked while ordering readings: reaching
    /// it through the decoder was a retain and a release each time).
    let readsUTF8: [Bool]
    /// Bit k: decoder k reads UTF-8 and is not one only the model decides (see `wholeTextReading`).
    let plainUTF8: UInt64
    /// Off: a reading that explains the whole text is weighed against the others (the tests compare both ways).
    var takesWholeTextReading = true
    /// Texts whose one reading was taken so (for the tests).
    private(set) var wholeTextReadings = 0
    /// Off: every reading is scored (the tests compare both ways).
    var prunesReadings = true
    /// Which decoders can find units in a text, and which find the same ones (see `ReadingSieve`).
    private let sieve: ReadingSieve?
    /// Off: every decoder decodes and every reading is scored on its own (the tests compare both ways).
    var sievesReadings = true
    /// Off: a unit decoded alike by two UTF-8 readings is scored for each (see `ScoresOfOtherReadings`).
    var sharesScores = true
    /// Off: CP949 readings are decoded with the others, not bounded first (the tests compare both ways).
    var boundsCP949First = true
    /// Off: a CP949 reading without two units side by side is decoded and scored even when a UTF-8
    /// reading has a strong line, after which `run` drops it (the tests compare both ways).
    var skipsCP949WithoutWord = true
    /// CP949 readings left out so (for the tests).
    private(set) var cp949WithoutWord = 0
    /// Off: every line of the evidence's leader and of each contender is judged while choosing
    /// (see `MojibakePass+Gains`; the tests compare both ways).
    var judgesLazily = true
    /// On: relative gains are compared by the full sums every time, not only near a tie (for the tests).
    var settlesBySums = false
    /// Lines the model judged for `choose` or on demand (for the tests).
    var linesJudged = 0
    /// What `run` found in the last text it read (see `ReadingsOfText`), when `Repairer` keeps it.
    var lastText: ReadingsOfText? = nil
    var keepsLastText = true
    /// Runs that took the readings of `lastText` (for the tests).
    private(set) var textsReadAgain = 0

    init(decoders: [UnitDecoder], scoring: UnitScoring) {
        self.decoders = decoders
        self.scoring = scoring
        bounds = decoders.map { ReadingBound(table: $0.table) }
        readsUTF8 = decoders.map { $0.misreading.actual == .utf8 }
        plainUTF8 = decoders.enumerated().reduce(UInt64(0)) { mask, entry in
            entry.element.misreading.actual == .utf8 && !entry.element.misreading.needsLanguageModel ? mask | 1 << UInt64(entry.offset) : mask
        }
        sieve = ReadingSieve(decoders)
    }

    /// Evidence a unit must show before it adds to its line.
    static let unitBaseline: Float = 1.0
    /// Evidence a line needs to be repaired on its own.
    static let standaloneThreshold: Float = 2.0
    /// Evidence a line needs when the document is established as garbled the same way.
    static let documentThreshold: Float = 0.0
    /// Evidence that establishes a document-wide misreading.
    static let establishedThreshold: Float = 5.0
    /// Nats a unit's decoded reading must gain over its source characters, and its line over the
    /// text as written, for the language model alone to decide (e^-12: odds of about 1 in 160,000).
    static let unitGain = 6.0
    static let lineGain = 12.0
    /// Nats a reading with as much evidence as an earlier one in the registry must gain over it.
    static let tieMargin = 4.0
    /// Bytes examined to choose the misreading of a very large document.
    static let sampleBytes = 1 << 18
    /// A text longer than this is repaired window by window (see MojibakePass+Windows), so that a
    /// long line's units are never all held at once. Tests set it tiny to compare both ways.
    var windowBytes = 1 << 20

    /// What one layer found: the text with its changes made (nil when none could be made), and
    /// the lossy changes left out because lossy repair was not asked for.
    struct Layer {
        var applied: (output: [UInt8], pass: RepairPass)?
        var withheld: [RepairChange]
        /// Mojibake quoted on purpose (see QuotedRegions), left as written.
        var quoted: [RepairChange] = []
        /// The readings the text could be under, where lines were left as written because they
        /// read differently under them and nothing tells them apart (empty: none left), and
        /// what was left there (as the first reading would have changed it).
        var ambiguous: [String] = []
        var tied: [RepairChange] = []
    }

    /// `repairedBefore`: the output ranges of the layer just peeled off this text (sorted), where
    /// the text is proven garbled; a line whose units all lie there is one layer down of it.
    func run(_ text: [UInt8], lossy: Bool = true, repairedBefore: RepairPass.OutputRanges = RepairPass.OutputRanges(pass: nil)) -> Layer? {
        text.withUnsafeBufferPointer { p -> Layer? in
            let sampleEnd = characterBoundary(p, atOrBefore: min(p.count, Self.sampleBytes))
            let known = lastText?.text == text ? lastText : nil
            if known != nil { textsReadAgain += 1 }
            let found = known?.readings ?? self.readings(p, sampleEnd: sampleEnd)
            var readings = found
            var writtenCosts = known?.writtenCosts ?? [:]
            var firstChoice = known?.firstChoice
            // Kept with the costs priced meanwhile, whatever this run returns.
            defer {
                if keepsLastText { lastText = ReadingsOfText(text: text, readings: found, writtenCosts: writtenCosts, firstChoice: firstChoice) }
            }
            // A CP949 reading repairs only lines holding a word (two syllables side by side), and a
            // document only once such lines establish it: one without any such line repairs
            // nothing. It still speaks against a weak reading of the same bytes (`√π` reads as
            // Korean as well as `ù`), but not against one whose hand-weighed evidence stands on its
            // own (`MalmÃ¶`, where `Ã¶` is also 철).
            // (Asked first: removing from `readings` copies the array `found` shares, every reading retained.)
            let wordless = { (r: Reading) in r.decoder.misreading.actual == .windows949 && !r.groups.contains(where: \.hasWord) }
            if readings.contains(where: wordless),
               readings.contains(where: { $0.decoder.misreading.actual == .utf8 && $0.groups.contains { $0.evidence >= Self.standaloneThreshold } }) {
                readings.removeAll(where: wordless)
            }
            // A CP949 reading is weighed by the hand-weighed evidence alone, which a lone syllable
            // can win (`cafÃ©` read as `caf챕`) without making any change: then it must not keep
            // the UTF-8 readings from being weighed.
            var next: Reading?
            if let firstChoice {
                next = firstChoice.reading
            } else {
                next = choose(readings, p, short: sampleEnd <= Self.shortText, writtenCosts: &writtenCosts)
                firstChoice = ReadingsOfText.FirstChoice(reading: next)
            }
            while let chosen = next {
                if var layer = layer(chosen, p, sampleEnd: sampleEnd, lossy: lossy, repairedBefore: repairedBefore,
                                     writtenCosts: &writtenCosts) {
                    layer.applied?.pass.keepInput(text)
                    return layer
                }
                guard chosen.decoder.misreading.actual == .windows949 else { return nil }
                readings.removeAll { $0.decoder.misreading == chosen.decoder.misreading }
                next = choose(readings, p, short: sampleEnd <= Self.shortText, writtenCosts: &writtenCosts)
            }
            return nil
        }
    }

    /// The changes of one layer under the chosen reading; nil when it makes none.
    private func layer(_ chosen: Reading, _ p: UnsafeBufferPointer<UInt8>, sampleEnd: Int, lossy: Bool,
                       repairedBefore: RepairPass.OutputRanges, writtenCosts: inout [Int: Double]) -> Layer? {
            var chosen = chosen
            let established = isEstablished(chosen, p)
            // (Readings tied with the chosen one are weighed line by line on the whole text.)
            if p.count > windowBytes, !chosen.decoder.misreading.needsLanguageModel, chosen.rivals.isEmpty,
               let windowed = windowedLayer(chosen.decoder, p, established: established, lossy: lossy,
                                            repairedBefore: repairedBefore, writtenCosts: &writtenCosts) {
                return windowed.layer
            }
            if sampleEnd < p.count {
                var units = chosen.decoder.units(in: p, range: 0..<p.count)
                scoring.score(&units, decoder: chosen.decoder, in: p)
                chosen.units = units
                chosen.groups = group(units, p)
                chosen.judged = nil
                // The rivals too, unjudged: every line beyond the sample where they differ is tied.
                for k in chosen.rivals.indices {
                    let rival = chosen.rivals[k].decoder
                    var units = rival.units(in: p, range: 0..<p.count)
                    scoring.score(&units, decoder: rival, in: p)
                    chosen.rivals[k].units = units
                    chosen.rivals[k].groups = group(units, p)
                    chosen.rivals[k].judged = nil
                }
            }
            // The units are moved out of `chosen` so that guesses can be resolved in place, and the
            // accepted ones are kept as indices: a long garbled line holds millions of units.
            var units = chosen.units
            chosen.units = []
            var (accepted, deferred, modelConfirmed) = acceptance(units, chosen.groups, judged: chosen.judged, decoder: chosen.decoder,
                                                                  established: established, p, repairedBefore: repairedBefore,
                                                                  writtenCosts: &writtenCosts)
            // A reading only the model decides (CP866, KOI8-R) is established once the model has
            // confirmed two lines: then a line too short for the model to confirm (`- χθες`, a lone
            // `。`) follows on the evidence, where the model finds it more plausible decoded and
            // nothing on it is written correctly (a clean Russian line decodes to worse text).
            if modelConfirmed >= 2 && !deferred.isEmpty {
                accepted = (accepted + deferred).sorted { $0.index < $1.index }
            }
            var ambiguous: [String] = []
            var tied: [RepairChange] = []
            if !chosen.rivals.isEmpty {
                let lines = tiedLines(chosen, units, p, writtenCosts: &writtenCosts)
                if !lines.isEmpty {
                    let (kept, left) = Self.splitting(accepted, onLines: lines, units, p)
                    if !left.isEmpty {
                        accepted = kept
                        ambiguous = ([chosen] + chosen.rivals).map { $0.decoder.misreading.description }
                        tied = listed(left, units, misreading: chosen.decoder.misreading, p)
                    }
                }
            }
            resolveGuesses(&units, accepted, replaced: chosen.decoder.replacementBytes, p)
            accepted.removeAll { !isInvertible(units[$0.index], decoder: chosen.decoder, p) }
            var quoted: [RepairChange] = []
            if !accepted.isEmpty {
                var regions = QuotedRegions(p)
                accepted.removeAll { regions.isIgnored(units[$0.index].start..<units[$0.index].end) }
                // Only what would be applied counts: a lossy guess left out (listed, not made)
                // outside the quotes does not make the quoted mojibake a repair. A lossy guess
                // inside them is quoted too (ftfy's README quotes `Ã perturber` in a code block).
                let isQuoted = { (entry: Accepted) in regions.isQuoted(units[entry.index].start..<units[entry.index].end) }
                let applied = lossy ? accepted : accepted.filter { !units[$0.index].lossy }
                if applied.allSatisfy(isQuoted) {
                    let inQuotes = accepted.filter(isQuoted)
                    if !inQuotes.isEmpty {
                        quoted = listed(inQuotes, units, misreading: chosen.decoder.misreading, p)
                        accepted.removeAll(where: isQuoted)
                    }
                }
            }
            var withheld: [RepairChange] = []
            if !lossy {
                let guesses = accepted.filter { units[$0.index].lossy }
                if !guesses.isEmpty {
                    withheld = listed(guesses, units, misreading: chosen.decoder.misreading, p)
                    accepted.removeAll { units[$0.index].lossy }
                }
            }
            guard !accepted.isEmpty || !withheld.isEmpty || !quoted.isEmpty || !ambiguous.isEmpty else { return nil }
            return Layer(applied: accepted.isEmpty ? nil : apply(accepted, units, misreading: chosen.decoder.misreading, p),
                         withheld: withheld, quoted: quoted, ambiguous: ambiguous, tied: tied)
    }

    /// The units each group (line) takes under the decoder's reading: the lines' decisions, with
    /// the units a reading only the model decides defers until it has confirmed two lines.
    func acceptance(_ units: [DecodedUnit], _ groups: [UnitGroup], judged: LineJudgements?, decoder: UnitDecoder,
                    established: Bool, _ p: UnsafeBufferPointer<UInt8>, repairedBefore: RepairPass.OutputRanges,
                    writtenCosts: inout [Int: Double]) -> (accepted: [Accepted], deferred: [Accepted], modelConfirmed: Int) {
        let needsWord = decoder.misreading.actual == .windows949
        let threshold = established ? Self.documentThreshold : Self.standaloneThreshold
        var accepted: [Accepted] = []
        var deferred: [Accepted] = []
        var modelConfirmed = 0
        // Any two high characters read as CP949 make a Hangul syllable, which the model always
        // prefers to symbols (`∂f` -> `턥`): CP949 readings keep to the hand-weighed evidence.
        let modelDecides = decoder.misreading.actual == .utf8
        let memo = judged  // (each line's `judged` below is its judgement)
        for (groupIndex, g) in groups.enumerated() {
            // Lost bytes are only guessed where the document is known to be garbled this way, or
            // the line is, on its own (`â€œ…â€�`: the quotation's closing quote lost a byte). A
            // lost NBSP has nothing to guess (one choice): the model may confirm it like any unit
            // (`voilÃ le travail`).
            let view = units
            let indices = g.range.filter {
                !view[$0].rejected && (!view[$0].lossy || view[$0].spaceLost || established || g.evidence >= Self.standaloneThreshold)
            }
            guard !indices.isEmpty else { continue }
            let candidates = indices.lazy.map { view[$0] }
            // Document consistency: in a document established as garbled this way, a line whose
            // units decode only to spaces and symbols (`Â\u{A0}`, an NBSP) adds no evidence,
            // yet each of its units is evidence of its own; nothing on the line speaks against it.
            // Layers repaired to completion: a line whose units all lie in what the previous
            // layer just repaired is that garbled text one layer down (`weiÃƒÅ¸`, `weiÃŸ`, `weiß`).
            let oneLayerDown = !established && Self.allInside(candidates, repairedBefore)
            let lineEstablished = established || oneLayerDown
            let consistent = lineEstablished && g.evidence == 0 && candidates.allSatisfy { $0.evidence > 0 }
            let byEvidence = (lineEstablished ? g.evidence > Self.documentThreshold || consistent : g.evidence >= threshold)
                // A CP949 reading needs a word of its own even there: a lone syllable is
                // what any two accented characters make (`Â£` left by a layer is `£`, not `짙`).
                && (established || !needsWord || g.hasWord && Self.readsAsKorean(candidates, decoder: decoder, p))
            // The language model weighs each unit in its line: a reading it finds far more
            // plausible than the text as written is made even where the hand-weighed evidence
            // is thin (a short line, a lone unit). (It does not veto: the source characters of
            // mojibake are often punctuation to it, `¿¡`, and cheap.)
            let needsModel = decoder.misreading.needsLanguageModel
            // The model is asked only where the evidence leaves a unit out (it never vetoes).
            // One layer down, the text was just repaired into real text: the model must find
            // each next layer's letter better (`Ні`, repaired, is also `ͳ` read as Windows-1251),
            // unless it is mojibake again, for the layer after (`ÃƒÅ¸` -> `ÃŸ` -> `ß`).
            let evidenceTakesAll = byEvidence && !needsModel && !oneLayerDown && candidates.allSatisfy { $0.evidence > 0 }
            // Judged already while choosing the reading when the candidates are the same (no lost
            // bytes); a line the memo found no language for is not judged again.
            let judged: ReadingPlausibility.Judgement?
            if !modelDecides || evidenceTakesAll {
                judged = nil
            } else if let known = memo, !candidates.contains(where: \.lossy) {
                judged = known.judgement(groupIndex) { judgeLine(Array(candidates), p, &writtenCosts) }
            } else {
                judged = plausibility.judge(candidates[...], line: lineRange(candidates, p), p, writtenCosts: &writtenCosts)
            }
            // Consistency, as for the evidence: a line that also holds correctly encoded
            // non-ASCII text (`DrÃ¥ber` next to a proper `–`) is not confirmed by the model.
            // In a document established as garbled this way, the model alone decides each
            // line (document consistency: a line of box drawing the evidence took for line art).
            let free = needsModel || established
            // A lone unit standing as a word of its own (`= √π`, `∆°`) is weighed against source
            // characters the model prices at its floor, so any letter looks better: the model
            // alone does not repair it unless the document is known to be garbled this way.
            let lone = candidates.count == 1 && !Self.touchesALetter(candidates[0], p)
            let confirmed = judged.map {
                (confirms($0, candidates, lineEvidence: g.evidence, weakOnly: Self.onlyWeak(g.evidence, view[g.range]), needsModel: free)
                    || needsModel && Self.confirmsSigns($0, candidates, p) && contradictions(view[g.range], p, stopAbove: 0) == 0)
                    && (free || contradictions(view[g.range], p, stopAbove: 0) == 0)
                    && (established || !lone || g.evidence >= Self.unitBaseline)
            } ?? false
            if confirmed { modelConfirmed += 1 }
            if needsModel && !confirmed && byEvidence, let judged, judged.lineGain > 0,
               judged.unknownLetters * 4 <= judged.knownLetters, contradictions(view[g.range], p, stopAbove: 0) == 0 {
                deferred += indices.filter { view[$0].evidence > 0 }.map { ($0, g.evidence) }
            }
            var taken = candidates.enumerated().map { k, unit in
                (byEvidence && unit.evidence > 0 && !needsModel && (!oneLayerDown || nextLayer(k, candidates, p) || Self.modelAgrees(judged, k, unit)))
                    || (confirmed && judged!.deltas[k] <= 0 && !Self.splitsWord(k, candidates, p))
            }
            // Mojibake garbles whole words: in a confirmed line, a unit glued between two taken
            // units is part of the same garbled word even where the model prefers its source
            // characters (`επισκέπΟ„ες`: `Ο„` is Greek letters too; a combining mark it cannot price).
            if confirmed {
                for k in candidates.indices.dropFirst().dropLast() where !taken[k] && taken[k - 1] && taken[k + 1]
                    && candidates[k - 1].end == candidates[k].start && candidates[k].end == candidates[k + 1].start {
                    taken[k] = true
                }
                // So is a letter glued to a taken one of its script at the word's edge (`Ο„ΞΌΞ®ΞΌΞ±`:
                // `Ο„` is `τ` of `τμήμα`, not a capital omicron and a quotation mark).
                for k in candidates.indices where !taken[k] && Self.endsGarbledWord(k, candidates, taken, p) { taken[k] = true }
            }
            for k in candidates.indices where taken[k] { accepted.append((indices[k], g.evidence)) }
        }
        return (accepted, deferred, modelConfirmed)
    }

    /// The language model confirms a line's reading when the line as a whole is far more
    /// plausible decoded (each reading in its own best language), the units it can judge gain at
    /// least one unit's margin together (their bigram deltas leave out the shape costs the line's
    /// gain counts: `Ã–sterreich` gains 18 nats as a line, 10 as a letter), one decoded letter
    /// alone gains clearly and is not contradicted by the hand-weighed evidence (weak evidence is
    /// no contradiction; a line gaining four times the margin overrides one: a hashtag of Cyrillic
    /// through CP437 looks like line art to the evidence), and few decoded letters are foreign to
    /// the language. Then every unit of the line that the model does not find worse is repaired,
    /// symbols included.
    private func confirms(_ judged: ReadingPlausibility.Judgement, _ units: some Sequence<DecodedUnit>, lineEvidence: Float,
                          weakOnly: Bool, needsModel: Bool) -> Bool {
        // Letters foreign to the line's language, known in that of their own words, need half
        // the line's margin again (`Hoạt động` after English placeholders gains 95 nats; one `ř`
        // in an English line, `AHÅ™` -> `AHř`, 13).
        guard judged.lineGain >= Self.lineGain * (judged.wordsLanguage ? 1.5 : 1), judged.unknownLetters * 4 <= judged.knownLetters,
              needsModel || lineEvidence >= 0 || weakOnly || judged.lineGain >= 4 * Self.lineGain,
              -judged.deltas.reduce(0, +) >= Self.unitGain else { return false }
        return zip(units, judged.deltas).contains { unit, delta in unit.evidence >= 0 && -delta >= Self.unitGain }
    }

    /// A line whose evidence is below zero only because its units fall short of the baseline
    /// (`Å<NBSP>koda`: one letter after an NBSP), not because anything speaks against them: no
    /// rejected or doubtful unit, no penalty of the line. The model may confirm it.
    static func onlyWeak(_ lineEvidence: Float, _ units: ArraySlice<DecodedUnit>) -> Bool {
        var sum: Float = 0
        for unit in units {
            guard unit.supportive && !unit.rejected && unit.evidence >= 0 else { return false }
            sum += unit.evidence - unitBaseline
        }
        return lineEvidence >= sum - 0.001
    }

    /// A unit decoded to mojibake again, material for the layer after: a character the
    /// misreadings show, beside another one (a UTF-8 sequence is two bytes at least: `ÃƒÅ¸` ->
    /// `ÃŸ` -> `ß`; a lone `ą` from `Ä…` is a letter, for the model to judge).
    private func nextLayer<Units: RandomAccessCollection<DecodedUnit>>(_ k: Int, _ units: Units, _ p: UnsafeBufferPointer<UInt8>) -> Bool
        where Units.Index == Int {
        let unit = units[units.startIndex + k]
        guard scoring.alphabet.contains(unit.scalar) else { return false }
        let i = units.startIndex + k
        let before = i > units.startIndex && units[i - 1].end == unit.start ? units[i - 1].scalar : UTF8.scalar(before: unit.start, in: p)
        let after = i + 1 < units.endIndex && units[i + 1].start == unit.end ? units[i + 1].scalar : UTF8.scalar(at: unit.end, in: p)
        return scoring.alphabet.contains(before) || scoring.alphabet.contains(after)
    }

    /// The model finds a decoded letter more plausible than its source characters, in a line
    /// that does not read worse decoded (`LIIKKEESTÄ…` is not `LIIKKEESTą`, however Polish `Tą`
    /// looks); a symbol it cannot price (`┒`) and a line no language fits pass.
    static func modelAgrees(_ judged: ReadingPlausibility.Judgement?, _ k: Int, _ unit: DecodedUnit) -> Bool {
        guard let judged, ScalarTraits.isLetter(unit.scalar) else { return true }
        return judged.deltas[k] < 0 && judged.lineGain > 0
    }

    /// Unit `k` decodes to a letter that starts or ends a word whose next (or previous) unit,
    /// glued to it, was taken and decodes to a letter of the same script.
    static func endsGarbledWord<Units: RandomAccessCollection<DecodedUnit>>(_ k: Int, _ units: Units, _ taken: [Bool],
                                                                           _ p: UnsafeBufferPointer<UInt8>) -> Bool
        where Units.Index == Int {
        let unit = units[units.startIndex + k]
        guard ScalarTraits.isLetter(unit.scalar), let script = ScalarTraits.letterScript(unit.scalar) else { return false }
        func glued(_ j: Int) -> Bool {
            guard j >= 0 && j < taken.count, taken[j] else { return false }
            let other = units[units.startIndex + j]
            return (j < k ? other.end == unit.start : unit.end == other.start) && ScalarTraits.letterScript(other.scalar) == script
        }
        let before = k > 0 && units[units.startIndex + k - 1].end == unit.start ? nil : UTF8.scalar(before: unit.start, in: p)
        let after = k + 1 < taken.count && units[units.startIndex + k + 1].start == unit.end ? nil : UTF8.scalar(at: unit.end, in: p)
        return (glued(k + 1) && before.map { !ScalarTraits.isLetter($0) } ?? false)
            || (glued(k - 1) && after.map { !ScalarTraits.isLetter($0) } ?? false)
    }

    /// Every unit lies inside one of `ranges` (sorted, not overlapping): a binary search per unit.
    static func allInside(_ units: some Collection<DecodedUnit>, _ ranges: RepairPass.OutputRanges) -> Bool {
        guard !ranges.isEmpty else { return false }
        return units.allSatisfy { unit in
            var lo = 0, hi = ranges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ranges[mid].lowerBound <= unit.start { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && unit.end <= ranges[lo - 1].upperBound
        }
    }

    /// A unit whose source characters sit inside a word of other non-ASCII letters that no unit
    /// explains (`сове|щан|ие` read as CP866): mojibake garbles whole characters of a word, so a
    /// piece cut out of a clean word is never confirmed by the model alone (a line mixing clean
    /// Japanese and Russian once turned `щан` into `頭`).
    /// `units` are sorted and do not overlap, so only the neighbours in the array can touch unit `k`
    /// (one look each: a long line of units stays linear).
    static func splitsWord<Units: RandomAccessCollection<DecodedUnit>>(_ k: Int, _ units: Units,
                                                                      _ p: UnsafeBufferPointer<UInt8>) -> Bool where Units.Index == Int {
        let unit = units[k]
        if unit.start > 0, !(k > 0 && units[k - 1].end == unit.start) {
            let before = UTF8.scalar(before: unit.start, in: p)
            if before >= 0x80 && ScalarTraits.isLetter(before) { return true }
        }
        if unit.end < p.count, !(k + 1 < units.count && units[k + 1].start == unit.end) {
            let after = UTF8.decode(p, at: unit.end).scalar
            if after >= 0x80 && ScalarTraits.isLetter(after) { return true }
        }
        return false
    }

    /// Whether a letter touches the unit's source characters on either side.
    static func touchesALetter(_ unit: DecodedUnit, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        ScalarTraits.isLetter(UTF8.scalar(before: unit.start, in: p)) || ScalarTraits.isLetter(UTF8.scalar(at: unit.end, in: p))
    }

    // MARK: Choosing the misreading

    /// Every decoder's reading of the sample that has units, in decoder order, scored and grouped,
    /// less the readings that could never be chosen (see `ReadingBound`): a UTF-8 reading whose
    /// bound is under half of what a UTF-8 reading shows is neither the best nor a contender of
    /// `choose`, and a CP949 one under that total is never the best (CP949 readings are the only
    /// ones ever dropped, so a UTF-8 reading's total stays reached). Readings are scored in order
    /// of their bounds, the most promising first.
    /// `wholeText`: a reading that explains the whole text may stand alone (see `wholeTextReading`).
    /// `sifted` and `tried`: the sieve's pass and the decodes a first call already made (when a
    /// weak unit sends the text back to every reading).
    private func readings(_ p: UnsafeBufferPointer<UInt8>, sampleEnd: Int, wholeText: Bool = true,
                          sifted known: ReadingSieve.Sifted? = nil, tried: WholeText? = nil) -> [Reading] {
        // (Decoders by index: a copy of one is a retain of each of its tables.) Each reading's
        // bound is first the rough one, and the exact one only when the rough one does not skip it.
        var decoded: [(decoder: Int, units: [DecodedUnit], bound: Float)] = []
        decoded.reserveCapacity(decoders.count)
        // A decoder the sieve rules out finds nothing; one that decodes like an earlier one
        // (its twin) takes that one's units, and later its scores.
        let sifted = sievesReadings ? known ?? sieve?.sift(p, range: 0..<sampleEnd) : nil
        // CP949 readings come after every UTF-8 one and are skipped below the final mark: each is
        // bounded first by a decode that keeps nothing, and decoded only when not skipped.
        let boundsFirst = prunesReadings && boundsCP949First
        // One reading explains the whole text: it alone is weighed, with its twins.
        let whole = takesWholeTextReading && wholeText && sampleEnd == p.count ? sifted.map { wholeTextReading(p, $0) } : nil
        for k in decoders.indices {
            if let sifted, sifted.mayDecode >> UInt64(k) & 1 == 0 { continue }
            if let sifted, let whole, let only = whole.decoder, readsUTF8[k] ? sifted.twin[k] != only : !whole.keepsCP949 { continue }
            if boundsFirst && !readsUTF8[k] {
                decoded.append((k, [], -1))  // (-1: not decoded yet)
                continue
            }
            let twin = sifted.map { $0.twin[k] } ?? k
            let units = twin != k ? decoded.first { $0.decoder == twin }?.units ?? [] : (whole ?? tried)?.units(k) ?? self.units(k, p, sampleEnd, sifted)
            if units.isEmpty { continue }
            decoded.append((k, units, prunesReadings ? ReadingBound.rough(units) : .infinity))
        }
        var scored: [Reading?] = Array(repeating: nil, count: decoded.count)
        var isScored = [Bool](repeating: false, count: decoded.count)  // (asking `scored` copied a reading)
        var knownUTF8: [[DecodedUnit]] = []  // (the units of the UTF-8 readings scored so far)
        var topUTF8: Float = 0
        // A scored UTF-8 reading has a line strong enough to stand alone (see `run`).
        var strongUTF8 = false
        func skipped(_ k: Int) -> Bool {
            readsUTF8[decoded[k].decoder] ? decoded[k].bound * 2 < topUTF8 : decoded[k].bound < topUTF8
        }
        func score(_ k: Int) {
            // Moved out, so that scoring them in place does not copy them.
            var units = decoded[k].units
            decoded[k].units = []
            let decoder = decoders[decoded[k].decoder]
            let utf8 = readsUTF8[decoded[k].decoder]
            // (Asked of the reading before it is stored: asking `scored` copied it.)
            let reading: Reading
            if let sifted, let twin = decoded.indices.first(where: { isScored[$0] && sifted.twin[decoded[$0].decoder] == sifted.twin[decoded[k].decoder] }) {
                reading = Reading(decoder: decoder, units: scored[twin]!.units, groups: scored[twin]!.groups, total: scored[twin]!.total,
                                  explained: scored[twin]!.explained)
            } else {
                scoring.score(&units, decoder: decoder, in: p, known: knownUTF8)
                if sharesScores && utf8 { knownUTF8.append(units) }
                let groups = group(units, p)
                let total = groups.reduce(Float(0)) { $0 + max(0, $1.evidence) }
                let explained = units.reduce(0) { $0 + ($1.evidence > 0 && !$1.rejected ? 1 : 0) }
                reading = Reading(decoder: decoder, units: units, groups: groups, total: total, explained: explained)
            }
            if utf8 {
                topUTF8 = max(topUTF8, reading.total)
                if !strongUTF8 { strongUTF8 = reading.groups.contains { $0.evidence >= Self.standaloneThreshold } }
            }
            scored[k] = reading
            isScored[k] = true
        }
        // UTF-8 readings first (only they raise the mark), the most promising first.
        let utf8First = decoded.indices.sorted { a, b in
            let ua = readsUTF8[decoded[a].decoder], ub = readsUTF8[decoded[b].decoder]
            return ua != ub ? ua : decoded[a].bound > decoded[b].bound
        }
        for k in utf8First {
            if decoded[k].bound < 0 {
                // As below: skipped by the rough bound, else by the exact one. (A twin decodes alike.)
                let twin = sifted.map { $0.twin[decoded[k].decoder] } ?? decoded[k].decoder
                if topUTF8 > 0 {
                    let (rough, total, touching) = bounds[decoded[k].decoder].bounds(ofCP949: decoders[twin], scoring: scoring, p, range: 0..<sampleEnd,
                                                                                      sifted: sifted, column: twin)
                    if rough < topUTF8 || total < topUTF8 { continue }
                    // `run` drops it unscored: without two units side by side it has no word.
                    if skipsCP949WithoutWord && strongUTF8 && !touching { cp949WithoutWord += 1; continue }
                }
                decoded[k].units = units(twin, p, sampleEnd, sifted)
                decoded[k].bound = .infinity
                if !decoded[k].units.isEmpty { score(k) }
                continue
            }
            // Nothing is skipped before a UTF-8 reading shows evidence (bounds are never negative).
            if topUTF8 > 0 && prunesReadings {
                if !skipped(k) {
                    let decoder = decoders[decoded[k].decoder]
                    decoded[k].bound = bounds[decoded[k].decoder].total(decoded[k].units, actual: decoder.misreading.actual, scoring: scoring, p)
                }
                if skipped(k) { continue }
            }
            score(k)
        }
        // `run` drops CP949 readings without a word once a UTF-8 reading has a strong line: a
        // skipped reading that might have one is scored when that could matter.
        if !strongUTF8 && decoded.indices.contains(where: { k in
            isScored[k] && !readsUTF8[decoded[k].decoder] && !scored[k]!.groups.contains(where: \.hasWord)
        }) {
            for k in decoded.indices where !isScored[k] && readsUTF8[decoded[k].decoder]
                && decoded[k].bound >= Self.standaloneThreshold {
                score(k)
            }
        }
        // Moved out, not copied (a copy of a reading retains all it holds).
        var found: [Reading] = []
        found.reserveCapacity(scored.count)
        for k in scored.indices { if let r = scored[k].take() { found.append(r) } }
        if let only = whole?.decoder {
            // A weak unit in the reading that explains the text whole: every reading is weighed.
            guard !found.contains(where: { $0.decoder === decoders[only] && Self.hasWeakUnit($0.units) }) else {
                return readings(p, sampleEnd: sampleEnd, wholeText: false, sifted: sifted, tried: whole)
            }
            wholeTextReadings += 1
        }
        return found
    }

    struct Reading {
        var decoder: UnitDecoder
        var units: [DecodedUnit]
        var groups: [UnitGroup]
        var total: Float
        var explained: Int
        /// Per group, its judgement by the model (see `MojibakePass+Gains`); nil: not judged.
        var judged: LineJudgements? = nil
        /// Readings with as much evidence that the model could not tell from this one, which
        /// won on the registry's order alone (see `MojibakePass+Ties`).
        var rivals: [Reading] = []
    }

    /// Texts this short are weighed by the language model even when no reading shows any
    /// hand-weighed evidence (a lone garbled word): the model's cost is small there.
    static let shortText = 4096

    /// The reading with the most evidence; ties (ISO-8859-1 and windows-1252 agree on most bytes)
    /// go to the reading that explains more of the text. Readings close to the best (CP437 and
    /// CP866 share their box drawing; Windows-1252 and 1254 most letters), or on short text every
    /// reading, are then weighed by the language model: the one whose decoded lines gain most in
    /// plausibility wins.
    private func choose(_ readings: [Reading], _ p: UnsafeBufferPointer<UInt8>, short: Bool,
                        writtenCosts: inout [Int: Double]) -> Reading? {
        // (By index until the model is needed: a copy of a reading retains all it holds.)
        var leading: Int? = nil
        for i in readings.indices {
            let total = readings[i].total
            if let b = leading {
                if total > readings[b].total || (total > 0 && total == readings[b].total && readings[i].explained > readings[b].explained) { leading = i }
            } else if total > 0 {
                leading = i
            }
        }
        let top = leading.map { readings[$0].total } ?? 0
        // CP949 readings are left to the evidence (see `modelDecides`).
        let contenders = readings.indices.filter {
            readings[$0].decoder.misreading.actual == .utf8 && (top > 0 ? readings[$0].total * 2 >= top : short)
        }
        // A CP949 reading that leads on the evidence still faces a UTF-8 contender before the
        // model, which must find it better by the line margin (`—Ç–µ–º–Ω–æ—Ç—ã` is Russian through
        // Mac OS Roman, not the syllables `궿둔셸싻앗` CP949 makes of it).
        let cp949Leads = leading.map { readings[$0].decoder.misreading.actual == .windows949 } ?? false
        var best = leading.map { readings[$0] }
        guard contenders.count > 1 || (leading == nil || cp949Leads) && contenders.count == 1 else { return best }
        // The model overrides the evidence only by a clear margin.
        let others = contenders.filter {
            readings[$0].decoder.misreading != best?.decoder.misreading && !decodesAlike(readings[$0], best)
        }.map { readings[$0] }
        guard !others.isEmpty else { return best }
        // Whether the reading chosen so far is the evidence's leader, and where it is in `ledger`.
        var leaderTotal: Float? = nil
        var bestIndex: Int? = nil
        var ledger = JudgedReadings(relative: judgesLazily && best != nil
                                    && Self.judgesRelatively(textBytes: p.count, lines: readings.reduce(0) { $0 + $1.groups.count }))
        if let r = best {
            best = judged(r, &ledger, p, &writtenCosts)
            bestIndex = 0
            leaderTotal = r.total
        }
        let leader = best
        // Readings tied with the leader: as much evidence, and the model prefers neither.
        var tied: [Reading] = []
        for r in others {
            // The model cannot price signs: a reading that differs from the leader only in them
            // (`ÂĄ` is `¥` through Windows-1250, `¡` through ISO-8859-2) leaves it the leader,
            // tied with it.
            if let leader, r.total >= leader.total, differsOnlyInSigns(r, leader) {
                if leaderTotal != nil { tied.append(r) }
                continue
            }
            let r = judged(r, &ledger, p, &writtenCosts)
            let index = ledger.readings.count - 1
            // Against the leader, the model overrides the evidence only by a clear margin; a
            // reading with as much evidence (Windows-1250 and ISO-8859-2 read most bytes alike,
            // and where they differ the evidence often cannot tell) needs only the prior of the
            // registry's order, most common misreading first.
            let margin = leaderTotal.map { r.total < $0 ? Self.lineGain : Self.tieMargin } ?? 0
            if exceeds(index, bestIndex, by: margin, &ledger, p, &writtenCosts) {
                best = r; bestIndex = index; leaderTotal = nil
            } else if leaderTotal != nil && margin == Self.tieMargin && exceeds(index, bestIndex, by: -Self.tieMargin, &ledger, p, &writtenCosts) {
                tied.append(r)
            }
        }
        if leaderTotal != nil { best?.rivals = tied }
        return best
    }

    /// Two readings that decode the same characters at the same places (ISO-8859-1 and
    /// windows-1252 on most text) gain the same: no need to ask the model twice.
    private func decodesAlike(_ a: Reading, _ b: Reading?) -> Bool {
        guard let b, a.units.count == b.units.count else { return false }
        return zip(a.units, b.units).allSatisfy { $0.start == $1.start && $0.end == $1.end && $0.scalar == $1.scalar && $0.rejected == $1.rejected }
    }

    /// Two readings that cut the text into the same units and decode them to the same letters.
    private func differsOnlyInSigns(_ a: Reading, _ b: Reading) -> Bool {
        guard a.units.count == b.units.count else { return false }
        return zip(a.units, b.units).allSatisfy { x, y in
            x.start == y.start && x.end == y.end && x.rejected == y.rejected
                && (x.scalar == y.scalar || (!ScalarTraits.isLetter(x.scalar) && !ScalarTraits.isLetter(y.scalar)))
        }
    }

    /// The units of a group the language model judges while the reading is chosen: a lost NBSP
    /// (one choice) among them, a lost byte (several) not.
    static func isCandidate(_ unit: DecodedUnit) -> Bool { !unit.rejected && (!unit.lossy || unit.spaceLost) }

    /// The candidates of `a` are exactly those of `b`: the same characters at the same places.
    static func sameCandidates(_ a: ArraySlice<DecodedUnit>, _ b: ArraySlice<DecodedUnit>) -> Bool {
        var j = b.startIndex
        for unit in a where isCandidate(unit) {
            while j < b.endIndex && !isCandidate(b[j]) { j += 1 }
            guard j < b.endIndex, b[j].start == unit.start, b[j].end == unit.end, b[j].scalar == unit.scalar else { return false }
            j += 1
        }
        while j < b.endIndex && !isCandidate(b[j]) { j += 1 }
        return j == b.endIndex
    }

    // MARK: Grouping

    struct UnitGroup {
        var range: Range<Int>
        var evidence: Float
        /// Two supportive units side by side: a word, not a stray pair of accented letters.
        var hasWord: Bool
    }

    /// Units of the same line form a group. Only supportive units add evidence; doubtful ones can
    /// only subtract, and a rejected unit counts against its line.
    func group(_ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) -> [UnitGroup] {
        var groups: [UnitGroup] = []
        var start = 0
        var tally = LineTally()
        for k in units.indices {
            if k > start && containsNewline(p, units[k - 1].end..<units[k].start) {
                groups.append(UnitGroup(range: start..<k, evidence: lineEvidence(tally, units[start..<k], p), hasWord: tally.hasWord))
                start = k
                tally = LineTally()
            }
            tally.add(units, k, lineStart: start, alphabet: scoring.alphabet)
        }
        if start < units.count {
            groups.append(UnitGroup(range: start..<units.count, evidence: lineEvidence(tally, units[start...], p), hasWord: tally.hasWord))
        }
        return groups
    }

    /// What a line's units add up to, unit after unit (a whole line at once, or window by window).
    struct LineTally {
        var evidence: Float = 0
        var hasWord = false
        var families = ScriptFamilies()

        mutating func add(_ units: [DecodedUnit], _ k: Int, lineStart: Int, alphabet: SuspicionAlphabet) {
            let unit = units[k]
            // Each unit must earn its place: only what it brings beyond a baseline counts, so a
            // line of many weak decodes (line art, leetspeak) does not add up to a strong one.
            evidence += unit.rejected ? -2 : unit.supportive ? unit.evidence - MojibakePass.unitBaseline : min(unit.evidence, 0)
            if unit.supportive, !alphabet.contains(unit.scalar), let script = ScalarTraits.letterScript(unit.scalar) {
                families.insert(ScalarTraits.family(script))
            }
            if k > lineStart && unit.supportive && units[k - 1].supportive && units[k - 1].end == unit.start { hasWord = true }
        }
    }

    /// A line's evidence after the line-level checks.
    private func lineEvidence(_ tally: LineTally, _ units: ArraySlice<DecodedUnit>, _ p: UnsafeBufferPointer<UInt8>) -> Float {
        var scan = UnexplainedScan()
        if let first = units.first, let last = units.last { scanUnexplained(units, p, first.start..<last.end, &scan) }
        return lineEvidence(tally, unexplained: scan) { contradictions(units, p, stopAbove: $0) }
    }

    /// `contradictions` counts the line's correctly encoded characters, stopping above the limit.
    func lineEvidence(_ tally: LineTally, unexplained: UnexplainedScan, contradictions: (Float) -> Float) -> Float {
        var e = tally.evidence - Self.soupPenalty(tally.families) - unexplained.penalty
        if e < Self.establishedThreshold { e -= contradictions(e) }
        return e
    }

    /// Consistency, as ftfy has it: a line misread this way has no correctly encoded non-ASCII
    /// character left (`DrÃ¥ber` next to a proper `–` is not a Windows-1252 misreading). Each
    /// non-ASCII character of the line outside the units counts against a weakly evidenced line;
    /// strong lines (a Korean sentence) never need the scan.
    ///
    /// A line's evidence is only ever compared with thresholds of zero and above (and counted as
    /// `max(0, e)`), so the count stops once it exceeds `limit`, the evidence it is taken from:
    /// the line is then below zero however many more there are (a wrong reading of a sampled
    /// long line would otherwise scan the whole line, once per reading).
    private func contradictions(_ units: ArraySlice<DecodedUnit>, _ p: UnsafeBufferPointer<UInt8>, stopAbove limit: Float) -> Float {
        guard limit >= 0 else { return 0 }
        guard let first = units.first, let last = units.last else { return 0 }
        var start = first.start
        while start > 0 && p[start - 1] != 0x0A { start -= 1 }
        var end = last.end
        while end < p.count && p[end] != 0x0A { end += 1 }
        var count: Float = 0
        countContradictions(units, p, start..<end, stopAbove: limit, &count)
        return count
    }

    /// Adds two for each non-ASCII character of `range` outside the units; false once the count
    /// exceeds `limit` (the count is then left there).
    @discardableResult
    func countContradictions(_ units: ArraySlice<DecodedUnit>, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             stopAbove limit: Float, _ count: inout Float) -> Bool {
        var next = units.startIndex
        var i = range.lowerBound
        while i < range.upperBound {
            while next < units.endIndex && units[next].end <= i { next += 1 }
            if next < units.endIndex && units[next].start <= i { i = units[next].end; continue }
            let (scalar, length) = UTF8.decode(p, at: i)
            if scalar >= 0x80 && scalar != 0xFFFD && scalar != 0xA0 {
                count += 2
                if count > limit { return false }
            }
            i += length
        }
        return true
    }

    /// A reading that is right explains nearly every mojibake character that touches another
    /// one between its first and last unit; one that leaves most of them unexplained (text garbled
    /// beyond a consistent chain, leetspeak) is not this misreading.
    /// The scan runs from the line's first unit to the end of its last one, in one go or window
    /// by window (`UnexplainedScan` carries its state).
    struct UnexplainedScan {
        var explained = 0, unexplained = 0
        var previousAlphabet = false, pendingAlphabet = false
        var penalty: Float { unexplained > explained / 2 ? Float(unexplained - explained / 2) : 0 }
    }

    func scanUnexplained(_ units: ArraySlice<DecodedUnit>, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                         _ scan: inout UnexplainedScan) {
        var next = units.startIndex
        var i = range.lowerBound
        while i < range.upperBound {
            while next < units.endIndex && units[next].end <= i { next += 1 }
            let inUnit = next < units.endIndex && units[next].start <= i && !units[next].rejected
            let (scalar, length) = UTF8.decode(p, at: i)
            let alphabet = scoring.alphabet.contains(scalar)
            if inUnit {
                if alphabet { scan.explained += 1 }
                scan.previousAlphabet = false
                scan.pendingAlphabet = false
            } else if alphabet {
                // Count a character once it is known to touch another one.
                if scan.previousAlphabet {
                    scan.unexplained += scan.pendingAlphabet ? 2 : 1
                    scan.pendingAlphabet = false
                } else {
                    scan.pendingAlphabet = true
                }
                scan.previousAlphabet = true
            } else {
                scan.previousAlphabet = false
                scan.pendingAlphabet = false
            }
            i += length
        }
    }

    /// Decoded letters from many unrelated scripts on one line (`㆒テ㢀ľՋ`) are a wrong reading.
    static func soupPenalty(_ families: ScriptFamilies) -> Float {
        families.count >= 3 ? Float(families.count - 2) * 4 : 0
    }

    /// The line (without its newline) holding the units.
    func lineRange<Units: RandomAccessCollection<DecodedUnit>>(_ units: Units, _ p: UnsafeBufferPointer<UInt8>) -> Range<Int>
        where Units.Index == Int {
        var start = units[0].start
        while start > 0 && p[start - 1] != 0x0A { start -= 1 }
        var end = units[units.count - 1].end
        while end < p.count && p[end] != 0x0A { end += 1 }
        return start..<end
    }

    private func containsNewline(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where p[i] == 0x0A { return true }
        return false
    }

    // MARK: Proof of invertibility

    /// Re-encodes the decoded character in the actual charset and reads the bytes back through the
    /// shown charset: a lossless unit is kept only if that gives exactly its source characters.
    func isInvertible(_ unit: DecodedUnit, decoder: UnitDecoder, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        if unit.lossy { return true }
        let bytes: [UInt8]
        if decoder.misreading.actual == .windows949 {
            var source: [UInt8] = []
            var i = unit.start
            while i < unit.end {
                let (s, l) = UTF8.decode(p, at: i)
                guard let b = decoder.table.byte(for: s) else { return false }
                source.append(b)
                i += l
            }
            guard source.count == 2, decoder.cp949.scalar(lead: source[0], trail: source[1]) == unit.scalar else { return false }
            bytes = source
        } else if unit.width == 6 {
            bytes = CESU8Surrogates.encode(unit.scalar)
        } else if Unicode.Scalar(unit.scalar) != nil {
            // Its bytes worked out in place, one at a time: an array per unit was a quarter of a
            // repair's allocations, and the standard library's UTF-8 view of a scalar a third of this check.
            return decoder.table.byteToScalar.withUnsafeBufferPointer { toScalar in
                let s = unit.scalar
                let count = s < 0x80 ? 1 : s < 0x800 ? 2 : s < 0x10000 ? 3 : 4
                var i = unit.start
                for k in 0..<count {
                    let shift = UInt32(6 * (count - 1 - k))
                    let lead: UInt32 = count == 1 ? 0 : count == 2 ? 0xC0 : count == 3 ? 0xE0 : 0xF0
                    let b = k == 0 ? (count == 1 ? s : lead | s >> shift) : 0x80 | (s >> shift) & 0x3F
                    guard i < unit.end else { return false }
                    let (source, l) = UTF8.decode(p, at: i)
                    guard toScalar[Int(b)] == source else { return false }
                    i += l
                }
                return i == unit.end
            }
        } else {
            bytes = UTF8.encode(unit.scalar)
        }
        return readsBack(bytes, unit, decoder: decoder, p)
    }

    /// The bytes read through the shown charset are exactly the unit's source characters.
    private func readsBack(_ bytes: some Sequence<UInt8>, _ unit: DecodedUnit, decoder: UnitDecoder, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = unit.start
        for b in bytes {
            guard i < unit.end else { return false }
            let (s, l) = UTF8.decode(p, at: i)
            guard decoder.table.byteToScalar[Int(b)] == s else { return false }
            i += l
        }
        return i == unit.end
    }

    // MARK: Output

    /// A unit taken for repair (by its index in the chosen reading's units) and its line's evidence.
    typealias Accepted = (index: Int, groupEvidence: Float)

    /// The text with the accepted units applied; the pass's input is attached by `run`.
    private func apply(_ accepted: [Accepted], _ units: [DecodedUnit], misreading: Misreading,
                       _ p: UnsafeBufferPointer<UInt8>) -> (output: [UInt8], pass: RepairPass) {
        var writer = ChangeWriter(misreading)
        writer.output.reserveCapacity(p.count)
        write(accepted[...], units, misreading: misreading, p, into: &writer)
        return writer.finish(p)
    }

    /// The changes of the accepted units, listed (not made).
    private func listed(_ accepted: [Accepted], _ units: [DecodedUnit], misreading: Misreading,
                        _ p: UnsafeBufferPointer<UInt8>) -> [RepairChange] {
        var writer = ChangeWriter(misreading)
        write(accepted[...], units, misreading: misreading, p, into: &writer)
        return writer.listed(p)
    }

    /// The output and changes of accepted units, written in order: the whole text at once, or
    /// window by window (the text between units is copied as it comes).
    struct ChangeWriter {
        var output: [UInt8] = []
        /// Input bytes written so far.
        var copied = 0
        var changes: ChangeList

        init(_ misreading: Misreading) {
            changes = ChangeList(steps: misreading.repairSteps,
                                 surrogateSteps: [ChainStep.encode(misreading.shownAs), .decode(CESU8Surrogates.charset)])
        }

        /// The output (the rest of the input copied) and the pass.
        mutating func finish(_ p: UnsafeBufferPointer<UInt8>) -> (output: [UInt8], pass: RepairPass) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...]))
            copied = p.count
            changes.output = output
            return (output, RepairPass(kind: .mojibake, chain: changes.steps, changes: changes))
        }

        /// The changes, each made, reading their input in `p`.
        mutating func listed(_ p: UnsafeBufferPointer<UInt8>) -> [RepairChange] {
            changes.output = output
            return changes.changes(input: p)
        }
    }

    func write(_ accepted: ArraySlice<Accepted>, _ units: [DecodedUnit], misreading: Misreading,
               _ p: UnsafeBufferPointer<UInt8>, into writer: inout ChangeWriter) {
        var k = accepted.startIndex
        while k < accepted.endIndex {
            // Merge units that touch into one change.
            var last = k
            while last + 1 < accepted.endIndex && units[accepted[last + 1].index].start == units[accepted[last].index].end { last += 1 }
            let start = units[accepted[k].index].start, end = units[accepted[last].index].end
            writer.output.append(contentsOf: UnsafeBufferPointer(rebasing: p[writer.copied..<start]))
            var guesses: [String] = []
            var evidence: Float = 0
            for (j, entry) in zip(k..., accepted[k...last]) {
                let unit = units[entry.index]
                UTF8.append(unit.scalar, to: &writer.output)
                // What follows: the next unit as decoded where one touches this one (`Ã Ã¨` is `à è`).
                if unit.spaceLost, keepsWordGap(unit, after: writer.output.dropLast(UTF8.encode(unit.scalar).count),
                                                before: j < last ? units[accepted[j + 1].index].scalar : nil, p) {
                    writer.output.append(0x20)
                }
                evidence = max(evidence, entry.groupEvidence)
                if unit.lossy { guesses.append(guessDescription(unit, p)) }
            }
            // A surrogate pair is CESU-8, which ICU's CESU-8 decoder reads along with plain UTF-8.
            writer.changes.append(input: start..<end, outputEnd: writer.output.count, confidence: Self.thousandths(evidence),
                                  surrogates: accepted[k...last].contains { units[$0.index].width == 6 },
                                  guesses: guesses.isEmpty ? nil : guesses)
            writer.copied = end
            k = last + 1
        }
    }

    /// Nats by which a word gap after a letter must be the more plausible: inside a word is
    /// where a lost NBSP after a letter usually was (`ĐÃ o`, Catalan `pÃ gina`).
    static let gapAfterALetterMargin = 1.0

    /// A letter whose lost NBSP became the only space before the next word (`Ã perturber`,
    /// `jusqu'Ã nos`, `voilÃ le`: spaces collapsed after the NBSP turned into one): the space was
    /// also the word gap, so one is kept and a guess never merges two words. Only a lowercase
    /// letter followed by a letter (`following`: the next unit's, where one touches this one):
    /// a capital starts a word (`Š is` is `Šis`, `Hà Nội`), and a wider character (`ê° ë`) is
    /// never a word's last letter here. The language model, in the language of the text around,
    /// decides: Portuguese `Ã s crianças` is `às crianças`, French `Ã perturber` `à perturber`,
    /// `voilÃ le` `voilà le`, Vietnamese `ĐÃ o` `Đào`. Where it cannot tell, a letter standing
    /// alone is a word (`à`), and one after a letter is inside one.
    private func keepsWordGap<C: BidirectionalCollection<UInt8>>(_ unit: DecodedUnit, after written: C, before following: UInt32?,
                                                                _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard unit.spaceLost, unit.width == 2, ScalarTraits.isLowercase(unit.scalar), unit.end < p.count else { return false }
        let next = following ?? UTF8.scalar(at: unit.end, in: p)
        guard ScalarTraits.isLetter(next) else { return false }
        if ScalarTraits.isUppercase(next) { return true }
        var before = written.endIndex
        while before > written.startIndex {
            before = written.index(before: before)
            if written[before] & 0xC0 != 0x80 { break }
        }
        let afterALetter = before < written.endIndex && ScalarTraits.isLetter(UTF8.scalars(Array(written[before...])).first ?? 0)
        // The language is read from the text as repaired so far and the text after: written
        // mojibake (`Г l’ouest`, French shown as Windows-1251) reads as another language.
        guard let language = languageAround(unit, after: written, p) else { return !afterALetter }
        let model = plausibility.model
        // A letter the language does not use cannot tell a word gap from a word going on.
        guard model.knows(unit.scalar, in: language) else { return !afterALetter }
        let gap = model.cost(of: 0x20, after: unit.scalar, in: language) + model.cost(of: next, after: 0x20, in: language)
        let goingOn = model.cost(of: next, after: unit.scalar, in: language)
        return afterALetter ? gap + Self.gapAfterALetterMargin < goingOn : gap <= goingOn
    }

    /// The most plausible language of the text within a few words of a unit: the output written
    /// before it and the ASCII of the input after it (bounded, so that a long line of guesses
    /// stays linear).
    private func languageAround<C: BidirectionalCollection<UInt8>>(_ unit: DecodedUnit, after written: C,
                                                                  _ p: UnsafeBufferPointer<UInt8>) -> Language? {
        var start = written.endIndex
        var taken = 0
        while start > written.startIndex && taken < Self.languageWindow {
            let previous = written.index(before: start)
            if written[previous] == 0x0A { break }
            start = previous
            taken += 1
        }
        while start < written.endIndex && written[start] & 0xC0 == 0x80 { start = written.index(after: start) }
        var scalars = UTF8.scalars(Array(written[start...]))
        scalars.append(unit.scalar)
        let end = min(p.count, unit.end + Self.languageWindow)
        var i = unit.end
        while i < end {
            let (scalar, length) = UTF8.decode(p, at: i)
            if scalar == 0x0A { break }
            // Only ASCII after the unit: the rest may be mojibake not repaired yet.
            if scalar < 0x80 { scalars.append(scalar) }
            i += length
        }
        return plausibility.model.score(scalars).best?.language
    }
    static let languageWindow = 96

    private func guessDescription(_ unit: DecodedUnit, _ p: UnsafeBufferPointer<UInt8>) -> String {
        let source = String(decoding: UnsafeBufferPointer(rebasing: p[unit.start..<unit.end]), as: Unicode.UTF8.self)
        let result = String(decoding: UTF8.encode(unit.scalar), as: Unicode.UTF8.self)
        let hex = String(unit.scalar, radix: 16, uppercase: true)
        if unit.scalar == Self.undecided && unit.isGuess {
            return "\(source) -> \(result) U+\(hex): lost byte not recoverable (none of \(unit.choiceCount) candidates clearly best)"
        }
        let alternatives = unit.isGuess ? " (one of \(unit.choiceCount) candidates)" : ""
        return "\(source) -> \(result) U+\(hex)\(alternatives): lost byte restored"
    }

    static func confidence(_ evidence: Float) -> Double {
        Double(thousandths(evidence)) / 1000
    }

    static func thousandths(_ evidence: Float) -> Int {
        let e = Double(max(0, evidence))
        return Int(e / (e + 2) * 1000)
    }

    private func characterBoundary(_ p: UnsafeBufferPointer<UInt8>, atOrBefore offset: Int) -> Int {
        var i = offset
        while i > 0 && i < p.count && p[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }
}
