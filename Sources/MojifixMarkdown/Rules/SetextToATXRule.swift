/// Opt-in (export): setext headings (`Title` over `===` or `---`) become ATX (`# Title`), the form
/// every tool agrees on.
struct SetextToATXRule: MarkdownRule {
    static let name = "setext-to-atx"
    static let summary = "Turn setext headings into ATX headings (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let structure = document.structure
        var edits: [TextEdit] = []
        for heading in structure.headings where heading.style == .setext && heading.level <= 2 {
            guard let underline = heading.underlineLine, underline == heading.line + 1 else { continue }
            let line = structure.lines[heading.line]
            let hashes = [UInt8](repeating: 0x23, count: heading.level) + [0x20]
            edits.append(TextEdit(range: line.lowerBound..<heading.textRange.lowerBound, replacement: hashes,
                                  message: "Use an ATX heading"))
            // Remove the underline with the line break before it.
            edits.append(TextEdit(range: line.upperBound..<structure.lines[underline].upperBound, replacement: [],
                                  message: "Use an ATX heading"))
        }
        return RuleOutcome(edits: edits)
    }
}
