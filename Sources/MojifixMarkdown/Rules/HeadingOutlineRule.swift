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
                                    message: message, severity: .warning))
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

    /// The `title:` value of YAML front matter, without quotes.
    private func frontMatterTitle(_ document: MarkdownDocument) -> [UInt8]? {
        guard let range = document.structure.frontMatter else { return nil }
        for line in document.structure.lines where range.contains(line.lowerBound) {
            let text = Array(document.bytes[line])
            guard text.starts(with: Array("title:".utf8)) else { continue }
            var value = Array(text.dropFirst(6))
            while value.first == 0x20 { value.removeFirst() }
            while value.last == 0x20 { value.removeLast() }
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
