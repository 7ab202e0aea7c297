/// Opt-in (export): a bold line that starts a paragraph (`**1. Title**`), used as a heading, becomes
/// a heading one level below the heading before it (H2 when there is none); text that followed it
/// becomes the next paragraph.
struct BoldLineHeadingRule: MarkdownRule {
    static let name = "bold-line-heading"
    static let summary = "Promote standalone bold lines to headings (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var edits: [TextEdit] = []
        var level = 1
        var headings = structure.headings.makeIterator()
        var nextHeading = headings.next()
        let headingLines = Set(structure.headings.map(\.line))
        for (index, line) in structure.lines.enumerated() {
            while let heading = nextHeading, heading.line <= index { level = heading.level; nextHeading = headings.next() }
            guard structure.lineKinds[index] == .prose,
                  index == 0 || structure.lineKinds[index - 1] == .blank,
                  line.count > 4, bytes[line].starts(with: [0x2A, 0x2A]), bytes[line].reversed().starts(with: [0x2A, 0x2A]),
                  !HeadingEmphasisRule.contains(bytes[(line.lowerBound + 2)..<(line.upperBound - 2)], [0x2A, 0x2A]),
                  !structure.touchesZone(line),
                  // Already a heading (`**Title**` over `---` is a setext H2), or holding heading
                  // markers (`**### Title**`): promoting would give `## ### Title`.
                  !headingLines.contains(index), bytes[line.lowerBound + 2] != 0x23 else { continue }
            let hashes = [UInt8](repeating: 0x23, count: min(6, level + 1)) + [0x20]
            edits.append(TextEdit(range: line.lowerBound..<line.lowerBound + 2, replacement: hashes,
                                  message: "Make this bold line a heading (H\(min(6, level + 1)))"))
            // A paragraph that goes on after the bold line is split from it by a blank line.
            let followed = index + 1 < structure.lines.count && structure.lineKinds[index + 1] != .blank
            edits.append(TextEdit(range: (line.upperBound - 2)..<line.upperBound, replacement: followed ? [0x0A] : [],
                                  message: "Make this bold line a heading (H\(min(6, level + 1)))"))
        }
        return RuleOutcome(edits: edits)
    }
}
