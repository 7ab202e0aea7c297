import Synchronization

/// A rarer charset that wins on signs alone is no verdict.
///
/// The model prices signs by how often word lists and prose show them, not by what a file of
/// some charset holds: a quotation mark costs less than `µ`, `©` or `×`, and a letter it folds to
/// a common one (`İ` to `i`) less still. So a Western file whose one byte beyond the letters
/// shared by a dozen charsets is `©`, `µ` or `×` reads best as ISO-8859-3 (`İ 2019`), ISO-8859-16
/// (`86 ”m`) or x-mac-cyrillic (`92„16„85 cm`), charsets such a file is almost never in. Where a
/// rarer charset's reading shows no letter of its language where a more common one's differs,
/// and the common one shows prose signs there, nothing tells the two apart: the verdict is the
/// pair. So too where the common reading alone shows the language's letters against letters of
/// another (`myć` against `myæ`). (A common reading showing a sign prose does not use, `¤` where
/// ISO-8859-15 has `€`, or a letter, `É` where Mac OS Roman has `…`, leaves the model's verdict.)
private let latinCharsets = Mutex<[String: Bool]>([:])

extension CharsetDetector {
    /// The reading of a more common charset than `best`'s, in the same language, from which `best`
    /// differs by signs alone, or by letters of another language where it shows the language's own;
    /// else one, in any language, from which it differs only outside words (`differsOnlyOutsideWords`).
    func commonReading(beside best: Reading, in readings: [Reading]) -> Reading? {
        let chosen = UTF8.scalars(best.text)
        let common = readings.filter { $0.prior < best.prior }.map { ($0, UTF8.scalars($0.text)) }
        if let found = common.first(where: { other, scalars in other.language == best.language && winsOnSignsAlone(chosen, over: scalars, in: best.language) })
            ?? common.first(where: { Self.differsOnlyOutsideWords(chosen, from: $0.1) }) {
            return found.0
        }
        // And the other way round: a common charset's lone letters where a rarer one shows prose
        // signs (`15 ž 58 ž 7 mm` through Windows-1250, `15 × 58 × 7 mm` through CP850); or, in
        // Latin text, a common charset's signs where a rarer Latin one shows prose signs (`202«`
        // through Windows-1252, `202½` through CP437: the model prices a quotation mark below
        // `½`, and nothing else tells them apart; a Cyrillic charset writes no Latin text).
        return readings.first { other in
            guard other.prior > best.prior else { return false }
            let scalars = UTF8.scalars(other.text)
            return Self.differsOnlyOutsideWords(chosen, from: scalars, signsOnly: true)
                || best.language.script == .latin && Self.differsInSignsAlone(chosen, from: scalars) && Self.writesLatin(other.charset)
        }
    }

    /// `chosen` and `other` differ, and wherever they do, `chosen` shows no letter and `other` a
    /// prose sign.
    static func differsInSignsAlone(_ chosen: [UInt32], from other: [UInt32]) -> Bool {
        guard chosen.count == other.count else { return false }
        var differs = false
        for k in chosen.indices where chosen[k] != other[k] {
            guard !ScalarTraits.isLetter(chosen[k]), isProseSign(other[k]) else { return false }
            differs = true
        }
        return differs
    }

    /// Whether most letters of a single-byte charset's high half are Latin (CP437, Mac OS Roman,
    /// not KOI8-R or ISO-8859-7). Worked out once per charset from its bytes 0x80-0xFF.
    static func writesLatin(_ charset: Charset) -> Bool {
        latinCharsets.withLock { known in
            if let answer = known[charset.icuName] { return answer }
            var latin = 0, other = 0
            if let codec = try? TextCodecs.codec(for: charset) {
                for byte in UInt8(0x80)...0xFF {
                    guard let decoded = try? codec.decode([byte]), let s = UTF8.scalars(decoded).first, ScalarTraits.isLetter(s) else { continue }
                    if ScalarTraits.letterScript(s) == .latin { latin += 1 } else { other += 1 }
                }
            }
            known[charset.icuName] = latin > other
            return latin > other
        }
    }

    /// `chosen` and `other` (single-byte readings of the same bytes) differ, and wherever they
    /// do, `chosen` shows no letter of a word (a sign, or a letter with no letter of its script
    /// beside it) and `other` a prose sign or a letter: a table of signs (`56 × 42 × 9 mm`,
    /// `Ø 100 mm ¼ 240 ± 77`, `· 20 39°`) that a rarer charset reads as letters standing alone or
    /// glued into words of another script (`56 з 42 з 9 mm`, `ž 240 ą 77`, `À 20 39░`, `Mхl`),
    /// whatever language each is weighed in: the model prices such letters as one-letter words,
    /// not the signs, and no word of the rarer reading speaks for it. (A common reading showing a
    /// sign prose does not use, `¤` where ISO-8859-15 has `€`, or a control, leaves the model's
    /// verdict.) Also what keeps a declaration against a reading that differs from it so
    /// (`Ø 81 mm` declared IBM850, read as Windows-1250's `ť 81 mm`).
    /// `signsOnly`: `other` shows prose signs only, and `chosen` a lone letter somewhere (the common
    /// charset's lone letters against a rarer one's signs).
    static func differsOnlyOutsideWords(_ chosen: [UInt32], from other: [UInt32], signsOnly: Bool = false) -> Bool {
        guard chosen.count == other.count else { return false }
        var differs = false, letters = false
        for k in chosen.indices where chosen[k] != other[k] {
            guard isProseSign(other[k]) || !signsOnly && ScalarTraits.isLetter(other[k]), !inAWord(k, chosen) else { return false }
            differs = true
            letters = letters || ScalarTraits.isLetter(chosen[k])
        }
        return signsOnly ? letters : differs
    }

