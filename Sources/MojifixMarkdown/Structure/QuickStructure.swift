import MojifixText
internal import CMojifixScan

/// A structure found by one line scan, without cmark, for the documents whose blocks such a scan
/// tells apart exactly: paragraphs and blank lines, ATX headings starting their line, lists and
/// block quotes holding paragraphs, fenced code starting its line, front matter. Anything the
/// scan could read differently from cmark makes `build` return nil (the caller then parses in
/// full): a leading BOM, control characters (a CR outside CRLF included) or a tab before a line's
/// text; HTML blocks; headings
/// or fences that do not start their line; indented code; a line made of `=`, `-`, `|`, `:`
/// under a non-blank line (setext underline, table delimiter row); unclosed or indented fences;
/// `$$`, `{%`, `{::` and `#` + NBSP/U+3000 outside code; four spaces of indentation anywhere
/// but under paragraph text (a footnote definition's first line does not count as such).
///
/// Lines, line kinds, headings and front matter equal `StructureBuilder`'s (the differential
/// tests compare them). Zones hold only the front matter and list items are not collected; both
/// only ever stop rules from proposing edits, so on this structure the fixing rules propose at
/// least what they would on the full one. The normaliser relies on it only to prove that a
/// document has nothing to change (see `Normalizer`).
enum QuickStructure {
    /// `table`: the lines of `bytes`, when the caller has them.
    static func build(_ bytes: [UInt8], table: LineTable? = nil) -> MarkdownStructure? {
        bytes.withUnsafeBufferPointer { s -> MarkdownStructure? in
            guard !MDByte.matches(s, 0, "\u{FEFF}") else { return nil }
            let table = table ?? LineTable.markdown(s)
            // The scan first, blind to the special sequences: looking for them only refuses more
            // lines, so when it refuses the document (most that hold HTML, math, tables), the
            // pass over every byte is not needed.
            var blind = LineScan(s, table: table, specials: false)
            guard let structure = blind.run() else { return nil }
            let found = mj_markdown_bytes(s.baseAddress, s.count)
            guard found & Int32(MJ_MD_CONTROL) == 0 else { return nil }
            guard found & Int32(MJ_MD_SPECIAL) != 0 else { return structure }
            var scan = LineScan(s, table: table, specials: true)
            return scan.run()
        }
    }

    /// A full structure holding blocks the scan refuses and that edits outside zones leave in
    /// place (indented code, HTML blocks, math blocks, tables): after a round of edits the scan is
    /// not tried again. Only a shortcut: the normaliser's results are the same either way.
    static func refusesAgain(_ structure: MarkdownStructure) -> Bool {
        !structure.isQuick && structure.lineKinds.contains { $0 == .indentedCode || $0 == .html || $0 == .mathBlock || $0 == .table }
    }
}

private struct LineScan {
    typealias Heading = MarkdownStructure.Heading

    /// What the line before left open, as far as the next line's reading depends on it.
    enum Previous { case blank, paragraph, other }

    enum Line {
        case paragraph, other
        case heading(level: Int)
        case fence(UInt8, length: Int)
    }

    let s: UnsafeBufferPointer<UInt8>
    let table: LineTable
    /// The document holds one of the byte sequences `mj_markdown_bytes` reports as special:
    /// lines outside code must then be looked at.
    let specials: Bool
    var kinds: [MarkdownStructure.LineKind]
    var headings: [Heading] = []

    init(_ s: UnsafeBufferPointer<UInt8>, table: LineTable, specials: Bool) {
        self.s = s
        self.specials = specials
        self.table = table
        kinds = [MarkdownStructure.LineKind](repeating: .prose, count: table.count)
    }

    mutating func run() -> MarkdownStructure? {
        var zones: [MarkdownStructure.Zone] = []
        var index = 0
        var previous = Previous.blank
        let frontMatter = SourceScanner.frontMatter(s, table)
        if let frontMatter {
            zones.append(.init(range: frontMatter.range, kind: .frontMatter))
            for k in 0...frontMatter.lastLine { kinds[k] = .frontMatter }
            index = frontMatter.lastLine + 1
            // cmark sees the front matter blanked out; be strict about what follows it.
            previous = .other
        }
        while index < table.count {
            let line = table.lines[index]
            if LineTable.isBlank(s, line) {
                kinds[index] = .blank
                previous = .blank
                index += 1
                continue
            }
            if specials && Self.holdsSpecial(s, line) { return nil }
            guard let kind = classify(line, after: previous) else { return nil }
            switch kind {
            case .paragraph: previous = .paragraph
            case .other: previous = .other
            case .heading(let level):
                headings.append(Heading(level: level, style: .atx, line: index,
                                        textRange: StructureBuilder.atxText(s, hashes: line.lowerBound, lineEnd: line.upperBound),
                                        underlineLine: nil))
                previous = .other
            case .fence(let mark, let length):
                guard let close = closingFence(after: index, mark, length) else { return nil }
                for k in index...close { kinds[k] = .fencedCode }
                index = close
                previous = .other
            }
            index += 1
        }
        var structure = MarkdownStructure(lines: table.lines, lineKinds: kinds, zones: zones, headings: headings,
                                          listItems: [], frontMatter: frontMatter?.range)
        structure.isQuick = true
        return structure
    }

