import MojifixText
internal import CMarkGFMShim

/// cmark's block tree of a document (`CMarkTree(parsing:)`, node for node) with its plain blocks
/// read by a line scan and only the rest parsed by cmark, all of it in one parse. Nil when that
/// cannot be shown to equal the whole parse; the caller then parses whole.
///
/// The scan starts where nothing is open (the document's start) and reads, from column 0 only:
/// ATX headings, thematic breaks, paragraphs whose lines nothing could interrupt or turn into
/// something else (a setext underline, a table's delimiter row), and tight bullet lists of
/// one-line items holding such a paragraph, ended by a blank line and a line at column 0 or by a
/// heading. After each of these nothing is open again. Positions are cmark's: a paragraph and a
/// heading end on their own line (a heading before its closing `#`s and trailing whitespace),
/// a thematic break and a list on the line before the next non-blank one (their trailing blank
/// lines are theirs).
///
/// Anything else starts a *window* for cmark, which runs to the next line after a blank line that
/// the scan reads as a paragraph or heading start. The windows are parsed together: each is
/// followed by that line and a blank line; the line must come out as a top-level paragraph or
/// heading at column 1 that no earlier block reaches, which shows that the window closed every
/// block there, as the whole parse does, and the blank line closes it in turn, so the next window
/// starts with nothing open. Block structure is otherwise local in cmark but for footnotes (a
/// definition nothing refers to is dropped): documents with `[^` are parsed whole.
enum PlainBlocks {
    static func tree(_ s: UnsafeBufferPointer<UInt8>, table: LineTable) -> CMarkTree? {
        guard table.count > 0, !holdsFootnoteMark(s) else { return nil }
        var scan = Scan(s, table)
        scan.run()
        return scan.assembled()
    }

    /// `[^` somewhere in `s` (what starts a footnote definition), found with memchr.
    static func holdsFootnoteMark(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while let found = MDByte.find(MDByte.lbracket, in: s, from: k, to: s.count) {
            if found + 1 < s.count && s[found + 1] == MDByte.caret { return true }
            k = found + 1
        }
        return false
    }

    /// How a line read where nothing is open starts.
    private enum Start: Equatable {
        case paragraph, heading(Int32), thematicBreak, item, other
    }

    private struct Window {
        /// Lines `first..<end`; nodes of the scan before it: `at`.
        var first: Int, end: Int, at: Int
        /// cmark's length of the line before (an HTML block closed on its first line ends there).
        var before: Int32
    }

    private struct Scan {
        let s: UnsafeBufferPointer<UInt8>
        let table: LineTable
        let count: Int
        /// The scanned blocks' nodes; a parent is 0 (the document) or 1 + its index in this array.
        var nodes: [mj_node] = []
        var windows: [Window] = []
        /// cmark's length of the last line (the document node's end column): an ATX heading's is
        /// its end column.
        var lastLineLength: Int32 = 0
        /// The last heading scanned: its line and end column.
        var heading = (line: -1, end: Int32(0))

        init(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable) {
            self.s = s
            self.table = table
            count = table.count
        }

        func isBlank(_ k: Int) -> Bool { LineTable.isBlank(s, table.lines[k]) }
        func length(_ k: Int) -> Int32 { Int32(table.lines[k].count) }

        /// The first non-blank line at or after `k` (or `count`).
        func nonBlank(from k: Int) -> Int {
            var j = k
            while j < count && isBlank(j) { j += 1 }
            return j
        }

        mutating func run() {
            var k = nonBlank(from: 0)
            var windowStart: Int? = nil
            while k < count {
                if let first = windowStart {
                    let before = first == 0 ? 0 : heading.line == first - 1 ? heading.end : length(first - 1)
                    guard let next = nextCut(after: first) else {
                        windows.append(Window(first: first, end: count, at: nodes.count, before: before))
                        return
                    }
                    windows.append(Window(first: first, end: next, at: nodes.count, before: before))
                    windowStart = nil
                    k = next
                    continue
                }
                if let next = block(at: k) { k = nonBlank(from: next) } else { windowStart = k }
            }
        }

