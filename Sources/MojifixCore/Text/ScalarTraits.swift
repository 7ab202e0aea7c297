internal import CMojifixLanguage
internal import MojifixICU

/// What kind of character a scalar is, in the terms the plausibility scoring needs.
enum ScalarTraits {
    /// Unicode's general categories, as an enum of this module: the standard library's
    /// `Unicode.GeneralCategory` is a resilient type, so each of its values read from a table or
    /// switched on went through its metadata (a tenth of the repair time on garbled text).
    enum Category: UInt8 {
        case uppercaseLetter, lowercaseLetter, titlecaseLetter, modifierLetter, otherLetter
        case nonspacingMark, spacingMark, enclosingMark
        case decimalNumber, letterNumber, otherNumber
        case connectorPunctuation, dashPunctuation, openPunctuation, closePunctuation, initialPunctuation, finalPunctuation
        case otherPunctuation
        case mathSymbol, currencySymbol, modifierSymbol, otherSymbol
        case spaceSeparator, lineSeparator, paragraphSeparator
        case control, format, surrogate, privateUse, unassigned

        var isLetter: Bool {
            switch self {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return false
            }
        }

        /// A math, currency, modifier or other symbol.
        var isSymbol: Bool {
            switch self {
            case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
            default: return false
            }
        }

        init(_ category: Unicode.GeneralCategory) {
            switch category {
            case .uppercaseLetter: self = .uppercaseLetter
            case .lowercaseLetter: self = .lowercaseLetter
            case .titlecaseLetter: self = .titlecaseLetter
            case .modifierLetter: self = .modifierLetter
            case .otherLetter: self = .otherLetter
            case .nonspacingMark: self = .nonspacingMark
            case .spacingMark: self = .spacingMark
            case .enclosingMark: self = .enclosingMark
            case .decimalNumber: self = .decimalNumber
            case .letterNumber: self = .letterNumber
            case .otherNumber: self = .otherNumber
            case .connectorPunctuation: self = .connectorPunctuation
            case .dashPunctuation: self = .dashPunctuation
            case .openPunctuation: self = .openPunctuation
            case .closePunctuation: self = .closePunctuation
            case .initialPunctuation: self = .initialPunctuation
            case .finalPunctuation: self = .finalPunctuation
            case .otherPunctuation: self = .otherPunctuation
            case .mathSymbol: self = .mathSymbol
            case .currencySymbol: self = .currencySymbol
            case .modifierSymbol: self = .modifierSymbol
            case .otherSymbol: self = .otherSymbol
            case .spaceSeparator: self = .spaceSeparator
            case .lineSeparator: self = .lineSeparator
            case .paragraphSeparator: self = .paragraphSeparator
            case .control: self = .control
            case .format: self = .format
            case .surrogate: self = .surrogate
            case .privateUse: self = .privateUse
            case .unassigned: self = .unassigned
            @unknown default: self = .unassigned
            }
        }
    }

    @inline(__always)
    static func category(_ s: UInt32) -> Category {
        if s < tableLimit {
            // The C copy once published: reading Swift's own table checked its lazy initialisation
            // each time. (The bytes are the table's own, so the cast gives back its values.)
            if mj_categories_ready() != 0 { return unsafeBitCast(mj_category(s), to: Category.self) }
            return categoryTable[Int(s)]
        }
        if s >= 0xAC00 && s <= 0xD7A3 { return .otherLetter }
        return categoryFromStandardLibrary(s)
    }

    /// Out of line: the standard library's property types are resilient, and where they were
    /// inlined every lookup asked for their metadata first, the table's too (a fifth of a lookup).
    @inline(never)
    private static func categoryFromStandardLibrary(_ s: UInt32) -> Category {
        Unicode.Scalar(s).map { Category($0.properties.generalCategory) } ?? .unassigned
    }

    /// General categories below U+3000 (every mojibake alphabet lives there), looked up once:
    /// the standard library's lookup was a fifth of the repair time on garbled text.
    private static let tableLimit = UInt32(MJ_CATEGORY_LIMIT)
    /// Built once, then published to the C copy `category` reads.
    private static let categoryTable: [Category] = {
        let table = (0..<tableLimit).map {
            Unicode.Scalar($0).map { Category($0.properties.generalCategory) } ?? .surrogate
        }
        table.withUnsafeBytes { mj_categories_publish($0.bindMemory(to: UInt8.self).baseAddress) }
        return table
    }()

    static func isLetter(_ s: UInt32) -> Bool { category(s).isLetter }

    static func isUppercase(_ s: UInt32) -> Bool { category(s) == .uppercaseLetter }
    static func isLowercase(_ s: UInt32) -> Bool { category(s) == .lowercaseLetter }

    static func isC1Control(_ s: UInt32) -> Bool { s >= 0x80 && s <= 0x9F }

    /// A math, currency, modifier or other symbol.
    static func isSymbol(_ s: UInt32) -> Bool { category(s).isSymbol }

    static func isHangulSyllable(_ s: UInt32) -> Bool { s >= 0xAC00 && s <= 0xD7A3 }

    static func isNoncharacter(_ s: UInt32) -> Bool {
        (s >= 0xFDD0 && s <= 0xFDEF) || s & 0xFFFE == 0xFFFE
    }

    static func isPrivateUse(_ s: UInt32) -> Bool {
        (s >= 0xE000 && s <= 0xF8FF) || s >= 0xF0000
    }

    static func isCombiningMark(_ s: UInt32) -> Bool {
        switch category(s) {
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
