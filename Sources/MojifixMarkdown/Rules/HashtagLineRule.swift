/// A line starting with `#` and no space (`##해시테이블의 장점`) is a paragraph in CommonMark, not
/// a heading: reported when it may be a heading missing its space, i.e. a paragraph of its own.
/// Not reported: issue references (`#135 by @…`), `#.` list items (pandoc), a hashtag inside a sentence (the line continues
/// a paragraph, or the paragraph goes on), lines of hashtags (`#태그 #tag`).
struct HashtagLineRule: MarkdownRule {
    static let name = "hashtag-line"
    static let summary = "Report `#word` lines: a hashtag, or a heading missing its space."
    static let kind = RuleKind.report
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var findings: [Finding] = []
        let structure = document.structure, kinds = structure.lineKinds
        // Per line: a heading (flags, not a set: a large document has thousands of lines).
        var headingLines = [Bool](repeating: false, count: structure.lines.count)
        for heading in structure.headings { headingLines[heading.line] = true }
        for (index, line) in structure.lines.enumerated() where kinds[index] == .prose && !headingLines[index] {
            var j = line.lowerBound
            while j < line.upperBound && bytes[j] == 0x23 { j += 1 }
            guard j > line.lowerBound, j - line.lowerBound <= 6, j < line.upperBound else { continue }
            let next = bytes[j]
            // A letter after the `#`s (`#.` is a pandoc list item, `#1` an issue reference).
            guard MDByte.isAlpha(next) || next >= 0x80, !bytes[j...].starts(with: Bytes.nbsp),
                  !bytes[j...].starts(with: Bytes.ideographicSpace) else { continue }
            let alone = (index == 0 || kinds[index - 1] != .prose || headingLines[index - 1])
                && (index + 1 == kinds.count || kinds[index + 1] != .prose)
            guard alone, !Self.holdsSecondHashtag(bytes, j..<line.upperBound) else { continue }
            findings.append(Finding(offset: line.lowerBound, rule: Self.name, severity: .warning,
                                    message: "Add a space after # if this is a heading (as written it is a hashtag paragraph)"))
        }
        return RuleOutcome(findings: findings)
    }

    /// ` #word` further on the line: a line of hashtags.
    static func holdsSecondHashtag(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k + 1 < range.upperBound {
            if bytes[k] == 0x20 && bytes[k + 1] == 0x23 && k + 2 < range.upperBound && bytes[k + 2] != 0x20 { return true }
            k += 1
        }
        return false
    }
}