        /// Reads the plain block starting on line `k` (nothing open) and returns the line after
        /// it, or nil when it is not plain (nothing is added then).
        mutating func block(at k: Int) -> Int? {
            let line = table.lines[k]
            switch start(line) {
            case .heading(let level):
                let end = headingEnd(line, hashes: Int(level))
                append(.heading, parent: 0, depth: 1, from: (k, 1), to: (k, end), level: level)
                if k == count - 1 { lastLineLength = end }
                heading = (k, end)
                return k + 1
            case .thematicBreak:
                let next = nonBlank(from: k + 1)
                append(.thematicBreak, parent: 0, depth: 1, from: (k, 1), to: (next - 1, length(next - 1)))
                return next
            case .paragraph:
                let end = paragraphEnd(k)
                guard end.plain else { return nil }
                append(.paragraph, parent: 0, depth: 1, from: (k, 1), to: (end.line - 1, length(end.line - 1)))
                return end.line
            case .item: return list(at: k)
            case .other: return nil
            }
        }

        /// The line after a paragraph starting on line `k`; not plain when a line could interrupt it
        /// or change what it is (only an ATX heading at column 0 is known to end it).
        func paragraphEnd(_ k: Int) -> (line: Int, plain: Bool) {
            var j = k + 1
            while j < count && !isBlank(j) {
                switch continuation(table.lines[j]) {
                case .paragraph: j += 1
                case .heading: return (j, true)
                default: return (j, false)
                }
            }
            return (j, true)
        }

        /// A tight list of one-line items `m text` (one marker, one space, a plain paragraph).
        mutating func list(at k: Int) -> Int? {
            let marker = s[table.lines[k].lowerBound]
            var items: [Int] = []
            var j = k
            var end: (line: Int, next: Int)
            while true {
                let line = table.lines[j]
                guard line.count >= 3, s[line.lowerBound] == marker, s[line.lowerBound + 1] == MDByte.space,
                      start(line.lowerBound + 2..<line.upperBound) == .paragraph else { return nil }
                items.append(j)
                if j + 1 == count { end = (j, count); break }
                if isBlank(j + 1) {
                    // Closed by a line at column 0 that is no item of this list.
                    let next = nonBlank(from: j + 1)
                    if next < count {
                        let b = s[table.lines[next].lowerBound]
                        guard !MDByte.isWhitespace(b), b != marker else { return nil }
                    }
                    end = (next - 1, next)
                    break
                }
                if s[table.lines[j + 1].lowerBound] == marker { j += 1; continue }
                guard case .heading = continuation(table.lines[j + 1]) else { return nil }
                end = (j, j + 1)
                break
            }
            let list = nodes.count + 1
            let last = (end.line, length(end.line))
            append(.list, parent: 0, depth: 1, from: (k, 1), to: last, flags: Int32(MJ_FLAG_TIGHT))
            for (n, j) in items.enumerated() {
                let item = nodes.count + 1
                append(.item, parent: list, depth: 2, from: (j, 1), to: n == items.count - 1 ? last : (j, length(j)))
                append(.paragraph, parent: item, depth: 3, from: (j, 3), to: (j, length(j)))
            }
            return end.next
        }

        /// The next line after `first` where a window may end: after a blank line, read as a
        /// paragraph or heading start. Fences and HTML comments are stepped over (their blank
        /// lines are no end).
        func nextCut(after first: Int) -> Int? {
            var k = first
            while k < count {
                let line = table.lines[k]
                if k > first && isBlank(k - 1) && !isBlank(k) {
                    switch start(line) {
                    case .paragraph, .heading: return k
                    default: break
                    }
                }
                k = steppedOver(k) + 1
            }
            return nil
        }

