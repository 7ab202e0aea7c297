import MojifixText
internal import CMarkGFMShim

/// Builds a `MarkdownStructure`:
///
/// 1. the line table; front matter (`---`/`+++` at the very start) is found first and blanked out
///    of the copy cmark parses (cmark would read `---` as a thematic break or setext underline);
/// 2. cmark-gfm (through `CMarkGFMShim`) parses the document; its *block* positions are used:
///    code blocks, HTML blocks, paragraphs, headings, tables, list items, footnote definitions;
/// 3. Liquid, kramdown and `$$` math blocks are found on the source outside code and HTML blocks;
///    those that must not be parsed as Markdown (`{% highlight %}`, `{% comment %}`,
///    `{::comment}`, `$$`) are blanked out too and cmark parses again (only then, and only the
///    windows of lines around them when `WindowedReparse` shows that equals a whole parse);
/// 4. link reference definitions are read at the start of paragraphs and on lines cmark left
///    out of every block (cmark removes definitions from the tree);
/// 5. `InlineScanner` finds the inline zones of each paragraph, heading text and table cell;
/// 6. zones are sorted and merged (nested or overlapping zones keep the outer zone's kind).
enum StructureBuilder {
    typealias Zone = MarkdownStructure.Zone
    typealias LineKind = MarkdownStructure.LineKind

    /// `knownLabels`: reference labels defined outside `bytes` (a window of a larger document,
    /// see `IncrementalStructure`), as `MarkdownStructure.definedLabels` holds them.
    /// `windowed`: off only in tests comparing both ways of the second parse (`WindowedReparse`).
    /// `table`: the lines of `bytes`, when the caller has them.
    static func build(_ bytes: [UInt8], knownLabels: Set<[UInt8]> = [], windowed: Bool = true, table: LineTable? = nil) -> MarkdownStructure {
        bytes.withUnsafeBufferPointer { s in
            var run = Run(s, table: table ?? LineTable.markdown(s))
            return run.build(knownLabels: knownLabels, windowed: windowed)
        }
    }

    /// The text of an ATX heading whose `#`s start at `p`: after the `#`s and their spaces, before
    /// an optional closing sequence (`#`s after a space or tab, or alone) and trailing spaces.
    static func atxText(_ s: UnsafeBufferPointer<UInt8>, hashes p: Int, lineEnd: Int) -> Range<Int> {
        var q = p
        while q < lineEnd && s[q] == MDByte.hash { q += 1 }
        var textStart = q
        while textStart < lineEnd && MDByte.isBlank(s[textStart]) { textStart += 1 }
        var end = SourceScanner.trimmedEnd(s, textStart..<lineEnd)
        var c = end
        while c > textStart && s[c - 1] == MDByte.hash { c -= 1 }
        if c < end && (c == textStart || MDByte.isBlank(s[c - 1])) {
            end = c
            while end > textStart && MDByte.isBlank(s[end - 1]) { end -= 1 }
        }
        return textStart..<max(end, textStart)
    }

