/// Runs of blank lines become one blank line, outside code, HTML, math and front matter (and,
/// under the kramdown flavour, outside what kramdown may read as indented code).
struct BlankLinesRule: MarkdownRule {
    static let name = "blank-lines"
    static let summary = "Collapse runs of blank lines to one."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let structure = document.structure
        var edits: [TextEdit] = []
        let kramdownCode = options.flavor == .kramdown ? KramdownIndentedCode.lines(document) : []
        var index = 0
        while index < structure.lines.count {
            guard structure.lineKinds[index] == .blank else { index += 1; continue }
            var last = index
            while last + 1 < structure.lines.count && structure.lineKinds[last + 1] == .blank { last += 1 }
            // Under kramdown, blank lines inside what it may read as indented code are code.
            if last > index && !(!kramdownCode.isEmpty && kramdownCode[index]) {
                // Keep the first blank line; drop the following ones with their terminators.
                let start = structure.lines[index + 1].lowerBound
                let end = last + 1 < structure.lines.count ? structure.lines[last + 1].lowerBound : document.bytes.count
                edits.append(TextEdit(range: start..<end, replacement: [], message: "Collapse \(last - index + 1) blank lines to one"))
            }
            index = last + 1
        }
        return RuleOutcome(edits: edits)
    }
}
