internal import MojifixICU

/// What a repaired file name may hold. File names are short, so the evidence for a repair is weak;
/// these rules refuse any result a person would not have typed as a name.
enum FileNameText {
    /// Start of the `.ext` suffix a repair must keep byte for byte: a last dot followed by one to
    /// ten ASCII letters or digits, after a non-empty stem. `name.count` when there is none.
    static func extensionStart(_ name: [UInt8]) -> Int {
        guard let dot = name.lastIndex(of: 0x2E), dot > 0 else { return name.count }
        let suffix = name[(dot + 1)...]
        let isAlphanumeric = suffix.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        return (1...10).contains(suffix.count) && isAlphanumeric ? dot : name.count
    }

    /// Valid UTF-8 with no character a name should not hold: no `/`, NUL or other control
    /// character, no U+FFFD (a lost byte), no private-use, unassigned or noncharacter code point,
    /// no bidi or other format control but the joiners of emoji and of Indic and Persian text,
    /// and no combining mark without a letter to carry it.
    static func isWellFormed(_ utf8: [UInt8]) -> Bool {
        guard !utf8.isEmpty, utf8 != [0x2E], utf8 != [0x2E, 0x2E], UTF8.isValid(utf8) else { return false }
        var previous: UInt32 = 0x20
        for s in UTF8.scalars(utf8) {
            defer { previous = s }
            if s < 0x20 || s == 0x2F || (0x7F...0x9F).contains(s) || s == 0xFFFD { return false }
            if ScalarTraits.isPrivateUse(s) || ScalarTraits.isNoncharacter(s) { return false }
            switch ScalarTraits.category(s) {
            case .unassigned, .surrogate, .control, .lineSeparator, .paragraphSeparator: return false
            case .format where s != 0x200C && s != 0x200D: return false
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if previous < 0x80 && !ScalarTraits.isLetter(previous) && !(0x30...0x39).contains(previous) { return false }
            default: break
            }
        }
        return true
    }

    /// Evidence that a CP949 reading is Korean: its count of KS X 1001 syllables, or nil when the
    /// reading holds something random byte pairs decode to and Korean names do not (a syllable
    /// outside KS X 1001, which is what an ASCII letter taken as a trail byte gives; Greek, Cyrillic,
    /// kana or Latin letters of the double-byte rows; more Hanja than Hangul; Hanja touching Hangul
    /// inside one word, which is what UTF-8 Korean read as CP949 looks like, `媛밸렇`, while Korean
    /// names keep Hanja words apart, `사전(辭典)`).
    static func koreanSyllables(_ utf8: [UInt8], cp949: CP949Table) -> Int? {
        var syllables = 0, hanja = 0
        var previousScript: ICUScript? = nil
        for s in UTF8.scalars(utf8) {
            guard s >= 0x80 else { previousScript = nil; continue }
            let script: ICUScript?
            if ScalarTraits.isHangulSyllable(s) {
                guard cp949.isKSX1001Hangul(s) else { return nil }
                syllables += 1
                script = .hangul
            } else if (0x4E00...0x9FFF).contains(s) || (0x3400...0x4DBF).contains(s) {
                hanja += 1
                script = .han
            } else if (0x3131...0x318E).contains(s) || (0x2000...0x33FF).contains(s) || (0xFF01...0xFF5E).contains(s) {
                script = nil  // compatibility jamo, punctuation, CJK symbols, fullwidth ASCII
            } else {
                return nil
            }
            if let script, let previousScript, script != previousScript { return nil }
            previousScript = script
        }
        guard hanja <= syllables else { return nil }
        return syllables
    }
}
