import CMojifixICU

/// Canonical Unicode normalisation through ICU. Compatibility forms (NFKC/NFKD) are deliberately
/// absent: they change meaning (`ㄱㅏ` -> `가`, `ℓ` -> `l`).
public enum ICUNormalizer {
    public enum Form: UInt8, Sendable {
        case nfc = 67  // "C"
        case nfd = 68  // "D"
    }

    /// Normalises UTF-8 text; the input must be valid UTF-8.
    public static func normalize(_ utf8: [UInt8], to form: Form) throws(ICUError) -> [UInt8] {
        var capacity = utf8.count * 3 + 16
        while true {
            var status: Int32 = 0
            var written: Int32 = 0
            let output = utf8.withUnsafeBufferPointer { input in
                [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    written = mj_normalize_utf8(CChar(bitPattern: form.rawValue), input.baseAddress,
                                                Int32(input.count), buffer.baseAddress, Int32(capacity), &status)
                    count = max(0, Int(written))
                }
            }
            switch Int(written) {
            case MJ_OVERFLOW: capacity *= 2
            case MJ_ILLEGAL: throw .illegalInput
            case ..<0: throw .failure(status)
            default: return output
            }
        }
    }
}
