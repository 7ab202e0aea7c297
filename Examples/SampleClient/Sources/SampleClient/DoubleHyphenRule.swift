import MojifixMarkdown

/// A client's own Markdown rule: ` -- ` between words becomes an em dash. The normaliser keeps
/// its edits out of code, math and front matter, as it does for the built-in rules.
struct DoubleHyphenRule: MarkdownRule {
    static let name = "double-hyphen-dash"
    static let summary = "Write \" -- \" between words as \" — \"."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let pattern = Array(" -- ".utf8), bytes = document.bytes
        var edits: [TextEdit] = []
        var start = 0
        while start + pattern.count <= bytes.count {
            if bytes[start..<start + pattern.count].elementsEqual(pattern) {
                edits.append(TextEdit(range: start..<start + pattern.count, replacement: Array(" — ".utf8),
                                      message: "Write an em dash"))
                start += pattern.count
            } else {
                start += 1
            }
        }
        return RuleOutcome(edits: edits)
    }
}
