/// A byte order mark at the start of a UTF-8 file is removed: static-site generators and YAML
/// front-matter parsers trip over it.
struct LeadingBOMRule: MarkdownRule {
    static let name = "leading-bom"
    static let summary = "Remove the byte order mark at the start of the file."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        guard document.bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return RuleOutcome() }
        return RuleOutcome(edits: [TextEdit(range: 0..<3, replacement: [], message: "Remove the leading byte order mark")])
    }
}
