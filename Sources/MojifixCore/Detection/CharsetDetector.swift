internal import MojifixICU

/// The charset of bytes that are not UTF-8, chosen by the language model: every candidate charset
/// that decodes the bytes strictly gives a reading, and the reading that is the most plausible
/// text in some language wins. The costs are log-likelihoods, so readings compare directly; when
/// the two best distinct readings are close, there is no verdict but the pair.
struct CharsetDetector {
    enum Verdict: Equatable {
        case charset(Charset, confidence: Double)
        case ambiguous([Charset])
        case none
    }

    /// ASCII-compatible legacy charsets with their prior cost (nats, -ln of how often a file is
    /// in that charset rather than in the most common one), the most common of each group first:
    /// a reading that several charsets give the same text is named after the first. Korean files
    /// are mojifix's home ground, so CP949 has no prior cost; rare charsets pay more.
    static let candidates: [(charset: Charset, prior: Double)] = [
        ("windows-949", 0), ("Johab", 3), ("windows-31j", 1), ("EUC-JP", 1), ("GB18030", 1), ("Big5", 1), ("Big5-HKSCS", 2),
        ("windows-1252", 1), ("ISO-8859-1", 1), ("ISO-8859-15", 2), ("windows-1250", 1), ("ISO-8859-2", 2),
        ("windows-1251", 1), ("KOI8-R", 2), ("KOI8-U", 2), ("IBM866", 2), ("ISO-8859-5", 3), ("x-mac-cyrillic", 3),
        ("IBM855", 3), ("windows-1253", 2), ("ISO-8859-7", 2), ("windows-1254", 2), ("ISO-8859-9", 2),
        ("windows-1255", 2), ("ISO-8859-8", 2), ("windows-1256", 2), ("ISO-8859-6", 3), ("windows-1257", 2),
        ("ISO-8859-13", 2), ("ISO-8859-4", 3), ("windows-1258", 2), ("windows-874", 2), ("ISO-8859-3", 3),
        ("ISO-8859-10", 3), ("ISO-8859-14", 3), ("ISO-8859-16", 3), ("macintosh", 2), ("x-mac-centraleurope", 3),
        ("IBM850", 2), ("IBM852", 3), ("IBM437", 3),
    ].map { (Charset($0.0), $0.1) }

    /// EBCDIC, not ASCII-compatible: tried only when the EBCDIC space (0x40) outnumbers the
    /// ASCII one, and scored on all its bigrams.
    static let ebcdic: [(charset: Charset, prior: Double)] = [(Charset("IBM037"), 3), (Charset("IBM500"), 3)]

    /// A reading the file declares (and that decodes strictly) wins unless another reading is
    /// this much more plausible (nats) and, in another script, fits its language better by
    /// `declaredFit`: a Thai or Korean feed, mostly ASCII markup that a Cyrillic language prices
    /// cheaper than Thai or Korean, costs more as a whole than Cyrillic nonsense of its bytes that
    /// fits no better. (In one script the languages price the markup alike: a file labelled
    /// Windows-1252 whose `€` are ISO-8859-15's is still read as ISO-8859-15.)
    static let declared = 10.0
    static let declaredFit = 0.1

    /// Bytes of the file the readings are scored on: enough to decide, bounded for speed.
    static let sampleLimit = 4 * 1024
    /// How much cheaper (nats) the best reading must be than the runner-up when the best fits its
    /// language well; a worse fit in Latin script (likely a language the model lacks) asks for more.
    static let margin = 3.0
    static let marginPerMissingFit = 100.0
    static let goodFit = 0.8
    /// Below this fit in every reading, the bytes are not text at all.
    static let leastPlausible = 0.35
    /// A short input with few non-ASCII bytes is little evidence (no text around them to tell the
    /// language): below `enoughNonASCII` of them, each missing one adds to the margin.
    static let shortInput = 64
    static let enoughNonASCII = 8
    static let marginPerMissingByte = 1.0

    let model = LanguageModel.shared

    struct Reading {
        let charset: Charset
        let text: [UInt8]
        let cost: Double
        let language: Language
        let plausibility: Double
        /// How rare the charset is (see `candidates`).
        let prior: Double
        /// The file's own declaration names this reading (`CharsetDeclaration`).
        var isDeclared = false
    }

