internal import MojifixICU

/// Weighs each decoded unit: how sure are we that its source characters are mojibake and that the
/// character they decode to is what the author wrote? Positive evidence comes from the length of
/// the byte sequence, from source characters no clean text puts side by side (C1 controls, the
/// Apple logo, symbols glued to letters) and from a decoded character that fits real text (a
/// common Hangul syllable, an emoji, a letter of the surrounding script). A decoded character no
/// text contains (controls, private use, unassigned) rejects the unit outright.
struct UnitScoring {
    let cp949: CP949Table
    /// Characters some misreading shows for a high byte (the mojibake alphabet).
    let alphabet: SuspicionAlphabet
    /// What is being scored. A file name holds no line art, so box drawing next to box drawing
    /// there is what CP437 shows for Korean bytes, not a drawing; and macOS writes names in NFD,
    /// so conjoining jamo are as plausible in a name as the syllables they spell.
    enum Context { case document, fileName }
    var context = Context.document

    /// Scoring for units of one misreading: CP949 text is Korean, so a CP949 reading has to give
    /// Hangul; Hanja and symbols are what random byte pairs decode to.
    func fitness(_ s: UInt32, actual: Charset) -> Float? {
        guard actual == .windows949 else { return fitness(s) }
        // A CP949 pair whose trail is an ASCII letter decodes to a rare (non-KS X 1001) syllable:
        // `ôt` is French, not `셳`.
        if ScalarTraits.isHangulSyllable(s) { return cp949.isKSX1001Hangul(s) ? 1.0 : -0.5 }
        return fitness(s).map { _ in -0.7 }
    }

    /// `known`: other readings of the same text, scored, whose scores a unit that reads alike
    /// takes (see `ScoresOfOtherReadings`).
    func score(_ units: inout [DecodedUnit], decoder: UnitDecoder, in p: UnsafeBufferPointer<UInt8>, known: [[DecodedUnit]] = []) {
        let actual = decoder.misreading.actual
        var known = ScoresOfOtherReadings(known, actual: actual)
        // (Asked once: a charset is compared by its name, a string compare for each unit.)
        let reads = ActualCharset(utf8: actual == .utf8, cp949: actual == .windows949)
        for k in units.indices {
            if known.take(&units, k) { continue }
            score(&units[k], previous: k > 0 ? units[k - 1] : nil, next: k + 1 < units.count ? units[k + 1] : nil,
                  actual: reads, p)
        }
        if reads.cp949 { rejectSyllablesInsideLatinWords(&units, p) }
    }

    /// The unit's actual charset, as the checks ask for it.
    private struct ActualCharset {
        let utf8: Bool
        let cp949: Bool
    }