    /// `ranges` sorted, empty ones dropped and overlapping ones merged.
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = out.last, range.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }

    /// One build over one document.
    private struct Run {
        let s: UnsafeBufferPointer<UInt8>
        let table: LineTable
        var kinds: [LineKind]
        var covered: [Bool]
        /// Lines that are blank in the copy cmark parsed (blank, or blanked out).
        var cmarkBlank: [Bool]
        var zones: [Zone] = []
        var headings: [MarkdownStructure.Heading] = []
        var listItems: [MarkdownStructure.ListItem] = []
        var looksLikeHeading: [Int] = []
        /// Inline content to scan: its segments, and whether it is a paragraph (which may start
        /// with link reference definitions).
        var inlineBlocks: [(segments: [Range<Int>], paragraph: Bool)] = []
        /// Liquid and kramdown zones, sorted and merged: opaque to the inline scanner.
        var opaque: [Range<Int>] = []

        init(_ s: UnsafeBufferPointer<UInt8>, table: LineTable) {
            self.s = s
            self.table = table
            kinds = table.lines.map { LineTable.isBlank(s, $0) ? .blank : .prose }
            covered = [Bool](repeating: false, count: table.count)
            cmarkBlank = kinds.map { $0 == .blank }
        }

        /// cmark's block tree of `s` (whose lines are `table`'s), its plain blocks read by
        /// `PlainBlocks` when it can.
        static func blockTree(_ s: UnsafeBufferPointer<UInt8>, table: LineTable) -> CMarkTree {
            PlainBlocks.tree(s, table: table) ?? CMarkTree(parsing: s)
        }

        mutating func build(knownLabels: Set<[UInt8]>, windowed: Bool) -> MarkdownStructure {
            let lineCount = table.count
            // 1. Front matter.
            var blanking: [Range<Int>] = []
            var frontMatterLines = 0
            let frontMatter = SourceScanner.frontMatter(s, table)
            if let frontMatter {
                zones.append(Zone(range: frontMatter.range, kind: .frontMatter))
                frontMatterLines = frontMatter.lastLine + 1
                blanking.append(0..<frontMatter.range.upperBound)
            }

            let firstBlockBlanking = blanking.count
            // 2. First parse: where code and HTML blocks are.
            var tree = blanking.isEmpty ? Run.blockTree(s, table: table)
                : BlankedCopy(s, blanking: blanking, filling: []).whole().withUnsafeBufferPointer { Run.blockTree($0, table: table) }
            var allowed = [Bool](repeating: true, count: lineCount)
            for k in 0..<min(frontMatterLines, lineCount) { allowed[k] = false }
            for node in tree.nodes where node.mjKind == .codeBlock || node.mjKind == .htmlBlock {
                for k in lineSpan(node) { allowed[k] = false }
            }

            // 3. Liquid, kramdown, math blocks; blank the ones cmark must not parse, parse again.
            let (sourceZones, sourceBlocks) = SourceScanner.liquidAndKramdown(s, table, allowed: allowed)
            zones += sourceZones
            opaque = StructureBuilder.merged(sourceZones.map(\.range))
            var mathAllowed = allowed
            var reparse = false
            for block in sourceBlocks {
                let first = table.line(containing: block.range.lowerBound)
                let last = table.line(containing: max(block.range.upperBound - 1, block.range.lowerBound))
                for k in first...last { mathAllowed[k] = false; covered[k] = true }
                if block.blankForCMark { blanking.append(block.range); reparse = true }
            }
            let maths = SourceScanner.mathBlocks(s, table, allowed: mathAllowed)
            var filling: [Range<Int>] = []
            for math in maths {
                zones.append(Zone(range: math.range, kind: .math))
                blanking.append(math.range)
                reparse = true
                for k in math.firstLine...math.lastLine { covered[k] = true }
                let lastLine = table.lines[math.lastLine]
                if SourceScanner.trimmedEnd(s, math.range.upperBound..<lastLine.upperBound) > math.range.upperBound {
                    // Text after the closing `$$` goes on as a paragraph, which may hold more math.
                    filling.append(max(lastLine.lowerBound, math.range.lowerBound)..<math.range.upperBound)
                }
            }
            if !filling.isEmpty { opaque = StructureBuilder.merged(opaque + maths.map(\.range)) }
            if reparse {
                // Only the windows around the blanked blocks when that equals a whole parse.
                let copy = BlankedCopy(s, blanking: blanking, filling: filling)
                let changed = blanking[firstBlockBlanking...] + filling
                tree = (windowed ? WindowedReparse.tree(old: tree, source: s, blanked: copy, changed: Array(changed), table: table) : nil)
                    ?? copy.whole().withUnsafeBufferPointer { Run.blockTree($0, table: table) }
                for range in blanking where !range.isEmpty {
                    let first = table.line(containing: range.lowerBound)
                    let last = table.line(containing: range.upperBound - 1)
                    for k in first...last where !cmarkBlank[k] {
                        let line = table.lines[k]
                        let before = line.lowerBound..<max(line.lowerBound, min(range.lowerBound, line.upperBound))
                        let after = min(max(range.upperBound, line.lowerBound), line.upperBound)..<line.upperBound
                        cmarkBlank[k] = LineTable.isBlank(s, before) && LineTable.isBlank(s, after)
                    }
                }
            }

            // 4. Blocks from cmark; fences other renderers may pair differently are code too.
            walk(tree.nodes)
            for range in SourceScanner.looseFences(s, table, from: frontMatterLines) { zones.append(Zone(range: range, kind: .fencedCode)) }

            // Line kinds of the source-level blocks (after cmark's, which they override).
            for math in maths { for k in math.firstLine...math.lastLine { kinds[k] = .mathBlock } }
            for block in sourceBlocks where block.codeLines {
                let first = table.line(containing: block.range.lowerBound)
                let lineStart = table.lines[first].lowerBound
                guard (lineStart..<block.range.lowerBound).allSatisfy({ MDByte.isBlank(s[$0]) }) else { continue }
                let last = table.line(containing: block.range.upperBound - 1)
                for k in first...last { kinds[k] = .fencedCode }
            }
            for k in 0..<min(frontMatterLines, lineCount) { kinds[k] = .frontMatter; covered[k] = true }

            // 5. Reference definitions, then inline zones.
            let scanner = InlineScanner()
            scanner.definedLabels = knownLabels
            referenceDefinitions(scanner)
            for block in inlineBlocks where !block.segments.isEmpty {
                if InlineScanner.isPlain(s, segments: block.segments, sourceOpaque: opaque) { continue }
                scanner.load(s, segments: block.segments, sourceOpaque: opaque, inPlace: true)
                if scanner.isPlain { continue }
                scanner.scan()
                scanner.emit(into: &zones)
            }

            // 6. Zones sorted and merged.
            var structure = MarkdownStructure(lines: table.lines, lineKinds: kinds, zones: Run.mergedZones(zones),
                                              headings: headings, listItems: listItems, frontMatter: frontMatter?.range)
            structure.looksLikeHeadingLines = Array(Set(looksLikeHeading)).sorted()
            structure.definedLabels = scanner.definedLabels
            return structure
        }

        // MARK: Blocks

        /// 0-based lines of a node, with cmark's end-line quirks corrected.
        func lineSpan(_ node: mj_node) -> ClosedRange<Int> {
            let first = table.index(ofCMarkLine: node.start_line)
            var last = table.index(ofCMarkLine: node.correctedEndLine)
            if last < first { last = first }
            return first...last
        }

        mutating func walk(_ nodes: [mj_node]) {
            guard !table.lines.isEmpty else { return }
            // Number of block quotes around each node (its own included).
            var quotes = [Int](repeating: 0, count: nodes.count)
            // Whether a list item holds each node (its own included).
            var inItem = [Bool](repeating: false, count: nodes.count)
            for (index, node) in nodes.enumerated() {
                let parentQuotes = node.parent >= 0 ? quotes[Int(node.parent)] : 0
                quotes[index] = parentQuotes + (node.mjKind == .blockQuote ? 1 : 0)
                inItem[index] = node.mjKind == .item || (node.parent >= 0 && inItem[Int(node.parent)])
                let depth = parentQuotes
                // cmark-gfm gives 0:0 to a paragraph that a table interrupted (table() reads it).
                guard node.start_line > 0 else { continue }
                switch node.mjKind {
                case .codeBlock: codeBlock(node)
                case .htmlBlock: htmlBlock(node)
                case .paragraph: paragraph(node, quoteDepth: depth)
                case .heading:
                    heading(node, quoteDepth: depth)
                    headings[headings.count - 1].quoteDepth = depth
                    headings[headings.count - 1].inListItem = inItem[index]
                case .thematicBreak: for k in lineSpan(node) { covered[k] = true }
                case .table: table(node, quoteDepth: depth)
                case .item: item(node, quoteDepth: depth)
                case .footnoteDefinition: footnoteLabel(node, quoteDepth: depth)
                default: break
                }
            }
        }

        mutating func codeBlock(_ node: mj_node) {
            let span = lineSpan(node)
            let fenced = node.has(Int32(MJ_FLAG_FENCED))
            var last = span.upperBound
            if !fenced {
                // cmark counts the blank lines after an indented code block as part of it.
                while last > span.lowerBound && cmarkBlank[last] { last -= 1 }
            }
            let firstLine = table.lines[span.lowerBound]
            var start = table.offset(cmarkLine: node.start_line, column: node.start_column)
            if fenced {
                while start < firstLine.upperBound && MDByte.isBlank(s[start]) { start += 1 }
            } else {
                // Include the indentation cmark skipped (at most 4 columns of spaces/tabs).
                var back = 0
                while start > firstLine.lowerBound && back < 4 && MDByte.isBlank(s[start - 1]) {
                    back += s[start - 1] == MDByte.tab ? 4 : 1
                    start -= 1
                }
            }
            if fenced && !(span.count >= 2 && closesFence(span.upperBound, opener: span.lowerBound, node)) {
                // Unclosed at the end of the document: cmark keeps the trailing blank lines as code.
                var k = last + 1
                while k < table.count && cmarkBlank[k] { k += 1 }
                if k == table.count { last = table.count - 1 }
            }
            for k in span.lowerBound...last {
                kinds[k] = fenced ? .fencedCode : .indentedCode
                covered[k] = true
            }
            let end = table.lines[last].upperBound
            if start < end { zones.append(Zone(range: start..<end, kind: fenced ? .fencedCode : .indentedCode)) }
        }

        /// Line `index` closes the fence `node` opened on line `opener`: only the fence's character,
        /// at least as many, after `>` markers and less indentation than code would have.
        func closesFence(_ index: Int, opener: Int, _ node: mj_node) -> Bool {
            func start(_ line: Range<Int>) -> (at: Int, columns: Int) {
                var p = line.lowerBound, columns = 0
                while p < line.upperBound && (MDByte.isBlank(s[p]) || s[p] == MDByte.greater) {
                    columns = s[p] == MDByte.tab ? (columns / 4 + 1) * 4 : s[p] == MDByte.greater ? 0 : columns + 1
                    p += 1
                }
                return (p, columns)
            }
            let line = table.lines[index]
            let (p, columns) = start(line)
            guard columns < start(table.lines[opener]).columns + 4, p < line.upperBound, Int32(s[p]) == node.fence_char else { return false }
            var q = p
            while q < line.upperBound && s[q] == s[p] { q += 1 }
            return q - p >= Int(node.fence_length) && SourceScanner.trimmedEnd(s, q..<line.upperBound) == q
        }

        mutating func htmlBlock(_ node: mj_node) {
            var span = lineSpan(node)
            var start = table.offset(cmarkLine: node.start_line, column: node.start_column)
            let firstLine = table.lines[span.lowerBound]
            while start < firstLine.upperBound && MDByte.isBlank(s[start]) { start += 1 }
            // Kinds 1-5 end on the line holding their end marker, which cmark 0.29 leaves out of
            // the block's end position (`<!-- x -->` alone even reports line 0).
            if let marker = htmlEndMarker(start) {
                let from = start + 2
                if let found = Run.find(marker, in: s, from: from) {
                    let markerLine = table.line(containing: found)
                    let bound = table.index(ofCMarkLine: node.end_line + 1)
                    span = span.lowerBound...max(span.lowerBound, min(markerLine, max(bound, span.upperBound)))
                }
            }
            for k in span { kinds[k] = .html; covered[k] = true }
            let end = table.lines[span.upperBound].upperBound
            let comment = MDByte.matches(s, start, "<!--")
            if start < end { zones.append(Zone(range: start..<end, kind: comment ? .htmlComment : .htmlBlock)) }
        }

        /// The end marker of an HTML block of kind 1-5 starting at `start`, nil for kinds 6-7.
        func htmlEndMarker(_ start: Int) -> [UInt8]? {
            if MDByte.matches(s, start, "<!--") { return Array("-->".utf8) }
            if MDByte.matches(s, start, "<![CDATA[") { return Array("]]>".utf8) }
            if MDByte.matches(s, start, "<?") { return Array("?>".utf8) }
            if MDByte.matches(s, start, "<!") && start + 2 < s.count && MDByte.isAlpha(s[start + 2]) { return [MDByte.greater] }
            for name in ["script", "pre", "style", "textarea"] {
                let bytes = Array(name.utf8)
                guard start + 1 + bytes.count <= s.count else { continue }
                var same = true
                for (k, b) in bytes.enumerated() where MDByte.lower(s[start + 1 + k]) != b { same = false; break }
                guard same, s[start] == MDByte.less else { continue }
                let after = start + 1 + bytes.count
                if after == s.count || MDByte.isWhitespace(s[after]) || s[after] == MDByte.greater {
                    return Array("</\(name)>".utf8)
                }
            }
            return nil
        }

        /// First occurrence of `needle` (ASCII, matched case-insensitively) at or after `from`.
        static func find(_ needle: [UInt8], in s: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
            guard let first = needle.first else { return nil }
            var j = from
            while j < s.count {
                guard let k = MDByte.find(first, in: s, from: j, to: s.count) else { return nil }
                if k + needle.count <= s.count {
                    var same = true
                    for m in 1..<needle.count where MDByte.lower(s[k + m]) != needle[m] { same = false; break }
                    if same { return k }
                }
                j = k + 1
            }
            return nil
        }

        /// Start of a line's content after indentation and up to `quoteDepth` `>` markers.
        func contentStart(_ line: Int, quoteDepth: Int) -> Int {
            let range = table.lines[line]
            var p = range.lowerBound
            while p < range.upperBound && MDByte.isBlank(s[p]) { p += 1 }
            var quotes = quoteDepth
            while quotes > 0 && p < range.upperBound && s[p] == MDByte.greater {
                p += 1
                while p < range.upperBound && MDByte.isBlank(s[p]) { p += 1 }
                quotes -= 1
            }
            return p
        }

        /// The segments of inline content on `lines`: the first from cmark's start column, the
        /// others after their container prefixes.
        func segments(_ node: mj_node, lines: ClosedRange<Int>, quoteDepth: Int) -> [Range<Int>] {
            var result: [Range<Int>] = []
            result.reserveCapacity(lines.count)
            for k in lines {
                let range = table.lines[k]
                var start = k == lines.lowerBound ? table.offset(cmarkLine: node.start_line, column: node.start_column)
                    : contentStart(k, quoteDepth: quoteDepth)
                if k == lines.lowerBound && (start < range.lowerBound || start > range.upperBound) {
                    start = contentStart(k, quoteDepth: quoteDepth)
                }
                result.append(start..<range.upperBound)
            }
            return result
        }

        mutating func paragraph(_ node: mj_node, quoteDepth: Int) {
            let span = lineSpan(node)
            for k in span { covered[k] = true }
            let parts = segments(node, lines: span, quoteDepth: quoteDepth)
            for (offset, segment) in parts.enumerated() where looksLikeHeading(segment) {
                looksLikeHeading.append(span.lowerBound + offset)
            }
            inlineBlocks.append((parts, true))
        }

        /// 1-6 `#` followed by NBSP or U+3000: meant as a heading, but not one for CommonMark.
        func looksLikeHeading(_ segment: Range<Int>) -> Bool {
            var q = segment.lowerBound
            while q < segment.upperBound && s[q] == MDByte.hash && q - segment.lowerBound < 7 { q += 1 }
            let hashes = q - segment.lowerBound
            guard hashes >= 1 && hashes <= 6 else { return false }
            return (q + 1 < segment.upperBound && s[q] == 0xC2 && s[q + 1] == 0xA0)
                || (q + 2 < segment.upperBound && s[q] == 0xE3 && s[q + 1] == 0x80 && s[q + 2] == 0x80)
        }

        mutating func heading(_ node: mj_node, quoteDepth: Int) {
            let span = lineSpan(node)
            for k in span { covered[k] = true }
            let level = Int(node.level)
            if node.has(Int32(MJ_FLAG_SETEXT)) && span.count >= 2 {
                let textLines = span.lowerBound...(span.upperBound - 1)
                let parts = segments(node, lines: textLines, quoteDepth: quoteDepth)
                let start = parts[0].lowerBound
                let end = max(SourceScanner.trimmedEnd(s, parts[parts.count - 1]), start)
                headings.append(.init(level: level, style: .setext, line: span.lowerBound, textRange: start..<end,
                                      underlineLine: span.upperBound))
                inlineBlocks.append((parts, false))
                return
            }
            let line = table.lines[span.lowerBound]
            var p = table.offset(cmarkLine: node.start_line, column: node.start_column)
            if p >= line.upperBound || s[p] != MDByte.hash {
                p = contentStart(span.lowerBound, quoteDepth: quoteDepth)
                while p < line.upperBound && s[p] != MDByte.hash { p += 1 }
            }
            let textRange = StructureBuilder.atxText(s, hashes: p, lineEnd: line.upperBound)
            headings.append(.init(level: level, style: .atx, line: span.lowerBound, textRange: textRange, underlineLine: nil))
            headerID(textRange)
            if !textRange.isEmpty { inlineBlocks.append(([textRange], false)) }
        }

        /// kramdown's header id `{#id}` at the end of a heading's text: a zone (the text range
        /// stays CommonMark's, which includes it).
        mutating func headerID(_ text: Range<Int>) {
            guard text.count >= 4, s[text.upperBound - 1] == MDByte.rbrace else { return }
            var k = text.upperBound - 2
            while k > text.lowerBound && s[k] != MDByte.lbrace && s[k] != MDByte.rbrace { k -= 1 }
            guard s[k] == MDByte.lbrace, k + 1 < text.upperBound, s[k + 1] == MDByte.hash,
                  k == text.lowerBound || MDByte.isBlank(s[k - 1]) else { return }
            zones.append(Zone(range: k..<text.upperBound, kind: .kramdownIAL))
        }

        /// A GFM table. When it interrupts a paragraph, cmark-gfm 0.29 starts the table (and its
        /// header row) at the paragraph's first line and gives the paragraph no position, so the
        /// header is found as the line above the delimiter row, and the lines before it are read
        /// as that paragraph.
        mutating func table(_ node: mj_node, quoteDepth: Int) {
            let span = lineSpan(node)
            var delimiter = span.lowerBound + 1
            while delimiter <= span.upperBound && !isDelimiterRow(delimiter, quoteDepth: quoteDepth) { delimiter += 1 }
            if delimiter > span.upperBound { delimiter = span.lowerBound + 1 }
            let header = max(span.lowerBound, delimiter - 1)
            if header > span.lowerBound {
                let lines = span.lowerBound...(header - 1)
                let parts = lines.map { contentStart($0, quoteDepth: quoteDepth)..<table.lines[$0].upperBound }
                for (offset, segment) in parts.enumerated() where looksLikeHeading(segment) {
                    looksLikeHeading.append(lines.lowerBound + offset)
                }
                for k in lines { covered[k] = true }
                inlineBlocks.append((parts, true))
            }
            for k in header...span.upperBound {
                kinds[k] = .table
                covered[k] = true
                if k != delimiter { tableRow(k, quoteDepth: quoteDepth) }
            }
        }

        /// `|:--|--:|` and the like: only pipes, dashes, colons and spaces, with a dash.
        func isDelimiterRow(_ line: Int, quoteDepth: Int) -> Bool {
            let range = table.lines[line]
            var dash = false
            for k in contentStart(line, quoteDepth: quoteDepth)..<range.upperBound {
                switch s[k] {
                case MDByte.minus: dash = true
                case MDByte.pipe, MDByte.colon, MDByte.space, MDByte.tab: continue
                default: return false
                }
            }
            return dash
        }

        mutating func tableRow(_ lineIndex: Int, quoteDepth: Int) {
            let line = table.lines[lineIndex]
            var p = contentStart(lineIndex, quoteDepth: quoteDepth)
            let end = SourceScanner.trimmedEnd(s, p..<line.upperBound)
            if p < end && s[p] == MDByte.pipe { p += 1 }
            var cellStart = p
            var k = p
            while k < end {
                if let opaqueEnd = opaque.end(containing: k) { k = opaqueEnd; continue }
                let c = s[k]
                if c == MDByte.backslash { k += 2; continue }
                if c == MDByte.pipe {
                    if cellStart < k { inlineBlocks.append(([cellStart..<k], false)) }
                    cellStart = k + 1
                }
                k += 1
            }
            if cellStart < end { inlineBlocks.append(([cellStart..<end], false)) }
        }

        mutating func item(_ node: mj_node, quoteDepth: Int) {
            let lineIndex = table.index(ofCMarkLine: node.start_line)
            let line = table.lines[lineIndex]
            func markerEnd(_ m: Int) -> Int? {
                guard m < line.upperBound else { return nil }
                let c = s[m]
                if c == MDByte.minus || c == MDByte.star || c == MDByte.plus { return m + 1 }
                var j = m
                while j < line.upperBound && MDByte.isDigit(s[j]) && j - m < 9 { j += 1 }
                guard j > m, j < line.upperBound, s[j] == MDByte.dot || s[j] == MDByte.rparen else { return nil }
                return j + 1
            }
            var m = table.offset(cmarkLine: node.start_line, column: node.start_column)
            if markerEnd(m) == nil {
                m = contentStart(lineIndex, quoteDepth: quoteDepth)
                while m < line.upperBound && markerEnd(m) == nil && MDByte.isBlank(s[m]) { m += 1 }
            }
            let me = markerEnd(m) ?? min(m + 1, line.upperBound)
            var j = me
            var width = 0
            while j < line.upperBound && MDByte.isBlank(s[j]) {
                width += s[j] == MDByte.tab ? 4 - (j - line.lowerBound) % 4 : 1
                j += 1
            }
            let contentColumn = (j == line.upperBound || width >= 5) ? me + 1 - line.lowerBound : j - line.lowerBound
            listItems.append(.init(line: lineIndex, ordered: node.has(Int32(MJ_FLAG_ORDERED)), markerRange: m..<me,
                                   contentColumn: contentColumn))
        }

        /// `[^label]:` of a footnote definition: a label must not change.
        mutating func footnoteLabel(_ node: mj_node, quoteDepth: Int) {
            let lineIndex = table.index(ofCMarkLine: node.start_line)
            let line = table.lines[lineIndex]
            var p = contentStart(lineIndex, quoteDepth: quoteDepth)
            while p + 1 < line.upperBound && !(s[p] == MDByte.lbracket && s[p + 1] == MDByte.caret) { p += 1 }
            guard p + 1 < line.upperBound,
                  let close = MDByte.find(MDByte.rbracket, in: s, from: p + 2, to: line.upperBound),
                  close + 1 < line.upperBound, s[close + 1] == MDByte.colon else { return }
            zones.append(Zone(range: p..<close + 2, kind: .linkDestination))
        }

        // MARK: Reference definitions

        /// Definitions at the start of paragraphs (the paragraph then starts after them) and on
        /// lines outside every block (cmark drops a paragraph made only of definitions).
        mutating func referenceDefinitions(_ scanner: InlineScanner) {
            for index in inlineBlocks.indices where inlineBlocks[index].paragraph {
                guard let first = inlineBlocks[index].segments.first else { continue }
                var p = first.lowerBound
                while p < first.upperBound && s[p] == MDByte.space && p - first.lowerBound < 3 { p += 1 }
                guard p < first.upperBound, s[p] == MDByte.lbracket else { continue }
                scanner.load(s, segments: inlineBlocks[index].segments, sourceOpaque: opaque)
                let rest = scanner.consumeReferenceDefinitions()
                let consumed = scanner.segmentIndex(ofVirtual: rest)
                scanner.emit(into: &zones)
                if consumed > 0 { inlineBlocks[index].segments.removeFirst(min(consumed, inlineBlocks[index].segments.count)) }
            }
            // Each run of uncovered lines is measured once, each line's start tested before any
            // loading, and the scanner gets at most `definitionLines` lines of the run: a run of
            // thousands of lines (`>` alone, or each starting with `[`) costs its length, not
            // its square.
            var k = 0
            var last = -1
            while k < table.count {
                guard !covered[k] && kinds[k] != .blank else { k += 1; continue }
                if last < k {
                    last = k
                    while last + 1 < table.count && !covered[last + 1] && kinds[last + 1] != .blank { last += 1 }
                }
                let start = uncoveredContentStart(k)
                guard start < table.lines[k].upperBound, s[start] == MDByte.lbracket else { k += 1; continue }
                let parts = (k...min(last, k + Self.definitionLines - 1)).map { uncoveredContentStart($0)..<table.lines[$0].upperBound }
                scanner.load(s, segments: parts, sourceOpaque: opaque)
                let consumed = scanner.segmentIndex(ofVirtual: scanner.consumeReferenceDefinitions())
                scanner.emit(into: &zones)
                k += max(consumed, 1)
            }
        }

        /// Lines a run of definitions outside every block is read in at once (a definition's
        /// label, destination and title span a few lines; the next window starts where the
        /// definitions read so far end).
        static let definitionLines = 256

        /// Content start of a line no block claims: after indentation, `>` markers and a list marker.
        func uncoveredContentStart(_ line: Int) -> Int {
            let range = table.lines[line]
            var p = range.lowerBound
            while p < range.upperBound && (MDByte.isBlank(s[p]) || s[p] == MDByte.greater) { p += 1 }
            var m = p
            if m < range.upperBound && (s[m] == MDByte.minus || s[m] == MDByte.star || s[m] == MDByte.plus) {
                m += 1
            } else {
                while m < range.upperBound && MDByte.isDigit(s[m]) && m - p < 9 { m += 1 }
                if m > p && m < range.upperBound && (s[m] == MDByte.dot || s[m] == MDByte.rparen) { m += 1 } else { m = p }
            }
            if m > p && m < range.upperBound && MDByte.isBlank(s[m]) {
                p = m
                while p < range.upperBound && MDByte.isBlank(s[p]) { p += 1 }
            }
            return p
        }

        // MARK: Zone lists

        /// Sorted by start (longest first on ties); an overlapping or nested zone is absorbed by
        /// the zone it overlaps, which keeps its kind.
        static func mergedZones(_ zones: [Zone]) -> [Zone] {
            let sorted = zones.filter { !$0.range.isEmpty }.sorted {
                $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound
                    : $0.range.upperBound > $1.range.upperBound
            }
            var out: [Zone] = []
            out.reserveCapacity(sorted.count)
            for zone in sorted {
                if let last = out.last, zone.range.lowerBound < last.range.upperBound {
                    if zone.range.upperBound > last.range.upperBound {
                        out[out.count - 1].range = last.range.lowerBound..<zone.range.upperBound
                    }
                } else {
                    out.append(zone)
                }
            }
            return out
        }

    }
}
