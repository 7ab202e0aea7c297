internal import MojifixICU

/// An emoji sequence whose zero-width joiners were lost (`🧑💻`) gets them back when the joined
/// sequence is an RGI emoji ZWJ sequence (ICU's `RGI_Emoji_ZWJ_Sequence`), longest match first.
/// Removing every ZWJ from the RGI ZWJ sequences gives no collisions, so the match is unique.
struct EmojiZWJRule: MarkdownRule {
    static let name = "emoji-zwj"
    static let summary = "Restore a lost ZWJ in RGI emoji ZWJ sequences."
    static let kind = RuleKind.fix

    /// Longest ZWJ sequence in emoji (RGI sequences have at most 4 joined parts).
    static let maxParts = 4

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var edits: [TextEdit] = []
        for run in Bytes.runs(holdingLeads: [0xF0], in: document) { edits += joins(Bytes.scalars(bytes, run), bytes) }
        return RuleOutcome(edits: edits)
    }

    private func joins(_ scalars: [(offset: Int, scalar: UInt32, length: Int)], _ bytes: [UInt8]) -> [TextEdit] {
        // Emoji "parts": an Extended_Pictographic scalar with its modifiers and VS16 attached.
        var parts: [(range: Range<Int>, scalars: Range<Int>)] = []
        var k = 0
        while k < scalars.count {
            guard ICUProperties.isExtendedPictographic(scalars[k].scalar) else { k += 1; continue }
            var end = k + 1
            while end < scalars.count && (scalars[end].scalar == 0xFE0F || (0x1F3FB...0x1F3FF).contains(scalars[end].scalar)) { end += 1 }
            parts.append((scalars[k].offset..<(scalars[end - 1].offset + scalars[end - 1].length), k..<end))
            k = end
        }
        var edits: [TextEdit] = []
        var p = 0
        while p < parts.count {
            var matched = 0
            // Adjacent parts (no byte between them) that form an RGI ZWJ sequence once joined.
            var count = 1
            while p + count < parts.count && count < Self.maxParts && parts[p + count].range.lowerBound == parts[p + count - 1].range.upperBound {
                count += 1
            }
            var n = count
            while n >= 2 {
                var joined: [UInt8] = []
                for part in parts[p..<p + n] {
                    if !joined.isEmpty { joined += [0xE2, 0x80, 0x8D] }
                    joined += bytes[part.range]
                }
                if ICUProperties.isRGIEmojiZWJSequence(joined) {
                    for q in p + 1..<p + n {
                        edits.append(TextEdit(range: parts[q].range.lowerBound..<parts[q].range.lowerBound,
                                              replacement: [0xE2, 0x80, 0x8D], message: "Restore the zero-width joiner of an emoji sequence"))
                    }
                    matched = n
                    break
                }
                n -= 1
            }
            p += max(1, matched)
        }
        return edits
    }
}
