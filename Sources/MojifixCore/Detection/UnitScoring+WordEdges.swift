/// Source characters of one unit that no word of any language begins or ends with: evidence that
/// stands alone, where a garbled sign or a lone garbled letter has no neighbour to vouch for it.
extension UnitScoring {
    /// `lead`, the unit's first source character, shows the first byte of the decoded character's
    /// UTF-8 (`decoded`, U+00A0-U+00FF) as a letter no word ends in; `previous` is the character
    /// before the unit, `second` the unit's second source character.
    /// - `Â` (byte C2 through Windows-1252 and its kin), `Ā` (Windows-1257) before a Latin-1 sign
    ///   or NBSP (`Â© 2024`, `5 Â°C`): no language ends a word in them but in capitals (Turkish
    ///   `HÂLÂ`, Latvian `MĀJĀ`), hence not after a capital.
    /// - `Ã` (byte C3) alone as a word before a small letter's byte (`Ã<NBSP> perturber` is
    ///   `à perturber`): no language has it as a word, and words end in it only in capitals
    ///   (Portuguese `IRMÃ`), hence only where no letter comes before. (Not before a capital's
    ///   byte: `a lot of Ã’s` names the letter.)
    /// - `В` (Windows-1251) is a Russian word (and `220В` volts), but glues to no Latin word.
    /// - `┬` (CP437) before a letter or sign (`┬⌐` is `©`, `┬á` an NBSP) draws no line: line art
    ///   puts box drawing on both sides, and `┬░` (`°`) or `┬╗` (`»`) may be that.
    /// - `¬` (Mac OS Roman) negates a letter, and faces draw with it among other signs
    ///   (`` `¬´ ``), hence only after a word, a number or a space; and not between small
    ///   letters: digitised print marks a line-end hyphen with it (`Stra¬ße`, `Kj¬øbenhavn`).
    ///   (`Acme¬Æ` is `Acme®`: no word goes on in a capital.)
    /// Never where the pair is notation: a variable with a bar, hat or tilde before a product,
    /// power or other math sign (`Ā·B`, `Â²`, `Ã·X`, `a ¬≤ b`), nor for a character nobody sees
    /// (a soft hyphen) or a modifier (`¯`).
    /// (Documents only: a file name is renamed on more than one such pair, as `Â£5.txt` may be
    /// what its owner typed.)
    /// (`second` is read only for one of these leads: this runs for every unit of every reading.)
    static func leadEndsNoWord(_ lead: UInt32, after previous: UInt32, before second: @autoclosure () -> UInt32,
                               decoding decoded: UInt32) -> Bool {
        let ends: Bool
        switch lead {
        case 0xC2, 0x100: ends = decoded >= 0xA0 && decoded <= 0xBF && !ScalarTraits.isUppercase(previous)
        case 0xC3: ends = decoded >= 0xE0 && decoded <= 0xFF && !ScalarTraits.isLetter(previous)
        case 0x412: ends = decoded >= 0xA0 && decoded <= 0xBF && previous < 0x80 && ScalarTraits.isLetter(previous)
        case 0x252C: ends = decoded >= 0xA0 && decoded <= 0xAF && !(0x2500...0x259F).contains(previous)
        case 0xAC:
            ends = decoded >= 0xA0 && decoded <= 0xBF
                && (previous <= 0x20 || ScalarTraits.isLetter(previous) || (0x30...0x39).contains(previous))
                && !(ScalarTraits.isLetter(previous) && ScalarTraits.isLowercase(second()))
        default: return false
        }
        return ends && !notation.contains(decoded) && !notation.contains(second())
    }

    /// Signs of notation and characters that are not seen, as the pair shows them in Windows-1252
    /// and its kin or as what it decodes to: middle dot, superscripts, macron, acute, cedilla,
    /// soft hyphen, not, multiplication and division. (Mac OS Roman shows `°` `¶` `½` as `¬∞`
    /// `¬∂` `¬Ω`: its glyphs are no notation here, the decoded character is checked.)
    private static let notation: Set<UInt32> = [0xB7, 0xB2, 0xB3, 0xB9, 0xAF, 0xB4, 0xB8, 0xAD, 0xAC, 0xD7, 0xF7]

    /// The third source character `s`, small and accented, after another accented letter
    /// (`previous`), both glued to a sign that starts the unit (`unitStart`): `‚Äô` is `’` and
    /// `‚úì` is `✓` through Mac OS Roman, and no word starts with two accented letters such as
    /// `Äô`, `Äú`, `úì`.
    static func startsNoWord(_ s: UInt32, after previous: UInt32, unitStart: UInt32) -> Bool {
        s >= 0x80 && ScalarTraits.isLowercase(s) && previous >= 0x80 && ScalarTraits.isLetter(previous)
            && !ScalarTraits.isLetter(unitStart)
    }
}
