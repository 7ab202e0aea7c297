/// Zero-width spaces, word joiners and byte order marks in the middle of the text are removed
/// outside code (they break search and slugs, and nobody sees them) and reported as errors in code
/// (never edited there); U+FFFD is reported, since what it replaced is lost.
struct InvisibleCharactersRule: MarkdownRule {
    static let name = "invisible-characters"
    static let summary = "Remove ZWSP, WJ and mid-file BOM; report U+FFFD."
    static let kind = RuleKind.fix

    static let removed: [UInt32: String] = [0x200B: "zero-width space", 0x2060: "word joiner", 0xFEFF: "byte order mark"]

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        var outcome = RuleOutcome()
        let bytes = document.bytes
        // Only the runs holding one of these characters are decoded: most documents hold none.
        let runs = Bytes.runs(holding: [[0xE2, 0x80, 0x8B], [0xE2, 0x81, 0xA0], [0xEF, 0xBB, 0xBF], [0xEF, 0xBF, 0xBD]], in: document)
        for (offset, scalar, length) in runs.flatMap({ Bytes.scalars(bytes, $0) }) {
            if let what = Self.removed[scalar], offset > 0 {
                if document.structure.touchesZone(offset..<offset + length) {
                    // Code is never edited, but a hidden character there is the one that matters most.
                    outcome.findings.append(Finding(offset: offset, rule: Self.name, severity: .error,
                                                    message: "\(what.prefix(1).uppercased() + what.dropFirst()) \(Bytes.codePoint(scalar)) in code: remove it by hand (code is never edited)"))
                } else {
                    outcome.edits.append(TextEdit(range: offset..<offset + length, replacement: [], message: "Remove the \(what)"))
                }
            } else if scalar == 0xFFFD, document.structure.zone(containing: offset) == nil {
                outcome.findings.append(Finding(offset: offset, rule: Self.name, severity: .warning,
                                                message: "U+FFFD replacement character: the original character was lost"))
            }
        }
        return outcome
    }
}