        /// The last line of a fence or HTML comment opening on line `k` (else `k`).
        func steppedOver(_ k: Int) -> Int {
            let line = table.lines[k]
            var p = line.lowerBound
            while p < line.upperBound && (MDByte.isBlank(s[p]) || s[p] == MDByte.greater) { p += 1 }
            guard p < line.upperBound else { return k }
            let c = s[p]
            if c == MDByte.backtick || c == MDByte.tilde {
                let run = self.run(of: c, from: p, to: line.upperBound)
                guard run >= 3 else { return k }
                var j = k + 1
                while j < count {
                    let next = table.lines[j]
                    var q = next.lowerBound
                    while q < next.upperBound && (MDByte.isBlank(s[q]) || s[q] == MDByte.greater) { q += 1 }
                    let closing = self.run(of: c, from: q, to: next.upperBound)
                    if closing >= run && SourceScanner.trimmedEnd(s, q + closing..<next.upperBound) == q + closing { return j }
                    j += 1
                }
                return count - 1
            }
            if c == MDByte.less && MDByte.matches(s, p, "<!--", end: line.upperBound) {
                var j = k
                while j < count {
                    let range = j == k ? (p + 4)..<line.upperBound : table.lines[j]
                    if contains("-->", range) { return j }
                    j += 1
                }
                return count - 1
            }
            return k
        }

        func run(of c: UInt8, from p: Int, to end: Int) -> Int {
            var q = p
            while q < end && s[q] == c { q += 1 }
            return q - p
        }

        func contains(_ literal: StaticString, _ range: Range<Int>) -> Bool {
            var k = range.lowerBound
            while let found = MDByte.find(literal.utf8Start[0], in: s, from: k, to: range.upperBound) {
                if MDByte.matches(s, found, literal, end: range.upperBound) { return true }
                k = found + 1
            }
            return false
        }

        // MARK: Lines

        /// How a line reads at column 0 with nothing open (only what the scan is sure of).
        func start(_ line: Range<Int>) -> Start {
            let p = line.lowerBound, end = line.upperBound
            guard p < end else { return .other }
            let c = s[p]
            switch c {
            case MDByte.hash:
                let hashes = run(of: c, from: p, to: end)
                if hashes <= 6 && (p + hashes == end || MDByte.isBlank(s[p + hashes])) { return .heading(Int32(hashes)) }
                return .paragraph
            case MDByte.minus, MDByte.star, MDByte.underscore, MDByte.plus:
                if c != MDByte.plus && isThematicBreak(line, c) { return .thematicBreak }
                if c != MDByte.underscore && (p + 1 == end || MDByte.isBlank(s[p + 1])) { return .item }
                return .paragraph
            case MDByte.backtick, MDByte.tilde:
                return run(of: c, from: p, to: end) >= 3 ? .other : .paragraph
            case MDByte.greater, MDByte.less, MDByte.lbracket, MDByte.equal, 0xEF: return .other
            default:
                if c < 0x21 || c == 0x7F { return .other }
                if MDByte.isDigit(c) && isOrderedMarker(line) { return .other }
                return .paragraph
            }
        }

        /// How a non-blank line reads inside an open paragraph: `.paragraph` when it continues it,
        /// `.heading` for an ATX heading at column 0, `.other` when it might do anything else.
        func continuation(_ line: Range<Int>) -> Start {
            let end = line.upperBound
            var p = line.lowerBound
            while p < end && MDByte.isBlank(s[p]) { p += 1 }
            guard p < end else { return .other }
            let c = s[p]
            let rest = p..<end
            switch c {
            case MDByte.hash:
                let hashes = run(of: c, from: p, to: end)
                guard hashes <= 6 && (p + hashes == end || MDByte.isBlank(s[p + hashes])) else { return .paragraph }
                return p == line.lowerBound ? .heading(Int32(hashes)) : .other
            case MDByte.minus, MDByte.star, MDByte.plus, MDByte.underscore:
                if c != MDByte.plus && isThematicBreak(rest, c) { return .other }
                if c != MDByte.underscore && (p + 1 == end || MDByte.isBlank(s[p + 1])) { return .other }
                if c == MDByte.minus && rest.allSatisfy({ Self.isDelimiterRowByte(s[$0]) }) { return .other }
                return .paragraph
            case MDByte.backtick, MDByte.tilde:
                return run(of: c, from: p, to: end) >= 3 ? .other : .paragraph
            case MDByte.greater, MDByte.less, MDByte.equal, MDByte.pipe, MDByte.colon: return .other
            default:
                if c < 0x20 || c == 0x7F { return .other }
                if MDByte.isDigit(c) && isOrderedMarker(rest) { return .other }
                return .paragraph
            }
        }

