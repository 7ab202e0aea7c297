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
        let scalars = Bytes.scalars(bytes, 0..<bytes.count)
        var k = 0
        while k < scalars.count {
            guard Self.attaches(scalars[k].scalar) else { k += 1; continue }
            // The cluster: the base before, and every attaching character after it.
            let first = max(0, k - 1)
            var last = k
            while last + 1 < scalars.count && Self.attaches(scalars[last + 1].scalar) { last += 1 }
            k = last + 1
            let range = scalars[first].offset..<(scalars[last].offset + scalars[last].length)
            if (0xF900...0xFAFF).contains(scalars[first].scalar) || (0x2F800...0x2FA1F).contains(scalars[first].scalar) { continue }
            if let zone = document.structure.zone(containing: range.lowerBound), zone.kind != .frontMatter { continue }
            let cluster = Array(bytes[range])
            guard let composed = try? ICUNormalizer.normalize(cluster, to: .nfc), composed != cluster else { continue }
            edits.append(TextEdit(range: range, replacement: composed, message: "Compose to NFC"))
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
