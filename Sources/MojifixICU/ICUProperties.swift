import CMojifixICU

/// The scripts mojifix tells apart (ICU's Script property); all others are `.other`.
package enum ICUScript: UInt32, Sendable {
    case common = 0, inherited, latin, greek, cyrillic, armenian, hebrew, arabic, syriac, thaana
    case nko, devanagari, thai, hangul, han, hiragana, katakana, bopomofo, yi, other
}

/// Character properties answered by ICU's data (Unicode version `unicodeVersion`).
package enum ICUProperties {
    package static let unicodeVersion = String(cString: mj_unicode_version())
    /// The ICU library linked in (the system's, or the static one of a release build).
    package static let icuVersion = String(cString: mj_icu_version())

    package static func script(of scalar: UInt32) -> ICUScript {
        ICUScript(rawValue: mj_script_of(scalar).rawValue) ?? .other
    }

    /// ICU's own lookup, without the table `script(of:)` keeps for the scalars below U+3000 (for
    /// the tests that compare the two).
    package static func scriptFromICU(of scalar: UInt32) -> ICUScript {
        ICUScript(rawValue: mj_script_of_icu(scalar).rawValue) ?? .other
    }

    package static func isEmoji(_ scalar: UInt32) -> Bool { mj_has_property(scalar, MJ_PROP_EMOJI) != 0 }
    package static func isExtendedPictographic(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_EXTENDED_PICTOGRAPHIC) != 0
    }
    package static func isDefaultIgnorable(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_DEFAULT_IGNORABLE) != 0
    }
    package static func isVariationSelector(_ scalar: UInt32) -> Bool {
        mj_has_property(scalar, MJ_PROP_VARIATION_SELECTOR) != 0
    }
    package static func isBidiControl(_ scalar: UInt32) -> Bool { mj_has_property(scalar, MJ_PROP_BIDI_CONTROL) != 0 }

    /// True when the whole UTF-8 string is one RGI emoji ZWJ sequence (e.g. 🧑‍💻).
    package static func isRGIEmojiZWJSequence(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { mj_is_rgi_emoji_zwj_sequence($0.baseAddress, Int32($0.count)) != 0 }
    }

    /// True when the whole UTF-8 string is one RGI emoji of any kind.
    package static func isRGIEmoji(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { mj_is_rgi_emoji($0.baseAddress, Int32($0.count)) != 0 }
    }
}
