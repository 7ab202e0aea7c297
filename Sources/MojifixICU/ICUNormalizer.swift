import CMojifixICU

/// Canonical Unicode normalisation through ICU. Compatibility forms (NFKC/NFKD) are deliberately
/// absent: they change meaning (`ㄱㅏ` -> `가`, `ℓ` -> `l`).
package enum ICUNormalizer {
    package enum Form: UInt8, Sendable {
        case nfc = 67  // "C"
        case nfd = 68  // "D"
    }

    /// True when valid UTF-8 text is already in NFC (a fast check, no copy of the result).
    package static func isNFC(_ utf8: [UInt8]) throws(ICUError) -> Bool {
        try utf8.withUnsafeBufferPointer { (p) throws(ICUError) -> Bool in try isNFC(p) }
    }

    /// The same for a part of a buffer (no copy).
    package static func isNFC(_ utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) -> Bool {
        let result = mj_is_nfc_utf8(utf8.baseAddress, Int32(utf8.count))
        if result < 0 { throw .illegalInput }
        return result == 1
    }

    /// Length of the longest prefix of UTF-8 text whose every scalar is NFC quick-check Yes with
    /// combining class 0: NFC, and nothing in it composes with what comes before it.
    package static func nfcQuickYesSpan(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        Int(mj_nfc_quick_yes_span(utf8.baseAddress, Int32(utf8.count)))
    }

    /// The character `a` followed by the combining `b` composes to under NFC, if one.
    package static func composePair(_ a: UInt32, _ b: UInt32) -> UInt32? {
        let composed = mj_compose_pair(Int32(bitPattern: a), Int32(bitPattern: b))
        return composed < 0 ? nil : UInt32(composed)
    }

    /// Normalises UTF-8 text; the input must be valid UTF-8.
    package static func normalize(_ utf8: [UInt8], to form: Form) throws(ICUError) -> [UInt8] {
        try utf8.withUnsafeBufferPointer { (input) throws(ICUError) -> [UInt8] in
            try growingOutput(initialCapacity: input.count * 3 + 16) { buffer, capacity, status in
                mj_normalize_utf8(CChar(bitPattern: form.rawValue), input.baseAddress, Int32(input.count),
                                  buffer, capacity, &status)
            }
        }
    }
}
