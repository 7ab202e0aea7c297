/// Opt-in (export): NBSP and U+3000 in prose become plain spaces, and runs of spaces inside a line
/// become one (not leading indentation, not the two-space hard break at the end, not on lines
/// holding inline HTML).
struct ProseSpacesRule: MarkdownRule {
    static let name = "prose-spaces"
    static let summary = "NBSP/U+3000 to space and double spaces to one in prose (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var edits: [TextEdit] = []
        let listContent = Dictionary(structure.listItems.map { ($0.line, $0.contentColumn) }, uniquingKeysWith: { a, _ in a })
        var zone = 0
        for (index, line) in structure.lines.enumerated() where structure.lineKinds[index] == .prose {
            // A line with inline HTML is left as written: spaces inside `<code>a  b</code>` or
            // between attributes are the author's (HTML is not Markdown prose).
            while zone < structure.zones.count && structure.zones[zone].range.upperBound <= line.lowerBound { zone += 1 }
            var k = zone, holdsHTML = false
            while k < structure.zones.count && structure.zones[k].range.lowerBound < line.upperBound {
                if structure.zones[k].kind == .inlineHTML { holdsHTML = true; break }
                k += 1
            }
            if holdsHTML { continue }
            var i = line.lowerBound
            // Indentation, and a list marker with the spaces after it, are structure: they stay.
            if let column = listContent[index] { i = min(line.upperBound, line.lowerBound + column) }
            while i < line.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            var contentEnd = line.upperBound
            while contentEnd > i && bytes[contentEnd - 1] == 0x20 { contentEnd -= 1 }
            while i < contentEnd {
                if bytes[i...].starts(with: Bytes.nbsp) || bytes[i...].starts(with: Bytes.ideographicSpace) {
                    let width = bytes[i] == 0xC2 ? 2 : 3
                    edits.append(TextEdit(range: i..<i + width, replacement: [0x20], message: "Use a plain space"))
                    i += width
                } else if bytes[i] == 0x20 && i + 1 < contentEnd && bytes[i + 1] == 0x20 {
                    var j = i + 1
                    while j < contentEnd && bytes[j] == 0x20 { j += 1 }
                    edits.append(TextEdit(range: i..<j, replacement: [0x20], message: "Use one space"))
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return RuleOutcome(edits: edits)
    }
}
