/// Opt-in (export): emphasis that wraps the whole heading text is unwrapped, since a heading is
/// already strong (`# 🥇 **Title**` -> `# 🥇 Title`).
struct HeadingEmphasisRule: MarkdownRule {
    static let name = "heading-emphasis"
    static let summary = "Unwrap emphasis that wraps a whole heading (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var edits: [TextEdit] = []
        for heading in document.structure.headings {
            let range = heading.textRange
            // Skip leading emoji and spaces, then look for `**...**` or `__...__` to the end.
            let scalars = Bytes.scalars(bytes, range)
            var k = 0
            while k < scalars.count && HeadingEmojiRule.isEmojiPart(scalars[k].scalar) { k += 1 }
            guard k < scalars.count else { continue }
            let start = scalars[k].offset
            for marker in [[UInt8](repeating: 0x2A, count: 2), [UInt8](repeating: 0x5F, count: 2)] {
                guard range.upperBound - start > 4, bytes[start..<start + 2].elementsEqual(marker),
                      bytes[(range.upperBound - 2)..<range.upperBound].elementsEqual(marker),
                      !Self.contains(bytes[(start + 2)..<(range.upperBound - 2)], marker) else { continue }
                edits.append(TextEdit(range: start..<start + 2, replacement: [], message: "Unwrap the emphasis around the heading"))
                edits.append(TextEdit(range: (range.upperBound - 2)..<range.upperBound, replacement: [],
                                      message: "Unwrap the emphasis around the heading"))
            }
        }
        return RuleOutcome(edits: edits)
    }

    static func contains(_ slice: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        var i = slice.startIndex
        while i + 1 < slice.endIndex {
            if slice[i] == marker[0] && slice[i + 1] == marker[1] { return true }
            i += 1
        }
        return false
    }
}
