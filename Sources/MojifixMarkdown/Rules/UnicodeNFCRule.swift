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
        RuleOutcome(edits: Self.edits(document, lineByLine: true))
    }

    /// Only lines holding a character beyond ICU's quick check can change (`NFCLines`), and a
    /// line feed is a normalisation boundary (NFC text is NFC line by line): ICU checks only those
    /// lines (each from the line feed before it), and only they are walked. `lineByLine` off only in tests:
    /// ICU checks the whole document, and all of it is walked.
    static func edits(_ document: MarkdownDocument, lineByLine: Bool) -> [TextEdit] {
        var edits: [TextEdit] = []
        document.bytes.withUnsafeBufferPointer { p in
            let lines = lineByLine ? document.nfcLines.lines(p) : [0..<p.count]
            guard !lines.allSatisfy({ (try? ICUNormalizer.isNFC(UnsafeBufferPointer(rebasing: p[$0]))) ?? false }) else { return }
            for line in lines { Self.compose(p, line, document, into: &edits) }
        }
        return edits
    }

    /// The clusters of `range` (a base and the attaching characters after it) that NFC changes,
    /// outside zones (front matter apart). The walk remembers only the scalar before.
    static func compose(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ document: MarkdownDocument, into edits: inout [TextEdit]) {
        var i = range.lowerBound
        var previous: (offset: Int, scalar: UInt32)? = nil
        while i < range.upperBound {
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
            let cluster = base.offset..<end
            if (0xF900...0xFAFF).contains(base.scalar) || (0x2F800...0x2FA1F).contains(base.scalar) { continue }
            if let zone = document.structure.zone(containing: cluster.lowerBound), zone.kind != .frontMatter { continue }
            let bytes = Array(p[cluster])
            guard let composed = try? ICUNormalizer.normalize(bytes, to: .nfc), composed != bytes else { continue }
            edits.append(TextEdit(range: cluster, replacement: composed, message: "Compose to NFC"))
        }
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
