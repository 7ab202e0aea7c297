/// Trailing spaces, tabs, NBSP, U+3000 and ZWSP are removed from prose lines. A hard line break
/// stays one hard break: a line ending in two or more spaces before a non-blank line keeps
/// exactly two (CommonMark, kramdown and markdown-it read 2+ as one `<br>`; before a line that
/// ends the paragraph they are removed by the renderer anyway), and a line ending in
/// a backslash before its trailing whitespace is left alone (removing the spaces would turn a
/// literal `\` into a break). An empty list item (`- \t`) keeps its whitespace: a bare `-` under
/// a text line is a setext underline for kramdown. Code, HTML, math and front matter keep theirs,
/// and under the kramdown flavour so do the lines kramdown may read as indented code.
struct TrailingWhitespaceRule: MarkdownRule {
    static let name = "trailing-whitespace"
    static let summary = "Remove trailing whitespace outside code, keeping hard breaks as two spaces."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var edits: [TextEdit] = []
        let kramdownCode = options.flavor == .kramdown ? KramdownIndentedCode.lines(document) : []
        let kinds = structure.lineKinds
        for (index, line) in structure.lines.enumerated() where kinds[index].isEditable {
            if !kramdownCode.isEmpty && kramdownCode[index] { continue }
            // Most lines end in none of the bytes trailing whitespace can end in (space, tab, and
            // the last bytes of NBSP, U+3000 and ZWSP): nothing to strip there.
            guard !line.isEmpty, Self.lastBytes[Int(bytes[line.upperBound - 1])] else { continue }
            var end = line.upperBound
            // Spaces ending the line, before any other trailing whitespace: what makes a hard break.
            var finalSpaces = 0, onlySpaces = true
            while end > line.lowerBound {
                if bytes[end - 1] == 0x20 { if onlySpaces { finalSpaces += 1 }; end -= 1; continue }
                onlySpaces = false
                if bytes[end - 1] == 0x09 { end -= 1; continue }
                if end - 2 >= line.lowerBound && Bytes.has(Bytes.nbsp, in: bytes, at: end - 2, before: end) { end -= 2; continue }
                if end - 3 >= line.lowerBound && (Bytes.has(Bytes.ideographicSpace, in: bytes, at: end - 3, before: end)
                                                  || Bytes.has(Bytes.zeroWidthSpace, in: bytes, at: end - 3, before: end)) {
                    end -= 3; continue
                }
                break
            }
            guard end < line.upperBound else { continue }
            if Self.isContainerOnly(bytes, line.lowerBound..<end) {
                // Spaces and tabs only: the line is blank either way. NBSP or ZWSP alone is text
                // (it holds a paragraph together); removing it would split the paragraph.
                if onlySpaces || bytes[end..<line.upperBound].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    edits.append(remove(end..<line.upperBound))
                }
                continue
            }
            // Any non-blank line may continue the paragraph for some renderer (a `$$` line is
            // text for cmark), so a break is kept before every one.
            let nextContinues = index + 1 < structure.lines.count && structure.lineKinds[index + 1] != .blank
            if nextContinues && bytes[end - 1] == 0x5C { continue }
            if Self.isEmptyListItem(bytes, line.lowerBound..<end) { continue }
            if nextContinues && finalSpaces >= 2 {
                if end + 2 != line.upperBound || !onlySpaces {
                    edits.append(TextEdit(range: end..<line.upperBound, replacement: [0x20, 0x20], message: "Keep the hard break as two spaces"))
                }
                continue
            }
            edits.append(remove(end..<line.upperBound))
        }
        return RuleOutcome(edits: edits)
    }

    /// Per byte value: trailing whitespace can end in it (space, tab, the last byte of NBSP, of
    /// U+3000 and of ZWSP, the characters stripped above).
    static let lastBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in [0x20, 0x09] + [Bytes.nbsp, Bytes.ideographicSpace, Bytes.zeroWidthSpace].compactMap(\.last) { table[Int(b)] = true }
        return table
    }()

    private func remove(_ range: Range<Int>) -> TextEdit {
        TextEdit(range: range, replacement: [], message: "Remove trailing whitespace")
    }

    /// Only indentation and `>` markers.
    static func isContainerOnly(_ bytes: [UInt8], _ content: Range<Int>) -> Bool {
        bytes[content].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
    }

    /// The content (after indentation and `>` markers) is a list marker alone: `-`, `*`, `+`, `1.`, `1)`.
    static func isEmptyListItem(_ bytes: [UInt8], _ content: Range<Int>) -> Bool {
        var p = content.lowerBound
        while p < content.upperBound && (bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x3E) { p += 1 }
        let rest = content.upperBound - p
        if rest == 1 { return bytes[p] == 0x2D || bytes[p] == 0x2A || bytes[p] == 0x2B }
        guard rest >= 2, rest <= 10, bytes[content.upperBound - 1] == 0x2E || bytes[content.upperBound - 1] == 0x29 else { return false }
        return bytes[p..<(content.upperBound - 1)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