    /// How a non-blank line outside code reads, or nil when the scan cannot be sure.
    func classify(_ line: Range<Int>, after previous: Previous) -> Line? {
        let end = line.upperBound
        var p = line.lowerBound
        // Four spaces of indentation make code unless they continue a paragraph.
        guard let indent = spaces(&p, end), indent < 4 || previous == .paragraph else { return nil }
        // Block-quote markers and list markers, each with the spaces after it (five or more
        // start indented code inside the container).
        while p < end {
            if s[p] == MDByte.greater {
                p += 1
            } else if let marker = listMarkerEnd(p, end) {
                p = marker
            } else {
                break
            }
            guard let gap = spaces(&p, end), gap < 5 else { return nil }
        }
        if p < end {
            switch s[p] {
            case MDByte.less: return nil
            case MDByte.hash:
                guard p == line.lowerBound else { return nil }
                var q = p
                while q < end && s[q] == MDByte.hash { q += 1 }
                if q - p <= 6 && (q == end || MDByte.isBlank(s[q])) { return .heading(level: q - p) }
                return .paragraph
            case MDByte.lbracket:
                // A footnote definition is a container that may open without a paragraph.
                if MDByte.matches(s, p, "[^", end: end) { return .other }
            case MDByte.backtick, MDByte.tilde:
                let mark = s[p]
                var q = p
                while q < end && s[q] == mark { q += 1 }
                guard q - p >= 3 else { break }
                guard p == line.lowerBound else { return nil }
                // A backtick in a backtick fence's info string makes the line a paragraph.
                if mark == MDByte.backtick && MDByte.find(mark, in: s, from: q, to: end) != nil { return nil }
                return .fence(mark, length: q - p)
            default: break
            }
        }
        if isUnderlineLike(line) { return previous == .blank ? .other : nil }
        if p == end || (p..<end).allSatisfy({ Self.isThematic(s[$0]) }) { return .other }
        return .paragraph
    }

    /// Skips spaces; nil at a tab (its width depends on the column, which the scan does not track).
    func spaces(_ p: inout Int, _ end: Int) -> Int? {
        let start = p
        while p < end && s[p] == MDByte.space { p += 1 }
        if p < end && s[p] == MDByte.tab { return nil }
        return p - start
    }

    /// End of a list marker (`-`, `+`, `*`, 1-9 digits and `.` or `)`) at `p` followed by a space or
    /// the end of the line.
    func listMarkerEnd(_ p: Int, _ end: Int) -> Int? {
        var m = p
        if s[m] == MDByte.minus || s[m] == MDByte.plus || s[m] == MDByte.star {
            m += 1
        } else {
            while m < end && MDByte.isDigit(s[m]) && m - p < 9 { m += 1 }
            guard m > p, m < end, s[m] == MDByte.dot || s[m] == MDByte.rparen else { return nil }
            m += 1
        }
        return m == end || s[m] == MDByte.space || s[m] == MDByte.tab ? m : nil
    }

    /// Only `=`, `-`, `|`, `:`, `>` and blanks, with an `=` or `-`: under a paragraph, a setext
    /// underline or a table's delimiter row.
    func isUnderlineLike(_ line: Range<Int>) -> Bool {
        var rule = false
        for k in line {
            switch s[k] {
            case MDByte.equal, MDByte.minus: rule = true
            case MDByte.pipe, MDByte.colon, MDByte.greater, MDByte.space, MDByte.tab: continue
            default: return false
            }
        }
        return rule
    }

    /// Bytes of a thematic break (`***`, `___`, `- - -`): the line leaves no paragraph open.
    static func isThematic(_ b: UInt8) -> Bool {
        b == MDByte.star || b == MDByte.minus || b == MDByte.underscore || MDByte.isBlank(b)
    }

    /// The line closing the fence opened on line `open`: at most 0 spaces, `length` or more of
    /// `mark`, then blanks. nil when there is none, or when a closing fence is indented.
    func closingFence(after open: Int, _ mark: UInt8, _ length: Int) -> Int? {
        for k in (open + 1)..<table.count {
            let line = table.lines[k]
            var p = line.lowerBound
            while p < line.upperBound && s[p] == MDByte.space && p - line.lowerBound < 4 { p += 1 }
            let indent = p - line.lowerBound
            guard indent < 4 else { continue }
            var q = p
            while q < line.upperBound && s[q] == mark { q += 1 }
            guard q - p >= length, SourceScanner.trimmedEnd(s, q..<line.upperBound) == q else { continue }
            return indent == 0 ? k : nil
        }
        return nil
    }

    /// `$$`, `{%`, `{::`, `#` + NBSP or U+3000 on the line: math or Liquid blocks, kramdown
    /// extensions, a heading written with the wrong space.
    static func holdsSpecial(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for k in line {
            switch s[k] {
            case MDByte.dollar: if MDByte.matches(s, k, "$$", end: line.upperBound) { return true }
            case MDByte.lbrace:
                if MDByte.matches(s, k, "{%", end: line.upperBound) || MDByte.matches(s, k, "{::", end: line.upperBound) { return true }
            case MDByte.hash:
                if MDByte.matches(s, k, "#\u{A0}", end: line.upperBound) || MDByte.matches(s, k, "#\u{3000}", end: line.upperBound) { return true }
            default: continue
            }
        }
        return false
    }
}
