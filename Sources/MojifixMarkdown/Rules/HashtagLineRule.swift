/// A line starting with `#` and no space (`#태그`, `#tag`) is a paragraph in CommonMark, not a
/// heading: reported, since it is either a hashtag (fine) or a heading missing its space.
struct HashtagLineRule: MarkdownRule {
    static let name = "hashtag-line"
    static let summary = "Report `#word` lines: a hashtag, or a heading missing its space."
    static let kind = RuleKind.report
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var findings: [Finding] = []
        let headingLines = Set(document.structure.headings.map(\.line))
        for (index, line) in document.structure.lines.enumerated()
        where document.structure.lineKinds[index] == .prose && !headingLines.contains(index) {
            var j = line.lowerBound
            while j < line.upperBound && bytes[j] == 0x23 { j += 1 }
            guard j > line.lowerBound, j - line.lowerBound <= 6, j < line.upperBound else { continue }
            let next = bytes[j]
            guard next != 0x20, next != 0x09, next != 0x23, !bytes[j...].starts(with: Bytes.nbsp),
                  !bytes[j...].starts(with: Bytes.ideographicSpace) else { continue }
            findings.append(Finding(offset: line.lowerBound, rule: Self.name, severity: .warning,
                                    message: "Add a space after # if this is a heading (as written it is a hashtag paragraph)"))
        }
        return RuleOutcome(findings: findings)
    }
}
