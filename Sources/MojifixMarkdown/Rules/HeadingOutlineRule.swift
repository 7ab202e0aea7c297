/// Reports the outline problems readers and tools trip over: a level jump (`##` then `####`), no
/// H1 or more than one, an H1 that repeats the front-matter title (Jekyll themes print the title
/// already), and duplicate heading texts (their anchors get `-1` suffixes).
struct HeadingOutlineRule: MarkdownRule {
    static let name = "heading-outline"
    static let summary = "Report heading level jumps, missing or repeated H1, duplicate headings."
    static let kind = RuleKind.report
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let headings = document.structure.headings
        var findings: [Finding] = []
        func report(_ heading: MarkdownStructure.Heading, _ message: String) {
            findings.append(Finding(offset: document.structure.lines[heading.line].lowerBound, rule: Self.name,
                                    message: message, severity: .info))
        }
        guard let first = headings.first else { return RuleOutcome() }
        var previousLevel = 0
        var seen: [TextKey: Int] = [:]
        seen.reserveCapacity(headings.count)
        let h1 = headings.filter { $0.level == 1 }
        let title = frontMatterTitle(document)
        if h1.isEmpty && title == nil { report(first, "Add an H1 (the document has no title)") }
        for extra in h1.dropFirst() { report(extra, "Use one H1 per document") }
        for heading in headings {
            if previousLevel > 0 && heading.level > previousLevel + 1 {
                report(heading, "Do not skip heading levels (H\(previousLevel) to H\(heading.level))")
            }
            previousLevel = heading.level
            let text = bytes[heading.textRange]
            if heading.level == 1, let title, text.elementsEqual(title) {
                report(heading, "Remove the H1 that repeats the front-matter title")
            }
            if let line = seen[TextKey(text: text)] {
                report(heading, "Use a distinct heading (same text as line \(line + 1); its anchor gets a suffix)")
            } else {
                seen[TextKey(text: text)] = heading.line
            }
        }
        return RuleOutcome(findings: findings)
    }

    /// The title of the front matter: YAML `title: x`, TOML (`+++`) `title = "x"`, or JSON
    /// (Hugo: a `{` … `}` object starting the file) `"title": "x"`; without quotes.
    private func frontMatterTitle(_ document: MarkdownDocument) -> [UInt8]? {
        let bytes = document.bytes, lines = document.structure.lines
        let range: Range<Int>
        if let frontMatter = document.structure.frontMatter {
            range = frontMatter
        } else if let first = lines.first, bytes[first].elementsEqual([0x7B]),
                  let close = lines.firstIndex(where: { bytes[$0].elementsEqual([0x7D]) }) {
            range = first.lowerBound..<lines[close].upperBound
        } else {
            return nil
        }
        for line in lines where range.contains(line.lowerBound) {
            var text = Array(bytes[line])
            while text.first == 0x20 || text.first == 0x09 { text.removeFirst() }
            let key: [UInt8]
            if text.starts(with: Array("title:".utf8)) { key = Array("title:".utf8) }
            else if text.starts(with: Array("\"title\"".utf8)) { key = Array("\"title\"".utf8) }
            else if text.starts(with: Array("title".utf8)), text.count > 5, [0x20, 0x09, 0x3D].contains(text[5]) { key = Array("title".utf8) }
            else { continue }
            var value = Array(text.dropFirst(key.count))
            while let c = value.first, c == 0x20 || c == 0x09 || c == 0x3A || c == 0x3D { value.removeFirst() }
            while let c = value.last, c == 0x20 || c == 0x09 || c == 0x2C { value.removeLast() }
            guard !value.isEmpty, key.last == 0x3A || key.last == 0x22 || text.dropFirst(key.count).contains(0x3D) else { continue }
            if value.count >= 2, let q = value.first, q == 0x22 || q == 0x27, value.last == q { value = Array(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

/// Heading text as a dictionary key, hashed as one block of bytes rather than byte by byte.
private struct TextKey: Hashable {
    let text: ArraySlice<UInt8>
    func hash(into hasher: inout Hasher) { text.withUnsafeBytes { hasher.combine(bytes: $0) } }
    static func == (a: TextKey, b: TextKey) -> Bool { a.text.elementsEqual(b.text) }
}