    func detect(_ bytes: [UInt8]) -> Verdict {
        let sample = Self.sample(bytes)
        let text = Self.weighed(sample)
        let readings = rank(sample, weighed: text)
        // Not text in any reading (random high bytes, compressed data without a NUL).
        guard let best = readings.first, best.plausibility >= Self.leastPlausible else { return .none }
        // Little text is little evidence: each non-ASCII byte short of `enoughNonASCII` in a short
        // text (its markup left out, as the readings were scored: a page holding one word is as
        // short as the word) asks for more margin, of the best reading and against a declaration.
        let nonASCII = sample.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        let little = text.count < Self.shortInput
            ? Double(max(0, Self.enoughNonASCII - nonASCII)) * Self.marginPerMissingByte : 0
        // A declared reading that decodes strictly wins unless another is far cheaper (and, in
        // another script, fits its language better: see `declaredFit`).
        // Nor where the other reading differs from it outside words only (signs, lone letters).
        if let declared = readings.first(where: \.isDeclared) {
            if declared.cost - best.cost < Self.declared + little
                || best.language.script != declared.language.script && best.plausibility - declared.plausibility < Self.declaredFit
                || Self.differsOnlyOutsideWords(UTF8.scalars(best.text), from: UTF8.scalars(declared.text)) {
                return .charset(declared.charset, confidence: 1)
            }
            // Nor is the model's verdict against a declaration evidence where the declared reading
            // shows prose signs wherever the two differ: it prices signs by prose, not by what a
            // table holds (see `showsSignsWhereverItDiffers`). Neither is sure: the pair.
            if showsSignsAgainstForeignLetters(declared, best) { return .ambiguous([best.charset, declared.charset]) }
        }
        if let common = commonReading(beside: best, in: readings) {
            return .ambiguous([best.charset, common.charset])
        }
        if let second = readings.dropFirst().first {
            // Only Latin script has many languages the model lacks (Maltese, Welsh, Estonian ...).
            let misfit = best.language.script == .latin ? max(0, Self.goodFit - best.plausibility) : 0
            let needed = Self.margin + misfit * Self.marginPerMissingFit + little
            let gap = second.cost - best.cost
            if gap < needed { return .ambiguous([best.charset, second.charset]) }
            return .charset(best.charset, confidence: (min(1, gap / (needed * 2)) * 1000).rounded() / 1000)
        }
        return .charset(best.charset, confidence: 1)
    }

    /// The distinct readings of the sample, most plausible first (cost includes the prior).
    /// `weighed`: `weighed(sample)`, when the caller has it already.
    func rank(_ sample: [UInt8], weighed: [UInt8]? = nil) -> [Reading] {
        let raw = sample
        // The readings are weighed on the text, not on the markup around it (see `withoutMarkup`);
        // the declaration is read in the markup. EBCDIC spells no markup in these bytes.
        let sample = weighed ?? Self.weighed(raw)
        let ascii = model.score(sample.map(UInt32.init), languages: model.all, bigrams: .ascii)
        let quoted = Self.nonASCIIShare(sample)
        var seen = Set<HashedAtOnce>()
        var readings: [Reading] = []
        let declaredCodec = CharsetDeclaration.name(in: raw).flatMap { name in try? TextCodecs.codec(for: Charset.named(name)) }
        let declared = declaredCodec.flatMap { try? $0.decode(sample) }
        var bestStart = (densest: Double.infinity, around: Double.infinity)
        let spaces = raw.reduce(into: (ascii: 0, ebcdic: 0)) { n, b in if b == 0x20 { n.ascii += 1 } else if b == 0x40 { n.ebcdic += 1 } }
        let ebcdic = spaces.ebcdic > spaces.ascii ? Self.ebcdic : []
        for (index, (charset, prior)) in (Self.candidates + ebcdic).enumerated() {
            guard let codec = try? TextCodecs.codec(for: charset),
                  let decoded = try? codec.decode(index < Self.candidates.count ? sample : raw),
                  !Self.containsBinaryControls(decoded),
                  seen.insert(HashedAtOnce(bytes: decoded)).inserted else { continue }
            let scalars = UTF8.scalars(Self.composed(decoded))
            if Self.containsNoCharacter(scalars) { continue }
            let (languages, firstCost) = likelyLanguages(scalars, quoted: index < Self.candidates.count ? quoted : 0)
            // A reading whose looks are both already far behind the best ones cannot win or come
            // close (unless the file declares it: it is weighed in full).
            if let firstCost {
                if firstCost.densest > bestStart.densest + Self.hopeless && firstCost.around > bestStart.around + Self.hopeless
                    && decoded != declared { continue }
                bestStart = (min(bestStart.densest, firstCost.densest), min(bestStart.around, firstCost.around))
            }
            // ASCII-compatible readings share the ASCII bigrams of the bytes; EBCDIC shares none.
            let scores = index < Self.candidates.count
                ? model.score(scalars, languages: languages, bigrams: .nonASCII).adding(asciiOf: ascii, quoted: quoted)
                : model.score(scalars, languages: languages)
            guard let best = scores.best else { continue }
            let glued = Double(Self.symbolsInsideWords(scalars)) * Self.symbolInsideAWord
            readings.append(Reading(charset: charset, text: decoded, cost: best.cost + prior + glued, language: best.language,
                                    plausibility: scores.plausibility, prior: prior, isDeclared: decoded == declared))
        }
        return readings.sorted { $0.cost < $1.cost }
    }

    /// What a reading pays (nats) for each symbol between two letters (`l-±oss`, `ka■nomo`): the
    /// model takes a symbol for a word boundary, which costs little, so a charset that is not the
    /// file's, showing symbols where the file has letters of a language the model lacks (Maltese
    /// `ħ`, Esperanto `ŝ`), would otherwise read as plausible text.
    static let symbolInsideAWord = 5.0