        static func isDelimiterRowByte(_ b: UInt8) -> Bool {
            b == MDByte.minus || b == MDByte.pipe || b == MDByte.colon || MDByte.isBlank(b)
        }

        /// Three or more `c` and nothing but spaces and tabs.
        func isThematicBreak(_ line: Range<Int>, _ c: UInt8) -> Bool {
            var marks = 0
            for k in line {
                if s[k] == c { marks += 1 } else if !MDByte.isBlank(s[k]) { return false }
            }
            return marks >= 3
        }

        /// 1-9 digits, `.` or `)`, then a space, a tab or the end of the line.
        func isOrderedMarker(_ line: Range<Int>) -> Bool {
            var q = line.lowerBound
            while q < line.upperBound && MDByte.isDigit(s[q]) && q - line.lowerBound < 10 { q += 1 }
            guard q > line.lowerBound, q - line.lowerBound <= 9, q < line.upperBound,
                  s[q] == MDByte.dot || s[q] == MDByte.rparen else { return false }
            return q + 1 == line.upperBound || MDByte.isBlank(s[q + 1])
        }

        /// cmark's end column of an ATX heading: the line without trailing whitespace, then
        /// without a closing run of `#`s that follows a space or tab (and the whitespace before it);
        /// the whole line when only spaces and tabs follow the opening `#`s (no text to trim).
        func headingEnd(_ line: Range<Int>, hashes: Int) -> Int32 {
            var p = line.lowerBound + hashes
            while p < line.upperBound && MDByte.isBlank(s[p]) { p += 1 }
            guard p < line.upperBound else { return Int32(line.count) }
            var end = line.upperBound
            while end > line.lowerBound && MDByte.isWhitespace(s[end - 1]) { end -= 1 }
            var n = end
            while n > line.lowerBound && s[n - 1] == MDByte.hash { n -= 1 }
            if n < end && n > line.lowerBound && MDByte.isBlank(s[n - 1]) {
                end = n - 1
                while end > line.lowerBound && MDByte.isWhitespace(s[end - 1]) { end -= 1 }
            }
            return Int32(end - line.lowerBound)
        }

        mutating func append(_ kind: CMarkTree.Kind, parent: Int, depth: Int32, from: (Int, Int32), to: (Int, Int32),
                             level: Int32 = 0, flags: Int32 = 0) {
            var node = mj_node()
            node.kind = kind.rawValue
            node.parent = Int32(parent)
            node.depth = depth
            node.start_line = Int32(from.0 + 1)
            node.start_column = from.1
            node.end_line = Int32(to.0 + 1)
            node.end_column = to.1
            node.level = level
            node.flags = flags
            nodes.append(node)
        }

        // MARK: The windows

        /// The document node, the scanned nodes and the windows' nodes in document order.
        func assembled() -> CMarkTree? {
            var root = mj_node()
            root.kind = CMarkTree.Kind.document.rawValue
            root.parent = -1
            root.start_line = 1
            root.start_column = 1
            root.end_line = Int32(count)
            root.end_column = length(count - 1)
            var parsed: [[mj_node]] = []
            if !windows.isEmpty {
                guard let batch = parsedWindows() else { return nil }
                parsed = batch.nodes
                if let end = batch.lastLineLength { root.end_column = end }
            }
            if lastLineLength > 0 { root.end_column = lastLineLength }
            var result = [root]
            result.reserveCapacity(nodes.count + 1)
            var next = 0
            for (window, own) in zip(windows, parsed) {
                copyScanned(upTo: window.at, from: &next, into: &result)
                result += own
            }
            copyScanned(upTo: nodes.count, from: &next, into: &result)
            return CMarkTree(nodes: result)
        }

