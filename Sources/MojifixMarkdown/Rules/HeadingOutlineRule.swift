/// Reports the outline problems readers and tools trip over: a level jump (`##` then `####`), no
/// H1 or more than one, an H1 that repeats the front-matter title (under kramdown and goldmark:
/// Jekyll and Hugo themes print the title already), and duplicate heading texts in one section (their anchors get `-1` suffixes).
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
        // Duplicates only among siblings: `### Fixed` under every `## 1.2.3` of a changelog is
        // how such files are written, and nobody would rename them.
        var seen: [SectionKey: Int] = [:]
        seen.reserveCapacity(headings.count)
        var open: [Int] = []   // indices of the headings enclosing the current one
        let h1 = headings.filter { $0.level == 1 }
        let title = frontMatterTitle(document)
        if h1.isEmpty && title == nil { report(first, "Add an H1 (the document has no title)") }
        if h1.count > 1 { report(h1[1], "Use one H1 per document (\(h1.count) H1s)") }
        for (index, heading) in headings.enumerated() {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            let parent = open.last ?? -1
            open.append(index)
            if previousLevel > 0 && heading.level > previousLevel + 1 {
                report(heading, "Do not skip heading levels (H\(previousLevel) to H\(heading.level))")
            }
            previousLevel = heading.level
            let text = bytes[heading.textRange]
            // Jekyll and Hugo layouts print the title above the content; GitHub and MkDocs do not.
            if heading.level == 1, options.flavor.printsTitle, let title, text.elementsEqual(title) {
                report(heading, "Remove the H1 that repeats the front-matter title")
            }
            let key = SectionKey(parent: parent, text: TextKey(text: text))
            if let line = seen[key] {
                report(heading, "Use a distinct heading (same text as line \(line + 1) in the same section; its anchor gets a suffix)")
            } else {
                seen[key] = heading.line
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

/// A heading's text within its parent section (the index of the enclosing heading, -1 at the top).
private struct SectionKey: Hashable {
    let parent: Int
    let text: TextKey
}