    /// Symbols (math, currency, other, modifier) with a small letter right before and after: inside
    /// a word. Not next to a capital, and not the symbols real text glues to words (`Foo®Bar`,
    /// `L×B×H`, `Name¦Vorname`, `Art§b`, `don´t`), which a right reading would pay for.
    static func symbolsInsideWords(_ scalars: [UInt32]) -> Int {
        guard scalars.count >= 3 else { return 0 }
        var count = 0
        for k in 1..<(scalars.count - 1) where scalars[k] >= 0x80 && ScalarTraits.isSymbol(scalars[k])
            && ScalarTraits.isLowercase(scalars[k - 1]) && ScalarTraits.isLowercase(scalars[k + 1])
            && !gluedInRealText.contains(scalars[k]) {
            count += 1
        }
        return count
    }

    /// `´` `®` `©` `™` `×` `¦` `§` (`§` is punctuation to Unicode, listed for clarity). `±` is
    /// not among them: between small letters it is Maltese `ħ` read as Latin-1 (`g±odu`), and a
    /// file writing `x±y` is refused rather than another read wrong.
    private static let gluedInRealText: Set<UInt32> = [0xB4, 0xAE, 0xA9, 0x2122, 0xD7, 0xA6, 0xA7]

    /// Bytes hashed in one call (an array of bytes is hashed byte by byte: a tenth of the time
    /// of a small file's detection went there).
    private struct HashedAtOnce: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    /// The few languages worth scoring a long reading in: every language of a script other than
    /// Latin that occurs in it (few each), and the best Latin ones of a first look at where its
    /// non-ASCII text starts (scoring all 28 Latin languages over the whole sample is most of the
    /// time spent); and, for pruning, the best cost of that look and of the window where the
    /// non-ASCII text is densest (`densestLook`).
    func likelyLanguages(_ scalars: [UInt32], quoted: Double = 0) -> (LanguageSet?, (densest: Double, around: Double)?) {
        guard scalars.count > Self.firstLook else { return (nil, nil) }
        let first = max(0, min(scalars.count - Self.firstLook, (scalars.firstIndex { $0 >= 0x80 } ?? 0) - Self.firstLook / 4))
        let ranked = look(scalars[first..<(first + Self.firstLook)], quoted: quoted).ranked
        let latin = model.languages.filter { $0.script == .latin }
        var set = LanguageSet(ranked.prefix(Self.languagesKept).map(\.language))
        set.mask |= model.languagesFor(scalars).mask & ~LanguageSet(latin).mask
        // The window where the non-ASCII text is densest prices the reading's text itself, not the
        // markup and dates around its first non-ASCII character (`<pubDate>พฤ., 03 พ.ย. 2005`,
        // which ISO-8859-5's Cyrillic nonsense out-priced, so the Thai reading was pruned).
        let densest = Self.densestLook(scalars)
        let densestCost = densest == first ? ranked.first?.cost : look(scalars[densest..<(densest + Self.firstLook)], quoted: quoted).best?.cost
        guard let aroundCost = ranked.first?.cost, let densestCost else { return (set, nil) }
        return (set, (densestCost, aroundCost))
    }
    /// A window's scores, its ASCII priced as in `rank` (see `LanguageScores.adding(asciiOf:)`).
    private func look(_ window: ArraySlice<UInt32>, quoted: Double) -> LanguageScores {
        let scalars = Array(window)
        return model.score(scalars, bigrams: .nonASCII).adding(asciiOf: model.score(scalars, languages: model.all, bigrams: .ascii), quoted: quoted)
    }

    /// Where the second look (pruning only) starts: the window of `firstLook` scalars holding the
    /// most non-ASCII ones (the first such).
    static func densestLook(_ scalars: [UInt32]) -> Int {
        var count = 0, best = -1, start = 0
        for (k, s) in scalars.enumerated() {
            if s >= 0x80 { count += 1 }
            if k >= firstLook && scalars[k - firstLook] >= 0x80 { count -= 1 }
            if k >= firstLook - 1 && count > best { best = count; start = k - firstLook + 1 }
        }
        return start
    }

    /// How far (nats) behind the best start a reading's start may be and still be scored in full.
    static let hopeless = 60.0
    static let firstLook = 160
    static let languagesKept = 4

    /// Windows-1258 writes Vietnamese tones as combining marks; the model knows composed letters.
    static func composed(_ utf8: [UInt8]) -> [UInt8] {
        guard utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }),
              let nfc = try? ICUNormalizer.normalize(utf8, to: .nfc) else { return utf8 }
        return nfc
    }

    /// An unassigned code point beyond the BMP: what GB18030's four-byte sequences make of a
    /// single-byte file's sign, digit, sign, digit (`×4×7` in CP850 is U+3C5E9), never text.
    /// (Private use is kept: a GB18030 file may spell its own characters there.)
    static func containsNoCharacter(_ scalars: [UInt32]) -> Bool {
        scalars.contains { $0 >= 0x10000 && ScalarTraits.category($0) == .unassigned }
    }

    /// Controls other than white space, ESC, SO and SI: a decoding that yields them is not text.
    static func containsBinaryControls(_ utf8: [UInt8]) -> Bool {
        utf8.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C && $0 != 0x1B }
    }
}
