/// Trailing spaces, tabs, NBSP, U+3000 and ZWSP are removed from prose lines, except exactly two
/// spaces before a following prose line, which CommonMark reads as a hard line break. Code, HTML,
/// math and front matter keep theirs.
struct TrailingWhitespaceRule: MarkdownRule {
    static let name = "trailing-whitespace"
    static let summary = "Remove trailing whitespace outside code, keeping two-space hard breaks."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var edits: [TextEdit] = []
        for (index, line) in structure.lines.enumerated() where structure.lineKinds[index].isEditable {
            var end = line.upperBound
            var spaces = 0, other = false
            while end > line.lowerBound {
                if bytes[end - 1] == 0x20 { spaces += 1; end -= 1; continue }
                if bytes[end - 1] == 0x09 { other = true; end -= 1; continue }
                if end - 2 >= line.lowerBound && Bytes.has(Bytes.nbsp, in: bytes, at: end - 2, before: end) { other = true; end -= 2; continue }
                if end - 3 >= line.lowerBound && (Bytes.has(Bytes.ideographicSpace, in: bytes, at: end - 3, before: end)
                                                  || Bytes.has(Bytes.zeroWidthSpace, in: bytes, at: end - 3, before: end)) {
                    other = true; end -= 3; continue
                }
                break
            }
            guard end < line.upperBound else { continue }
            let nextIsProse = index + 1 < structure.lines.count && structure.lineKinds[index + 1] == .prose
            let hardBreak = !other && spaces == 2 && end > line.lowerBound && nextIsProse
            if hardBreak { continue }
            edits.append(TextEdit(range: end..<line.upperBound, replacement: [], message: "Remove trailing whitespace"))
        }
        return RuleOutcome(edits: edits)
    }
}
