import MojifixText
internal import MojifixICU

/// Prose and front-matter values are put in NFC (composed) form, which is what search engines and
/// static-site generators compare; never NFKC, which changes meaning (`ㄱㅏ` -> `가`). CJK
/// compatibility ideographs are left as they are: NFC would replace them with the unified ones.
struct UnicodeNFCRule: MarkdownRule {
    static let name = "unicode-nfc"
    static let summary = "Compose prose to NFC (never NFKC)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        // Only text holding a combining mark or conjoining jamo can change: ICU's check first.
        guard !((try? ICUNormalizer.isNFC(bytes)) ?? false) else { return RuleOutcome() }
        var edits: [TextEdit] = []
        // One walk over the scalars, remembering only the one before (a 4 MB document would
        // otherwise be decoded into an array of millions of scalars, round after round).
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            var previous: (offset: Int, scalar: UInt32)? = nil
            while i < p.count {
                let (scalar, length) = UTF8Bytes.decode(p, at: i)
                guard Self.attaches(scalar) else {
                    previous = (i, scalar)
                    i += length
                    continue
                }
                // The cluster: the base before, and every attaching character after it.
                let base = previous ?? (i, scalar)
                var end = i + length
                while end < p.count {
                    let (next, nextLength) = UTF8Bytes.decode(p, at: end)
                    guard Self.attaches(next) else { break }
                    end += nextLength
                }
                i = end
                let range = base.offset..<end
                if (0xF900...0xFAFF).contains(base.scalar) || (0x2F800...0x2FA1F).contains(base.scalar) { continue }
                if let zone = document.structure.zone(containing: range.lowerBound), zone.kind != .frontMatter { continue }
                let cluster = Array(bytes[range])
                guard let composed = try? ICUNormalizer.normalize(cluster, to: .nfc), composed != cluster else { continue }
                edits.append(TextEdit(range: range, replacement: composed, message: "Compose to NFC"))
            }
        }
        return RuleOutcome(edits: edits)
    }

    /// Characters that compose with the one before them.
    static func attaches(_ s: UInt32) -> Bool {
        if s < 0x300 { return false }
        if (0x1160...0x11FF).contains(s) || (0xD7B0...0xD7FF).contains(s) { return true }
        switch Unicode.Scalar(s)?.properties.generalCategory {
        case .nonspacingMark?, .spacingMark?, .enclosingMark?: return !(0xFE00...0xFE0F).contains(s) && !(0xE0100...0xE01EF).contains(s)
        default: return false
        }
    }
}
