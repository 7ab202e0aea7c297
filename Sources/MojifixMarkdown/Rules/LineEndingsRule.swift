/// CRLF (and lone CR) line endings become LF, unless the configuration keeps CRLF files CRLF.
struct LineEndingsRule: MarkdownRule {
    static let name = "line-endings"
    static let summary = "Use LF line endings."
    static let kind = RuleKind.fix

    /// One finding per file: a line-by-line listing says nothing more.
    static func fileFinding(count: Int) -> String? { "Use LF line endings (\(count) line end\(count == 1 ? "" : "s"))" }

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        guard Bytes.contains(0x0D, in: bytes) else { return RuleOutcome() }
        var edits: [TextEdit] = []
        let crlf = zip(bytes, bytes.dropFirst()).filter { $0 == 0x0D && $1 == 0x0A }.count
        let lf = bytes.filter { $0 == 0x0A }.count
        if options.keepCRLF && crlf > 0 && crlf * 2 >= lf { return RuleOutcome() }
        for i in bytes.indices where bytes[i] == 0x0D {
            let replacement: [UInt8] = i + 1 < bytes.count && bytes[i + 1] == 0x0A ? [] : [0x0A]
            edits.append(TextEdit(range: i..<i + 1, replacement: replacement, message: "Use LF line endings"))
        }
        return RuleOutcome(edits: edits)
    }
}
