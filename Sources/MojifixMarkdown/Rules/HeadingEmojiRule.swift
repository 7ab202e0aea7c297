internal import MojifixICU

/// Opt-in (export): leading and trailing emoji are removed from heading text, for pipelines that
/// index or print headings (`## 🚀 바로 실험할 액션` -> `## 바로 실험할 액션`).
struct HeadingEmojiRule: MarkdownRule {
    static let name = "heading-emoji"
    static let summary = "Strip leading and trailing emoji from heading text (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var edits: [TextEdit] = []
        for heading in document.structure.headings where !heading.textRange.isEmpty {
            let scalars = Bytes.scalars(bytes, heading.textRange)
            var first = 0
            while first < scalars.count && Self.isEmojiPart(scalars[first].scalar) { first += 1 }
            guard first < scalars.count else { continue }  // emoji only: leave the heading
            var last = scalars.count - 1
            while last > first && Self.isEmojiPart(scalars[last].scalar) { last -= 1 }
            if first > 0 {
                edits.append(TextEdit(range: heading.textRange.lowerBound..<scalars[first].offset, replacement: [],
                                      message: "Remove the emoji at the start of the heading"))
            }
            if last < scalars.count - 1 {
                edits.append(TextEdit(range: (scalars[last].offset + scalars[last].length)..<heading.textRange.upperBound,
                                      replacement: [], message: "Remove the emoji at the end of the heading"))
            }
        }
        return RuleOutcome(edits: edits)
    }

    /// Emoji, their joiners, selectors, skin tones, tags, and the spaces around them.
    static func isEmojiPart(_ s: UInt32) -> Bool {
        s == 0x20 || s == 0xA0 || s == 0x200D || s == 0xFE0F || s == 0x20E3 || (0xE0020...0xE007F).contains(s)
            || (0x1F3FB...0x1F3FF).contains(s) || (ICUProperties.isExtendedPictographic(s) && s >= 0x80)
            || (0x1F1E6...0x1F1FF).contains(s)
    }
}
