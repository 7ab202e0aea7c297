/// ATX headings get one space after their `#`s, no closing `#` sequence or trailing spaces, no
/// indentation at top level, NBSP/U+3000 in their text turned into spaces, and a blank line before
/// and after. A line like `##<NBSP>Title` (which CommonMark does not read as a heading, though its
/// author meant one) gets a real space. `#태그` (no space: a hashtag) is left alone. Under the
/// kramdown flavour an indented top-level heading is left alone: kramdown reads it as text.
struct HeadingSpacingRule: MarkdownRule {
    static let name = "heading-spacing"
    static let summary = "Normalise the spacing of ATX headings and the blank lines around them."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        let structure = document.structure
        var edits: [TextEdit] = []
        // Per line: an ATX heading, or a line meant as one (flags, not a set: thousands of headings).
        var headingLines = [Bool](repeating: false, count: structure.lines.count)
        var candidates: [Int] = []
        for heading in structure.headings where heading.style == .atx {
            if !headingLines[heading.line] { candidates.append(heading.line) }
            headingLines[heading.line] = true
            let line = structure.lines[heading.line]
            var i = line.lowerBound
            while i < line.upperBound && bytes[i] == 0x20 { i += 1 }
            let indent = line.lowerBound..<i
            guard i < line.upperBound, bytes[i] == 0x23 else { continue }  // inside a container: leave
            // kramdown reads a top-level `#` line only at column 0 as a heading: an indented one is text.
            if options.flavor == .kramdown && !indent.isEmpty && heading.isTopLevel { continue }
            if !indent.isEmpty && heading.isTopLevel {
                edits.append(TextEdit(range: indent, replacement: [], message: "Remove the indentation of the heading"))
            }
            var j = i
            while j < line.upperBound && bytes[j] == 0x23 { j += 1 }
            let textStart = max(j, min(heading.textRange.lowerBound, line.upperBound))
            if heading.textRange.isEmpty { continue }
            if textStart != j + 1 || bytes[j] != 0x20 {  // one space already: nothing to propose
                edits.append(TextEdit(range: j..<textStart, replacement: [0x20], message: "Use one space after the heading's #"))
            }
            spacesInText(heading.textRange, bytes, into: &edits)
            if heading.textRange.upperBound < line.upperBound {
                edits.append(TextEdit(range: heading.textRange.upperBound..<line.upperBound, replacement: [],
                                      message: "Remove the closing # and trailing spaces of the heading"))
            }
        }
        // Lines meant as headings whose # is followed by NBSP or U+3000 (the builder finds them
        // in prose only, never in code, HTML, math or front matter).
        for index in structure.looksLikeHeadingLines where !headingLines[index] {
            let line = structure.lines[index]
            var j = line.lowerBound
            while j < line.upperBound && bytes[j] == 0x20 { j += 1 }
            while j < line.upperBound && bytes[j] == 0x23 && j - line.lowerBound < 6 { j += 1 }
            guard j > line.lowerBound, j < line.upperBound else { continue }
            let rest = Array(bytes[j..<min(line.upperBound, j + 3)])
            let width = rest.starts(with: Bytes.nbsp) ? 2 : rest.starts(with: Bytes.ideographicSpace) ? 3 : 0
            guard width > 0 else { continue }
            edits.append(TextEdit(range: j..<j + width, replacement: [0x20],
                                  message: "Use a space after the heading's # (NBSP or U+3000 there is not a heading)"))
            headingLines[index] = true
            candidates.append(index)
        }
        // Blank lines only around top-level headings: inside a list item a blank line makes a
        // tight list loose, and inside a block quote a bare one ends the quote. None under
        // kramdown: there a blank line changes what the lines around read as (a heading right
        // under a list item is nested in it; a table right under a heading is text).
        if options.flavor != .kramdown {
            for heading in structure.headings where !heading.isTopLevel { headingLines[heading.line] = false }
            edits += blankLinesAround(candidates.filter { headingLines[$0] }.sorted(), headingLines, structure, bytes)
        }
        return RuleOutcome(edits: edits)
    }

    /// NBSP and U+3000 inside heading text become spaces.
    private func spacesInText(_ range: Range<Int>, _ bytes: [UInt8], into edits: inout [TextEdit]) {
        var i = range.lowerBound
        // The lead bytes of both (C2, E3) are found in one pass: most headings hold neither.
        while let lead = bytes.withUnsafeBufferPointer({ MDByte.find(anyOf: [0xC2, 0xE3], in: $0, from: i, to: range.upperBound) }) {
            i = lead
            if Bytes.has(Bytes.nbsp, in: bytes, at: i, before: bytes.count) {
                edits.append(TextEdit(range: i..<i + 2, replacement: [0x20], message: "Use a plain space in the heading"))
                i += 2
            } else if Bytes.has(Bytes.ideographicSpace, in: bytes, at: i, before: bytes.count) {
                edits.append(TextEdit(range: i..<i + 3, replacement: [0x20], message: "Use a plain space in the heading"))
                i += 3
            } else {
                i += 1
            }
        }
    }

    /// `lines`: the top-level heading lines, sorted; `isHeading`: the same, per line.
    private func blankLinesAround(_ lines: [Int], _ isHeading: [Bool], _ structure: MarkdownStructure, _ bytes: [UInt8]) -> [TextEdit] {
        var edits: [TextEdit] = []
        for index in lines {
            let line = structure.lines[index]
            guard line.lowerBound < bytes.count, bytes[line.lowerBound] == 0x23 else { continue }  // indented: de-indented first, or in a container
            // A kramdown block IAL (`{: .no_toc }`) next to the heading belongs to it.
            if index > 0 && structure.lineKinds[index - 1] != .blank && !isIALLine(index - 1, structure, bytes) {
                edits.append(TextEdit(range: line.lowerBound..<line.lowerBound, replacement: [0x0A],
                                      message: "Add a blank line before the heading"))
            }
            if index + 1 < structure.lines.count && structure.lineKinds[index + 1] != .blank && !isHeading[index + 1]
                && !isIALLine(index + 1, structure, bytes) {
                let next = structure.lines[index + 1].lowerBound
                edits.append(TextEdit(range: next..<next, replacement: [0x0A], message: "Add a blank line after the heading"))
            }
        }
        return edits
    }

    /// A line holding only a kramdown block IAL or extension (`{: …}`, `{::options …/}`).
    private func isIALLine(_ index: Int, _ structure: MarkdownStructure, _ bytes: [UInt8]) -> Bool {
        let line = structure.lines[index]
        var p = line.lowerBound, end = line.upperBound
        while p < end && (bytes[p] == 0x20 || bytes[p] == 0x09) { p += 1 }
        while end > p && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return end - p >= 3 && bytes[p] == 0x7B && bytes[p + 1] == 0x3A && bytes[end - 1] == 0x7D
    }
}