    /// Syllables inside a Latin word, letters on both sides of their run (`J√§√§neiden` read as
    /// CP949 is `J채채neiden`): accented letters, not Korean, which glues to a Latin word on one
    /// side at most (`API를`). One syllable alone is `score`'s case (`AÇÃO`).
    private func rejectSyllablesInsideLatinWords(_ units: inout [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) {
        var start = units.startIndex
        while start < units.endIndex {
            var end = start + 1
            while end < units.endIndex && units[end - 1].end == units[end].start { end += 1 }
            if end - start > 1 && isLetter(scalarBefore(units[start].start, p)) && isLetter(scalarAt(units[end - 1].end, p)) {
                for k in start..<end { units[k].rejected = true; units[k].evidence = -2; units[k].supportive = false }
            }
            start = end
        }
    }

    private func score(_ unit: inout DecodedUnit, previous: DecodedUnit?, next: DecodedUnit?, actual: ActualCharset,
                       _ p: UnsafeBufferPointer<UInt8>) {
        // The characters just outside the unit, which most checks read (each a UTF-8 decode).
        let charBefore = scalarBefore(unit.start, p), charAfter = scalarAt(unit.end, p)
        // Text garbled twice decodes, one layer down, to mojibake again (C1 controls, `˜`, the Apple
        // logo) that the next layer turns into real characters: such a result is neutral here.
        // A run of such results is what the next layer will decode, as strong as a real letter.
        // (Two tests, not an array of the neighbours: that was an allocation per unit.)
        let inRun = (previous.map { $0.end == unit.start && alphabet.contains($0.scalar) } ?? false)
            || (next.map { $0.start == unit.end && alphabet.contains($0.scalar) } ?? false)
        let own = decomposedFitness(unit, previous: previous?.end == unit.start ? previous : nil,
                                    next: next?.start == unit.end ? next : nil, utf8: actual.utf8, charBefore: charBefore)
            ?? (actual.cp949 ? fitness(unit.scalar, actual: .windows949) : fitness(unit.scalar))
        // A result no text holds (a C1 control) is the next layer's material only where that
        // layer can read it as part of a character: next to other mojibake (`ItÃ?Â¢â?¬â?¢s` through
        // Mac OS Roman gives `?` U+0089 `?`, which nothing reads further).
        let nextLayer = alphabet.contains(unit.scalar) && (own != nil || inRun
            || alphabet.contains(charBefore) || alphabet.contains(charAfter))
        let fit = nextLayer ? max(own ?? Self.supportiveFitness, inRun ? 0.9 : Self.supportiveFitness) : own
        guard let fit else {
            unit.rejected = true
            unit.evidence = -2
            return
        }
        let afterAUnit = previous.map { $0.end == unit.start } ?? false
        var evidence = Float(unit.width - 1) + fit + sourceOddness(unit, afterAUnit: afterAUnit, before: charBefore, after: charAfter, p)
            + oddInsideAWord(unit, before: charBefore, after: charAfter, p)
        if unit.scalar >= 0x300 && unit.scalar <= 0x36F || ScalarTraits.isCombiningMark(unit.scalar) {
            // A combining mark or variation selector needs a base before it (decomposed text, or an
            // emoji with VS16, that was then garbled), not a space or the start of a line.
            let before = previous.flatMap { $0.end == unit.start ? $0.scalar : nil } ?? charBefore
            if before <= 0x20 || ScalarTraits.isC1Control(before) { unit.rejected = true; unit.evidence = -2; return }
        }
        if actual.utf8, unit.width == 2, let script = ScalarTraits.letterScript(unit.scalar), script != .latin {
            // A lone Greek/Cyrillic/Hebrew/... letter glued to a word of another script is far more
            // likely two clean characters than a misread one (`NIÑ”` is not `NIє`).
            // (Each side on its own, not arrays of them: those were two allocations per unit.)
            let previousTouches = previous?.end == unit.start, nextTouches = next?.start == unit.end
            let sameScriptNeighbour = (previousTouches && ScalarTraits.letterScript(previous!.scalar) == script)
                || (nextTouches && ScalarTraits.letterScript(next!.scalar) == script)
            let foreignLetter = { (g: UInt32) in ScalarTraits.isLetter(g) && ScalarTraits.letterScript(g).map { $0 != script } ?? false }
            if !sameScriptNeighbour && ((!previousTouches && foreignLetter(charBefore)) || (!nextTouches && foreignLetter(charAfter))) {
                evidence -= 2; unit.doubted = true
            }
        } else if actual.utf8, unit.width >= 3, let script = ScalarTraits.letterScript(unit.scalar), script != .latin {
            // A lone syllable or ideograph inside a word of another script, letters on both sides
            // (`lì«<NBSP>DIÊN` read as `l쫠DIÊN`): Korean and Japanese glue their words to Latin ones
            // on one side only (`API를`).
            let before = previous?.end == unit.start ? nil : charBefore
            let after = next?.start == unit.end ? nil : charAfter
            let foreign = { (g: UInt32?) in
                g.map { ScalarTraits.isLetter($0) && ScalarTraits.letterScript($0).map { $0 != script } ?? false } ?? false
            }
            if foreign(before) && foreign(after) { evidence -= 2; unit.doubted = true }
        }
        if actual.utf8 && unit.width == 2 && ScalarTraits.isLetter(unit.scalar) && !alphabet.contains(unit.scalar) {
            // A decoded letter whose case contradicts both neighbours (`MÄ£ÄM` -> `MģÄM`) is not
            // what a writer typed; `cafÃ©` -> `café` and `ÃœBER` -> `ÜBER` keep their case. (Not
            // for a result that is itself mojibake of another layer, whose case is random.)
            let before = previous?.end == unit.start ? previous!.scalar : charBefore
            let after = next?.start == unit.end ? next!.scalar : charAfter
            let upper = ScalarTraits.isUppercase(unit.scalar), lower = ScalarTraits.isLowercase(unit.scalar)
            if (lower && ScalarTraits.isUppercase(before) && ScalarTraits.isUppercase(after))
                || (upper && ScalarTraits.isLowercase(before) && ScalarTraits.isLowercase(after)) {
                evidence -= 2; unit.doubted = true
            }
        }
        if unit.width >= 3 && endsLikeAWord(unit, after: charAfter, p) { evidence -= 2.5 }
        // The right reading explains a whole run of mojibake: a mojibake character left touching
        // the unit unexplained (`À` in `ÀÏ°£` read as `À` + `졣`) speaks against this reading.
        if previous?.end != unit.start && alphabet.contains(charBefore) { evidence -= 1 }
        if next?.start != unit.end && alphabet.contains(charAfter) { evidence -= 1 }
        if actual.cp949 && isLetter(charBefore) && isLetter(charAfter) {
            // A syllable inside a Latin word (`AÇÃO`) is two accented letters, not Korean.
            unit.rejected = true; unit.evidence = -2; return
        }
        if unit.lossy { evidence -= 0.5 }
        unit.evidence = evidence
        unit.supportive = fit >= Self.supportiveFitness && (!unit.lossy || fit >= 0.9)
    }

    /// The fitness of a piece of decomposed (NFD) text, nil for anything else. A diacritic that
    /// NFD puts after its letter (`cafe` + U+0301, as macOS writes), garbled (`cafeÌ<U+0081>`), is
    /// as plausible as the accented letter it spells. Conjoining jamo that spell a syllable with
    /// their neighbours (decomposed Hangul, `ᄉ` `ᅵ` `ᆫ` for `신`) are as plausible as the
    /// syllable, which CP949 readings of the same characters would otherwise outweigh.
    /// `previous` and `next`: the units touching this one.
    private func decomposedFitness(_ unit: DecodedUnit, previous: DecodedUnit?, next: DecodedUnit?, utf8: Bool,
                                   charBefore: UInt32) -> Float? {
        guard utf8 else { return nil }
        if Self.isDecomposedDiacritic(unit.scalar) {
            // After a letter it composes with (`s` + comma below is `ș`; no letter is `e` + comma
            // below, which ISO-8859-2 makes of `ě` read as Windows-1250), or after another
            // diacritic (Vietnamese `ặ`: `a`, dot below, breve).
            let before = previous?.scalar ?? charBefore
            if Self.isDecomposedDiacritic(before) { return Self.letterFitness }
            return ScalarTraits.isLetter(before) && ICUNormalizer.composePair(before, unit.scalar) != nil ? Self.letterFitness : nil
        }
        return Self.spellsASyllable(unit, previous: previous, next: next) ? 1.0 : nil
    }

    /// The most fitness a unit decoding to `s` can get, whatever its neighbours (for
    /// `ReadingBound`): `fitness`, or what `decomposedFitness` may give.
    func mostFitness(_ s: UInt32, actual: Charset) -> Float? {
        let own = fitness(s, actual: actual)
        guard actual == .utf8 else { return own }
        if Self.isDecomposedDiacritic(s) { return max(own ?? Self.letterFitness, Self.letterFitness) }
        if Self.isLeadingJamo(s) || Self.isVowelJamo(s) || Self.isTrailingJamo(s) { return 1.0 }
        return own
    }

    /// Leading consonants, vowels and trailing consonants of modern conjoining jamo.
    /// (Compared directly: reading a static array of the ranges was most of the cost of a check
    /// that runs for every unit.)
    private static func isLeadingJamo(_ c: UInt32) -> Bool { c >= 0x1100 && c <= 0x1112 }
    private static func isVowelJamo(_ c: UInt32) -> Bool { c >= 0x1161 && c <= 0x1175 }
    private static func isTrailingJamo(_ c: UInt32) -> Bool { c >= 0x11A8 && c <= 0x11C2 }

    /// A conjoining jamo next to the jamo it forms a syllable with: a leading consonant before
    /// a vowel, a vowel after a leading consonant or before a trailing consonant, a trailing
    /// consonant after a vowel.
    private static func spellsASyllable(_ unit: DecodedUnit, previous: DecodedUnit?, next: DecodedUnit?) -> Bool {
        let s = unit.scalar
        guard s >= 0x1100 && s <= 0x11C2 else { return false }
        let before = previous?.scalar ?? 0, after = next?.scalar ?? 0
        if isLeadingJamo(s) { return isVowelJamo(after) }
        if isVowelJamo(s) { return isLeadingJamo(before) || isTrailingJamo(after) }
        if isTrailingJamo(s) { return isVowelJamo(before) }
        return false
    }

    /// Fitness from which a decoded character counts as evidence for its line.
    static let supportiveFitness: Float = 0.5
    /// Fitness of a letter.
    static let letterFitness: Float = 0.6

    /// The combining marks canonical decomposition gives Latin, Greek and Cyrillic letters:
    /// grave to diaeresis, hook above, ring, double acute, caron, horn, dot below, comma below
    /// (Romanian `ș`), cedilla, ogonek.
    static let decomposedDiacritics: Set<UInt32> = [0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A,
                                                    0x30B, 0x30C, 0x31B, 0x323, 0x326, 0x327, 0x328]
    /// One of `decomposedDiacritics`, as bits from U+0300 (the set was hashed for each unit).
    static func isDecomposedDiacritic(_ s: UInt32) -> Bool {
        s >= 0x300 && s < 0x340 && (0x1C8_0800_1FDF as UInt64) >> UInt64(s - 0x300) & 1 != 0
    }

    private func isLetter(_ s: UInt32) -> Bool { s < 0x80 && ScalarTraits.isLetter(s) }

    /// How well a decoded character fits real text; nil when no real text contains it.
    func fitness(_ s: UInt32) -> Float? {
        if ScalarTraits.isPrivateUse(s) || ScalarTraits.isNoncharacter(s) { return nil }
        switch s {
        case 0xAC00...0xD7A3: return cp949.isKSX1001Hangul(s) ? 1.0 : 0.5
        case 0x3131...0x318E: return 0.8  // compatibility jamo: ㅋㅋ, ㅠㅠ
        case 0x1100...0x11FF: return context == .fileName ? 0.9 : 0.4
        case 0x3040...0x30FF: return 0.8
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return 0.5
        case 0xFF61...0xFF9F: return 0.1  // half-width katakana: legacy-only, what stray bytes decode to
        case 0x3000...0x303F, 0xFF00...0xFFEF: return 0.5
        case 0xF900...0xFAFF: return -0.5
        case 0x0250...0x02AF: return -1.5  // IPA: rare in prose, common as accidental decodes
        // Latin Extended Additional before Vietnamese's letters (U+1EA0 on): transliteration and
        // old orthographies (`ṣ`, `ḥ`, `ṻ`), rare in prose, and what three accented letters of a
        // clean word can decode to (Czech `zvlášť` read through ISO-8859-2 is `zvlṻ`): doubtful,
        // for the model to weigh.
        case 0x1E00...0x1E9F: return 0.4
        case 0x02B0...0x02FF: return -1
        case 0x0180...0x024F:
            // Latin Extended-B: keep the letters living languages use (Vietnamese, Romanian, pinyin).
            return (0x01A0...0x01B0).contains(s) || (0x0218...0x021B).contains(s) || (0x01CD...0x01DC).contains(s) ? 0.4 : -1
        // U+FFFD written by a strict decoder, then garbled (`ï¿½`, its three bytes misread): what
        // the author had, and the most common three-byte sequence of garbled text.
        case 0xFFFD: return Self.supportiveFitness
        // Parts of emoji sequences: VS16, ZWJ, the keycap mark, tag characters.
        case 0xFE0F, 0x200D, 0x20E3, 0xE0020...0xE007F: return 0.8
        // Strikethrough and underline as text effects: a low line or an overlay after each
        // character (`$̶6̶3̶`), on any base, as common in posted text as a letter.
        case 0x0332, 0x0334...0x0338: return Self.letterFitness
        // Arrows and geometric shapes (`→`, `⇒`, `●`, `■`, `▶`): notes, lists and Korean or
        // Japanese prose use them as bullets and signs, as much as General Punctuation. (Also
        // what UTF8ReadAsCP949 weighs a lost byte's candidates by.)
        case 0x2190...0x21FF, 0x25A0...0x25FF: return 0.6
        default: break
        }
        if s >= 0x1F000 && s <= 0x1FAFF { return 1.0 }
        switch ScalarTraits.category(s) {
        case .control, .unassigned, .surrogate, .privateUse, .lineSeparator, .paragraphSeparator: return nil
        case .format: return 0.1
        case .nonspacingMark, .spacingMark, .enclosingMark: return 0.1
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return Self.letterFitness
        case .modifierLetter: return 0.1
        case .decimalNumber, .letterNumber, .otherNumber: return 0.3
        case .otherSymbol: return s >= 0x2600 && s <= 0x27BF ? 0.8 : 0.3
        default: return s >= 0x2000 && s <= 0x206F ? 0.6 : 0.3
        }
    }

    /// A letter followed only by closing punctuation and then a space or the end (`Brontë…”`) is a
    /// word ending, whatever its bytes re-encode to.
    private func endsLikeAWord(_ unit: DecodedUnit, after: UInt32, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Self.endsAWord(after) else { return false }
        var i = unit.start
        var index = 0
        while i < unit.end {
            let (s, length) = UTF8.decode(p, at: i)
            if index == 0 ? !ScalarTraits.isLetter(s) : ![0x2026, 0x2019, 0x201D, 0x203A, 0xBB].contains(s) { return false }
            index += 1
            i += length
        }
        return true
    }

    /// How unlike clean text the unit's source characters are.
    /// `afterAUnit`: the unit follows another decoded unit, so the character before it is
    /// mojibake, not line art (`αª┐┬á`: `┐` ends the unit before).
    /// `before` and `after`: the characters just outside the unit.
    private func sourceOddness(_ unit: DecodedUnit, afterAUnit: Bool, before: UInt32, after: UInt32, _ p: UnsafeBufferPointer<UInt8>) -> Float {
        var odd: Float = 0
        var i = unit.start
        var index = 0
        var previous = before
        var first: UInt32 = 0  // the unit's first source character
        // Box drawing right after a letter and spelling an accented Latin letter of a living
        // language (U+00C0-U+017E: every lead box character of CP437 and CP866 starts one) is the
        // middle of a word misread through those charsets (`Gr├╢├ƒe`), not line art, which starts
        // after other box drawing, a space or a line end (`├┤a┼┐a`; `┼┐` would be the long s, which
        // no one writes now).
        // (Each character's category read once: every lookup was a load the compiler could not merge.)
        var previousCategory = ScalarTraits.category(previous)
        var firstIsLetter = false
        let touchesLetter = (0xC0...0x17E).contains(unit.scalar) && previousCategory.isLetter
        // The unit's first character is a letter no word ends in (`leadEndsNoWord`).
        var endsNoWord = false
        while i < unit.end {
            let (s, length) = UTF8.decode(p, at: i)
            let category = ScalarTraits.category(s)
            if index == 0 { first = s; firstIsLetter = category.isLetter }
            if ScalarTraits.isC1Control(s) { odd += 2 }
            if s == 0xF8FF { odd += 1.5 }
            if index > 0 && s != 0x20 && s != 0xA0 && s != 0xFFFD && !ScalarTraits.isC1Control(s) {
                if !category.isLetter || s == 0xAA || s == 0xBA { odd += 1 }
            }
            // NBSP after a letter is typography (`SELKÄ<NBSP>EDELLÄ`), and box drawing next to box
            // drawing is line art: neither is a sign of mojibake.
            // (An NBSP before a space or a line end glues nothing: `Ã<NBSP> perturber` is `à`.)
            if index > 0 && s == 0xA0 && unit.width == 2 && previousCategory.isLetter && !endsNoWord
                && !Self.endsAWord(after) { odd -= 1 }
            // An NBSP right before a space keeps nothing together: the second byte of a character
            // (`ART TRIP Ã<NBSP> l'office` is `à l'office`).
            if index > 0 && s == 0xA0 && i + length == unit.end && after == 0x20 { odd += 0.5 }
            if context == .document && !touchesLetter && !(index == 0 && afterAUnit)
                && (0x2500...0x259F).contains(s) && (0x2500...0x259F).contains(previous) { odd -= 1.5 }
            // The last letter of a Latin word, an NBSP and a sign (`été<NBSP>»`, `skvělé<NBSP>»`,
            // `mistică<NBSP>€`) is typography, whatever its bytes decode to (`頻`, `젻`, `㠀`).
            // (Mojibake of a Korean `저`, `ì<NBSP>€`, follows a space or other mojibake.)
            if index == 2 && previous == 0xA0 && !category.isLetter && firstIsLetter && isLetter(before) {
                odd -= 2
            }
            if previousCategory == .lowercaseLetter && category == .uppercaseLetter { odd += 0.5 }
            // The first byte of a sign's or a small letter's UTF-8 shown as a letter that no word
            // ends in (`Â© 2024`, `Ã<NBSP> perturber`), or a sign glued to two accented letters
            // that no word starts with (`‚Äô`): see UnitScoring+WordEdges.
            if index == 0 && context == .document
                && Self.leadEndsNoWord(s, after: previous, before: UTF8.scalar(at: i + length, in: p), decoding: unit.scalar) {
                odd += 1
                endsNoWord = true
            }
            if index == 2 && context == .document && Self.startsNoWord(s, after: previous, unitStart: first) { odd += 1 }
            // A symbol glued right after a letter (`wei√ü`).
            if index == 0 && previousCategory.isLetter && category.isSymbol && !(0x2500...0x259F).contains(s) { odd += 1 }
            previous = s
            previousCategory = category
            index += 1
            i += length
        }
        return odd
    }

    /// A space, a line end or the end of the text.
    private static func endsAWord(_ s: UInt32) -> Bool { s == 0 || s == 0x20 || s == 0x0A || s == 0x0D || s == 0x09 }

    /// Inside a word (letters on both sides), a punctuation mark or symbol other than an
    /// apostrophe (`HÃ´tel`, `AÃ‘OS`), or a lowercase letter among capitals (`ZURÃœCK`), is not how
    /// words are written.
    private func oddInsideAWord(_ unit: DecodedUnit, before: UInt32, after: UInt32, _ p: UnsafeBufferPointer<UInt8>) -> Float {
        guard ScalarTraits.isLetter(before) && ScalarTraits.isLetter(after) else { return 0 }
        var odd: Float = 0
        var i = unit.start
        var index = 0
        while i < unit.end {
            let (s, length) = UTF8.decode(p, at: i)
            if index > 0 && s != 0x2019 && s != 0x27 && s != 0xA0 && !(0x2500...0x259F).contains(s) && !ScalarTraits.isLetter(s) {
                odd = max(odd, 1)
            }
            if index > 0 && ScalarTraits.isLowercase(s) && ScalarTraits.isUppercase(before) && ScalarTraits.isUppercase(after) {
                odd = max(odd, 1)
            }
            index += 1
            i += length
        }
        return odd
    }

    private func scalarBefore(_ offset: Int, _ p: UnsafeBufferPointer<UInt8>) -> UInt32 { UTF8.scalar(before: offset, in: p) }

    private func scalarAt(_ offset: Int, _ p: UnsafeBufferPointer<UInt8>) -> UInt32 { UTF8.scalar(at: offset, in: p) }
}
