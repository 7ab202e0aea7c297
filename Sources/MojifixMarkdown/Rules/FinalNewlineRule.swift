/// The file ends with exactly one newline: one is added when missing, extra blank lines at the end
/// are removed.
struct FinalNewlineRule: MarkdownRule {
    static let name = "final-newline"
    static let summary = "End the file with exactly one newline."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        guard !bytes.isEmpty else { return RuleOutcome() }
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        let newline: [UInt8] = options.keepCRLF && bytes[end...].starts(with: [0x0D, 0x0A]) ? [0x0D, 0x0A] : [0x0A]
        guard Array(bytes[end...]) != newline else { return RuleOutcome() }
        // Inside an unterminated code block the trailing blank lines belong to the code.
        if let last = document.structure.lineKinds.last, last == .fencedCode || last == .indentedCode, end < bytes.count,
           bytes[end...].filter({ $0 == 0x0A }).count > 1 {
            return RuleOutcome()
        }
        let message = end == bytes.count ? "Add a final newline" : "Keep exactly one newline at the end"
        return RuleOutcome(edits: [TextEdit(range: end..<bytes.count, replacement: newline, message: message)])
    }
}
