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
        let result = utf8.withUnsafeBufferPointer { mj_is_nfc_utf8($0.baseAddress, Int32($0.count)) }
        if result < 0 { throw .illegalInput }
        return result == 1
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
