import CMojifixICU

/// The scripts mojifix tells apart (ICU's Script property); all others are `.other`.
public enum ICUScript: UInt32, Sendable {
    case common = 0, inherited, latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana
    case nko, devanagari, thai, hangul, han, hiragana, katakana, bopomofo, yi, other
}

/// Character properties answered by ICU's data (Unicode version `unicodeVersion`).
public enum ICUProperties {
    public static let unicodeVersion = String(cString: mj_unicode_version())
    /// The ICU library linked in (the system's, or the static one of a release build).
    public static let icuVersion = String(cString: mj_icu_version())

    public static func script(of scalar: UInt32) -> ICUScript {
        ICUScript(rawValue: mj_script_of(scalar).rawValue) ?? .other
    }

    public static func isEmoji(_ scalar: UInt32) -> Bool { mj_has_property(scalar, MJ_PROP_EMOJI) != 0 }
    public static func isExtendedPictographic(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_EXTENDED_PICTOGRAPHIC) != 0
    }
    public static func isDefaultIgnorable(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_DEFAULT_IGNORABLE) != 0
    }
    public static func isVariationSelector(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_VARIATION_SELECTOR) != 0
    }
    public static func isBidiControl(_ scalar: UInt32) -> Bool { mj_has_property(scalar, MJ_PROP_BIDI_CONTROL) != 0 }

    /// True when the whole UTF-8 string is one RGI emoji ZWJ sequence (e.g. 🧑‍💻).
    public static func isRGIEmojiZWJSequence(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { mj_is_rgi_emoji_zwj_sequence($0.baseAddress, Int32($0.count)) != 0 }
    }

    /// True when the whole UTF-8 string is one RGI emoji of any kind.
    public static func isRGIEmoji(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { mj_is_rgi_emoji($0.baseAddress, Int32($0.count)) != 0 }
    }
}
