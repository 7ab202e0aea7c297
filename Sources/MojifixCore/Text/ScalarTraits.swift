internal import MojifixICU

/// What kind of character a scalar is, in the terms the plausibility scoring needs.
enum ScalarTraits {
    @inline(__always)
    static func category(_ s: UInt32) -> Unicode.GeneralCategory {
        if s < tableLimit { return categoryTable[Int(s)] }
        if s >= 0xAC00 && s <= 0xD7A3 { return .otherLetter }
        return Unicode.Scalar(s)?.properties.generalCategory ?? .unassigned
    }

    /// General categories below U+3000 (every mojibake alphabet lives there), looked up once:
    /// the standard library's lookup was a fifth of the repair time on garbled text.
    private static let tableLimit: UInt32 = 0x3000
    private static let categoryTable: [Unicode.GeneralCategory] = (0..<tableLimit).map {
        Unicode.Scalar($0)?.properties.generalCategory ?? .surrogate
    }

    /// The questions asked most, answered below U+3000 from one byte of flags per scalar (the
    /// same categories): `Unicode.GeneralCategory` is a resilient type of the standard library, so
    /// every value read from `categoryTable` went through its metadata.
    private static let flagTable: [UInt8] = categoryTable.map { category in
        (isLetter(category) ? letterFlag : 0) | (category == .uppercaseLetter ? uppercaseFlag : 0)
            | (category == .lowercaseLetter ? lowercaseFlag : 0) | (isCombiningMark(category) ? markFlag : 0)
    }
    private static let letterFlag: UInt8 = 1, uppercaseFlag: UInt8 = 2, lowercaseFlag: UInt8 = 4, markFlag: UInt8 = 8

    @inline(__always)
    private static func flags(_ s: UInt32, _ flag: UInt8, else test: (Unicode.GeneralCategory) -> Bool) -> Bool {
        s < tableLimit ? flagTable[Int(s)] & flag != 0 : test(category(s))
    }

    static func isLetter(_ s: UInt32) -> Bool { flags(s, letterFlag, else: isLetter) }

    private static func isLetter(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isUppercase(_ s: UInt32) -> Bool { flags(s, uppercaseFlag) { $0 == .uppercaseLetter } }
    static func isLowercase(_ s: UInt32) -> Bool { flags(s, lowercaseFlag) { $0 == .lowercaseLetter } }

    static func isC1Control(_ s: UInt32) -> Bool { s >= 0x80 && s <= 0x9F }

    static func isHangulSyllable(_ s: UInt32) -> Bool { s >= 0xAC00 && s <= 0xD7A3 }

    static func isNoncharacter(_ s: UInt32) -> Bool {
        (s >= 0xFDD0 && s <= 0xFDEF) || s & 0xFFFE == 0xFFFE
    }

    static func isPrivateUse(_ s: UInt32) -> Bool {
        (s >= 0xE000 && s <= 0xF8FF) || s >= 0xF0000
    }

    static func isCombiningMark(_ s: UInt32) -> Bool { flags(s, markFlag, else: isCombiningMark) }

    private static func isCombiningMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Letter scripts that tell a word's language apart; nil for Common/Inherited (digits,
    /// punctuation, marks), which fit anywhere.
    static func letterScript(_ s: UInt32) -> ICUScript? {
        let script = ICUProperties.script(of: s)
        return script == .common || script == .inherited ? nil : script
    }

    /// Scripts that are written together (Korean text mixes Hangul and Han; Japanese mixes kana and Han).
    static func family(_ script: ICUScript) -> ICUScript {
        switch script {
        case .hangul, .han, .hiragana, .katakana, .bopomofo: return .han
        default: return script
        }
    }
}