    /// `declared` and `best` (single-byte readings of the same bytes) differ, and wherever they do,
    /// `declared` shows a prose sign, not between two letters: a page of measures declared IBM850
    /// (`½ 67 196 µm ¼`) that Windows-1252 reads as `« 67 196 æm ¬`, the model preferring a
    /// quotation mark to `½` and a letter to `µ`, whatever the letter glues to. (A declared reading
    /// showing a letter, a control, a sign prose does not use (`¤` where ISO-8859-15 has `€`) or a
    /// sign inside a word (`g³ówna`: Polish declared Windows-1252) leaves the model's verdict.)
    static func showsSignsWhereverItDiffers(_ declared: [UInt32], from best: [UInt32]) -> Bool {
        guard declared.count == best.count else { return false }
        func letter(_ j: Int) -> Bool { j >= 0 && j < declared.count && ScalarTraits.isLetter(declared[j]) }
        var differs = false
        for k in declared.indices where declared[k] != best[k] {
            guard isProseSign(declared[k]), !(letter(k - 1) && letter(k + 1)) else { return false }
            differs = true
        }
        return differs
    }

    /// The declared reading shows prose signs wherever `best` differs (`showsSignsWhereverItDiffers`),
    /// and none of `best`'s letters there is one of the language the declared reading is weighed
    /// in: `æm` where an IBM850 page in French shows `µm`. Where one is (`Když` where a Czech page
    /// mislabelled ISO-8859-1 shows `Kdy¾`), the model's favourite reads the page's own language.
    func showsSignsAgainstForeignLetters(_ declared: Reading, _ best: Reading) -> Bool {
        let signs = UTF8.scalars(declared.text), other = UTF8.scalars(best.text)
        guard Self.showsSignsWhereverItDiffers(signs, from: other) else { return false }
        return !zip(signs, other).contains { $0 != $1 && isLetter($1, of: declared.language) }
    }

    /// A letter with a letter (or combining mark) of its own script right before or after it.
    private static func inAWord(_ k: Int, _ s: [UInt32]) -> Bool {
        guard ScalarTraits.isLetter(s[k]) else { return false }
        let script = ScalarTraits.letterScript(s[k])
        func sameScript(_ j: Int) -> Bool {
            j >= 0 && j < s.count && (ScalarTraits.isCombiningMark(s[j]) || ScalarTraits.isLetter(s[j]) && ScalarTraits.letterScript(s[j]) == script)
        }
        return sameScript(k - 1) || sameScript(k + 1)
    }

    /// `chosen` and `other` decode the same bytes one character each (single-byte charsets), and
    /// where they differ, either only `other` shows letters of `language` where the other reading
    /// shows a letter of another language (`myć` read as `myæ`, `Schäden` as `Schõden`), or
    /// `chosen` never shows a letter of the language and `other` always shows a prose sign (`30×20`
    /// read as `30„20`, `© 2019` as `İ 2019`; `…` read as `É` is the model's to judge).
    private func winsOnSignsAlone(_ chosen: [UInt32], over other: [UInt32], in language: Language) -> Bool {
        guard chosen.count == other.count else { return false }
        var differs = false, letters = false, unlikeProse = false
        var lettersForChosen = false, lettersForOther = false
        for (c, o) in zip(chosen, other) where c != o {
            differs = true
            let ownC = isLetter(c, of: language), ownO = isLetter(o, of: language)
            if ownO && !ownC && ScalarTraits.isLetter(c) { lettersForOther = true }
            if ownC && !ownO && ScalarTraits.isLetter(o) { lettersForChosen = true }
            if !Self.isProseSign(o) { unlikeProse = true }
            letters = letters || ownC
        }
        return lettersForOther && !lettersForChosen || differs && !letters && !unlikeProse
    }

    /// A letter the language's word lists hold as it is written: `İ` lowercases to two
    /// characters (`i` and a dot) and is no letter of a language that only writes `i`.
    /// (A combining mark is part of the letter before it: Windows-1258 writes tones so.)
    private func isLetter(_ s: UInt32, of language: Language) -> Bool {
        if ScalarTraits.isCombiningMark(s) { return true }
        guard ScalarTraits.isLetter(s), let scalar = Unicode.Scalar(s) else { return false }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let l = lower.first else { return false }
        return model.knows(l.value, in: language)
    }

    /// Signs and punctuation of prose in Latin-1 and Windows-1252 (not `¤ ¦ ¨ ¯ ´ ¸`, the soft
    /// hyphen or NBSP, which prose does not show as such), and the quotation marks and dashes of
    /// any Latin-script language. (Not `ReadingPlausibility.isSignOfProse`: that one goes by
    /// Unicode category, so it takes `¤` and leaves out `µ`, `²` and `½`, which files write as signs.)
    static func isProseSign(_ s: UInt32) -> Bool {
        if (0xA1...0xBF).contains(s) { return ![0xA4, 0xA6, 0xA8, 0xAD, 0xAF, 0xB4, 0xB8].contains(s) }
        return s == 0xD7 || s == 0xF7 || (0x2013...0x2014).contains(s) || (0x2018...0x201E).contains(s)
            || (0x2020...0x2022).contains(s) || s == 0x2026 || s == 0x2030 || s == 0x2039 || s == 0x203A
            || s == 0x20AC || s == 0x2122
    }
}
