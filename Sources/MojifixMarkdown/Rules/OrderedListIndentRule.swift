/// Under a two-digit item (`10. `) a sub-list indented three spaces belongs to the item only in
/// some renderers (its content starts at column 4): reported with the suggestion of four spaces.
struct OrderedListIndentRule: MarkdownRule {
    static let name = "ordered-list-indent"
    static let summary = "Report sub-lists indented 3 spaces under a `10.` item (suggest 4)."
    static let kind = RuleKind.report
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var findings: [Finding] = []
        for (index, line) in structure.lines.enumerated() where index > 0 && structure.lineKinds[index] == .prose {
            // Three spaces then a bullet, under a line that starts with a two-digit ordered marker.
            guard line.count > 4, bytes[line.lowerBound] == 0x20, bytes[line.lowerBound + 1] == 0x20, bytes[line.lowerBound + 2] == 0x20,
                  [0x2D, 0x2A, 0x2B].contains(bytes[line.lowerBound + 3]), bytes[line.lowerBound + 4] == 0x20 else { continue }
            var k = index - 1
            while k > 0 && structure.lineKinds[k] == .prose && bytes[structure.lines[k]].first == 0x20 { k -= 1 }
            let parent = bytes[structure.lines[k]]
            let digits = parent.prefix { (0x30...0x39).contains($0) }.count
            guard digits >= 2, parent.dropFirst(digits).starts(with: [0x2E, 0x20]) else { continue }
            findings.append(Finding(offset: line.lowerBound, rule: Self.name, severity: .warning,
                                    message: "Indent this sub-list 4 spaces: under `\(String(decoding: parent.prefix(digits + 1), as: UTF8.self))` 3 spaces may not nest it"))
        }
        return RuleOutcome(findings: findings)
    }
}