        /// The scanned nodes `next..<end`, their parents moved to where they land in `result`.
        func copyScanned(upTo end: Int, from next: inout Int, into result: inout [mj_node]) {
            let shift = Int32(result.count - next) - 1
            while next < end {
                var node = nodes[next]
                if node.parent > 0 { node.parent += shift }
                result.append(node)
                next += 1
            }
        }

        /// Each window's nodes (lines and parents as in the whole document, parents counted from
        /// the window's first node, which lands after `at` scanned nodes and earlier windows), from
        /// one parse of all windows, each followed by its end line and a blank line.
        /// The document's last line length when the last window ends the document.
        func parsedWindows() -> (nodes: [[mj_node]], lastLineLength: Int32?)? {
            var bytes: [UInt8] = []
            // Where each window starts in the batch (cmark line), and its end line's batch line.
            var firstLine: [Int32] = [], endLine: [Int32] = []
            var line: Int32 = 1
            if windows[0].first > 0 { bytes.append(MDByte.lf); line += 1 }
            for window in windows {
                let start = table.lines[window.first].lowerBound
                firstLine.append(line)
                line += Int32(window.end - window.first)
                if window.end < count {
                    bytes += s[start..<table.lines[window.end].lowerBound]
                    bytes += s[table.lines[window.end]]
                    bytes += [MDByte.lf, MDByte.lf]
                    endLine.append(line)
                    line += 2
                } else {
                    bytes += s[start..<s.count]
                    endLine.append(Int32.max)
                }
            }
            let nodes = bytes.withUnsafeBufferPointer { CMarkTree(parsing: $0).nodes }
            guard !nodes.isEmpty else { return nil }
            var result = [[mj_node]](repeating: [], count: windows.count)
            // Index in `result[w]` of each batch node kept (for parents), -1 when dropped.
            var kept = [Int](repeating: -1, count: nodes.count)
            var w = 0
            // The scanned nodes and earlier windows' nodes before window `w` in the document.
            var before = windows[0].at + 1
            for index in 1..<nodes.count {
                var node = nodes[index]
                if node.parent == 0 && node.start_line > 0 && w < windows.count && node.start_line >= endLine[w] {
                    // The window's end line: a top-level paragraph or heading at column 1 there.
                    guard node.start_line == endLine[w], node.start_column == 1, node.correctedEndLine == endLine[w],
                          node.mjKind == .paragraph || node.mjKind == .heading else { return nil }
                    before += result[w].count
                    w += 1
                    if w < windows.count { before += windows[w].at - windows[w - 1].at }
                    continue
                }
                guard w < windows.count else { return nil }
                if node.start_line > 0 && node.start_line < firstLine[w] { return nil }
                if node.end_line > 0 && node.correctedEndLine >= endLine[w] { return nil }
                let shift = Int32(windows[w].first + 1) - firstLine[w]
                if node.start_line > 0 { node.start_line += shift }
                if node.end_line > 0 {
                    node.end_line += shift
                    if node.end_line == Int32(windows[w].first) { node.end_column = windows[w].before }
                }
                if node.parent > 0 {
                    let parent = kept[Int(node.parent)]
                    guard parent >= 0 else { return nil }
                    node.parent = Int32(before + parent)
                }
                kept[index] = result[w].count
                result[w].append(node)
            }
            // Every window's end line was seen (the last may end the document).
            guard w == windows.count || (w == windows.count - 1 && windows[w].end == count) else { return nil }
            return (result, windows[windows.count - 1].end == count ? nodes[0].end_column : nil)
        }
    }
}
