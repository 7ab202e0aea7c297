import MojifixText
/// The zones that live outside CommonMark and are found on the raw source before cmark runs:
/// front matter, Liquid (Jekyll runs it before Markdown), kramdown IALs and extensions, and
/// `$$` math blocks. Each result also says whether cmark must see it blanked out (so that, e.g.,
/// a `# comment` inside `{% highlight %}` or a `$$` block is not taken for a heading).
enum SourceScanner {
    typealias Kind = MarkdownStructure.Zone.Kind

    /// A multi-line construct found on the source.
    struct Block {
        var range: Range<Int>
        var kind: Kind
        /// Replace its bytes by spaces in the copy cmark parses.
        var blankForCMark: Bool
        /// Its lines are code (`{% highlight %}`): line kind `.fencedCode`.
        var codeLines: Bool
    }

    // MARK: Front matter

    /// Jekyll YAML (`---` ... `---` or `...`) or Hugo TOML (`+++` ... `+++`) front matter at the
    /// very start of the document (after an optional BOM): the byte range from the opening fence
    /// to the end of the closing fence line, and the index of that line.
    static func frontMatter(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable) -> (range: Range<Int>, lastLine: Int)? {
        guard table.count >= 2 else { return nil }
        let bom = s.count >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0
        let first = table.lines[0]
        let start = first.lowerBound + bom
        let firstEnd = trimmedEnd(s, start..<first.upperBound)
        guard firstEnd - start == 3 else { return nil }
        let toml: Bool
        if MDByte.matches(s, start, "---") { toml = false } else if MDByte.matches(s, start, "+++") { toml = true } else { return nil }
        for index in 1..<table.count {
            let line = table.lines[index]
            guard trimmedEnd(s, line) - line.lowerBound == 3 else { continue }
            let closes = toml ? MDByte.matches(s, line.lowerBound, "+++")
                : MDByte.matches(s, line.lowerBound, "---") || MDByte.matches(s, line.lowerBound, "...")
            if closes { return (start..<line.upperBound, index) }
        }
        return nil
    }

    /// End of `range` without trailing spaces and tabs.
    static func trimmedEnd(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound && MDByte.isBlank(s[end - 1]) { end -= 1 }
        return end
    }

    // MARK: Liquid and kramdown

    /// Liquid outputs `{{ }}` and tags `{% %}` (both may span lines, not blank lines), the
    /// `raw` / `comment` / `highlight` blocks up to their end tags, kramdown IALs and ALDs `{: }`
    /// (one line) and kramdown extensions `{::name}` (blocks `comment` / `nomarkdown` up to their
    /// `{:/}`), starting on lines where `allowed[line]` (not code, HTML blocks or front matter).
    static func liquidAndKramdown(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, allowed: [Bool])
        -> (zones: [MarkdownStructure.Zone], blocks: [Block]) {
        var zones: [MarkdownStructure.Zone] = []
        var blocks: [Block] = []
        let n = s.count
        var line = 0
        var pos = table.count > 0 ? table.lines[0].lowerBound : 0
        // Searches that failed: no closer before these offsets / at all (keeps repeated unclosed
        // openers linear).
        var outputMissUntil = -1, tagMissUntil = -1, ialMissUntil = -1
        var missingEndTags = Set<String>()
        while line < table.count {
            let range = table.lines[line]
            if !allowed[line] || pos >= range.upperBound {
                line += 1
                if line < table.count { pos = max(pos, table.lines[line].lowerBound) }
                continue
            }
            guard let i = MDByte.find(MDByte.lbrace, in: s, from: max(pos, range.lowerBound), to: range.upperBound) else {
                pos = range.upperBound
                continue
            }
            var next = i + 1
            if i + 1 < n {
                switch s[i + 1] {
                case MDByte.lbrace where i >= outputMissUntil:
                    switch findPair(s, table, MDByte.rbrace, MDByte.rbrace, from: i + 2, line: line) {
                    case .found(let close):
                        zones.append(.init(range: i..<close + 2, kind: .liquid))
                        next = close + 2
                    case .missing(let until):
                        outputMissUntil = until
                    }
                case MDByte.percent where i >= tagMissUntil:
                    switch findPair(s, table, MDByte.percent, MDByte.rbrace, from: i + 2, line: line) {
                    case .missing(let until):
                        tagMissUntil = until
                    case .found(let close):
                        let tagEnd = close + 2
                        let name = tagName(s, from: i + 2, to: close)
                        var end = tagEnd
                        if (name == "raw" || name == "comment" || name == "highlight") && !missingEndTags.contains(name) {
                            if let endTag = findEndTag(s, name: name, from: tagEnd) {
                                end = endTag
                                blocks.append(Block(range: i..<end, kind: .liquid, blankForCMark: name != "raw",
                                                    codeLines: name == "highlight"))
                            } else {
                                missingEndTags.insert(name)
                            }
                        }
                        zones.append(.init(range: i..<end, kind: .liquid))
                        next = end
                    }
                case MDByte.colon where i >= ialMissUntil:
                    if i == 0 || s[i - 1] != MDByte.backslash {
                        if let (end, block) = kramdown(s, i, lineEnd: range.upperBound, missing: &missingEndTags) {
                            zones.append(.init(range: i..<end, kind: .kramdownIAL))
                            if block { blocks.append(Block(range: i..<end, kind: .kramdownIAL, blankForCMark: true, codeLines: false)) }
                            next = end
                        } else {
                            ialMissUntil = range.upperBound   // no `}` left on this line
                        }
                    }
                default: break
                }
            }
            pos = next
            while line < table.count && table.lines[line].upperBound < pos { line += 1 }
        }
        return (zones, blocks)
    }

    private enum PairSearch {
        case found(Int)
        /// None before this offset (a blank line or the end of the document).
        case missing(until: Int)
    }

    /// The first `a b` pair at or after `from`, not crossing a blank line.
    private static func findPair(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, _ a: UInt8, _ b: UInt8,
                                 from: Int, line startLine: Int) -> PairSearch {
        var line = startLine
        var pos = from
        while line < table.count {
            let range = table.lines[line]
            if line != startLine && LineTable.isBlank(s, range) { return .missing(until: range.lowerBound) }
            var j = max(pos, range.lowerBound)
            while let k = MDByte.find(a, in: s, from: j, to: range.upperBound) {
                if k + 1 < range.upperBound && s[k + 1] == b { return .found(k) }
                j = k + 1
            }
            line += 1
            pos = line < table.count ? table.lines[line].lowerBound : s.count
        }
        return .missing(until: s.count)
    }

    /// The Liquid tag name after `{%` (and an optional `-` and spaces).
    private static func tagName(_ s: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> String {
        var j = from
        if j < to && s[j] == MDByte.minus { j += 1 }
        while j < to && MDByte.isWhitespace(s[j]) { j += 1 }
        let start = j
        while j < to && (MDByte.isAlpha(s[j]) || s[j] == MDByte.underscore) && j - start < 16 { j += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: s[start..<j]), as: UTF8.self).lowercased()
    }

    /// End (exclusive) of the first `{% end<name> %}` at or after `from`.
    private static func findEndTag(_ s: UnsafeBufferPointer<UInt8>, name: String, from: Int) -> Int? {
        let want = Array("end\(name)".utf8)
        var j = from
        while let i = MDByte.find(MDByte.lbrace, in: s, from: j, to: s.count) {
            j = i + 1
            guard i + 1 < s.count, s[i + 1] == MDByte.percent else { continue }
            var k = i + 2
            if k < s.count && s[k] == MDByte.minus { k += 1 }
            while k < s.count && MDByte.isWhitespace(s[k]) { k += 1 }
            guard k + want.count <= s.count else { return nil }
            var same = true
            for m in 0..<want.count where MDByte.lower(s[k + m]) != want[m] { same = false; break }
            guard same else { continue }
            k += want.count
            guard k < s.count, !MDByte.isAlnum(s[k]) else { continue }
            while k < s.count && MDByte.isWhitespace(s[k]) { k += 1 }
            if k < s.count && s[k] == MDByte.minus { k += 1 }
            if k + 1 < s.count && s[k] == MDByte.percent && s[k + 1] == MDByte.rbrace { return k + 2 }
        }
        return nil
    }

    /// A kramdown construct at `i` (`{:`): the end of the IAL/ALD/extension tag on its line, or
    /// of the whole `{::comment}` / `{::nomarkdown}` block (then `block` is true).
    private static func kramdown(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, lineEnd: Int,
                                 missing: inout Set<String>) -> (Int, Bool)? {
        guard let close = MDByte.find(MDByte.rbrace, in: s, from: i + 2, to: lineEnd) else { return nil }
        let end = close + 1
        guard i + 2 < close, s[i + 2] == MDByte.colon else { return (end, false) }
        // `{::name ...}` extension; self-closing `/}` or a block up to `{:/name}` / `{:/}`.
        if s[close - 1] == MDByte.slash { return (end, false) }
        var j = i + 3
        let start = j
        while j < close && MDByte.isAlpha(s[j]) { j += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: s[start..<j]), as: UTF8.self)
        guard name == "comment" || name == "nomarkdown", !missing.contains("::" + name) else { return (end, false) }
        var k = end
        while let m = MDByte.find(MDByte.lbrace, in: s, from: k, to: s.count) {
            k = m + 1
            guard MDByte.matches(s, m, "{:/") else { continue }
            if let c = MDByte.find(MDByte.rbrace, in: s, from: m + 3, to: min(s.count, m + 4 + name.utf8.count)) {
                let closer = String(decoding: UnsafeBufferPointer(rebasing: s[(m + 3)..<c]), as: UTF8.self)
                if closer.isEmpty || closer == name { return (c + 1, true) }
            }
        }
        missing.insert("::" + name)
        return (end, false)
    }

    // MARK: Math blocks

    /// `$$` blocks: a line whose content (after indentation and `>` markers) starts with an
    /// unescaped `$$` and that is a `$$` line of its own or starts a paragraph, up to the next
    /// `$$` before a blank line (same line: only when nothing but spaces follows it).
    /// `allowed[line]` is false for code, HTML, front matter and Liquid/kramdown block lines.
    static func mathBlocks(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, allowed: [Bool])
        -> [(range: Range<Int>, firstLine: Int, lastLine: Int)] {
        var found: [(Range<Int>, Int, Int)] = []
        var index = 0
        while index < table.count {
            defer { index += 1 }
            guard allowed[index] else { continue }
            let line = table.lines[index]
            var p = line.lowerBound
            while p < line.upperBound && (MDByte.isBlank(s[p]) || s[p] == MDByte.greater) { p += 1 }
            guard p + 1 < line.upperBound, s[p] == MDByte.dollar, s[p + 1] == MDByte.dollar else { continue }
            // A block starts a paragraph, or is a `$$` line of its own; it never crosses a blank line.
            let alone = trimmedEnd(s, (p + 2)..<line.upperBound) == p + 2
            let startsParagraph = index == 0 || !allowed[index - 1] || LineTable.isBlank(s, table.lines[index - 1])
            guard alone || startsParagraph else { continue }
            if let q = findDoubleDollar(s, from: p + 2, to: line.upperBound) {
                if trimmedEnd(s, (q + 2)..<line.upperBound) == q + 2 { found.append((p..<q + 2, index, index)) }
                continue
            }
            var last = index + 1
            while last < table.count && allowed[last] && !LineTable.isBlank(s, table.lines[last]) {
                let candidate = table.lines[last]
                // A quote marker (when the `$$` is not quoted) or an ordered-list marker is not
                // LaTeX: the `$$` is text, and blanking would hide containers cmark would see.
                if startsContainer(s, candidate, quoted: p > line.lowerBound && s[line.lowerBound..<p].contains(MDByte.greater)) { break }
                if let q = findDoubleDollar(s, from: candidate.lowerBound, to: candidate.upperBound) {
                    found.append((p..<q + 2, index, last))
                    index = last
                    break
                }
                last += 1
            }
        }
        return found
    }

    /// The line starts (after indentation) with `>` (unless `quoted`), or with `1.`/`1)` and a space.
    private static func startsContainer(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, quoted: Bool) -> Bool {
        var p = line.lowerBound
        while p < line.upperBound && (MDByte.isBlank(s[p]) || (quoted && s[p] == MDByte.greater)) { p += 1 }
        guard p < line.upperBound else { return false }
        if s[p] == MDByte.greater { return true }
        var d = p
        while d < line.upperBound && MDByte.isDigit(s[d]) && d - p < 9 { d += 1 }
        return d > p && d + 1 < line.upperBound && (s[d] == MDByte.dot || s[d] == MDByte.rparen) && MDByte.isBlank(s[d + 1])
    }

    /// First unescaped `$$` in `from..<to`.
    private static func findDoubleDollar(_ s: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var j = from
        while let k = MDByte.find(MDByte.dollar, in: s, from: j, to: to) {
            if k + 1 < to && s[k + 1] == MDByte.dollar && (k == 0 || s[k - 1] != MDByte.backslash) { return k }
            j = k + 1
        }
        return nil
    }

    // MARK: Fences every renderer might see

    /// Code fences paired on the source alone, whatever their indentation (tabs included) and
    /// containers (`>`, list markers), and inside HTML blocks: kramdown and markdown-it may read
    /// a code block where cmark reads prose (a tab-indented fence under a list item, a fence
    /// after `</div>` in a `markdown="1"` block). Their lines are protected as code too, so no
    /// renderer sees its code change. An opener without a closer protects nothing (cmark's own
    /// reading already covers what it sees as code). `from` skips the front matter.
    static func looseFences(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, from: Int) -> [Range<Int>] {
        // Twice: as CommonMark pairs them, and as kramdown does, for which a fence's info string
        // is one word (```` ```paste below ```` is text there, and the next fence opens).
        let fences = fenceLines(s, table, from: from)
        return looseFences(s, table, fences, oneWordInfo: false) + looseFences(s, table, fences, oneWordInfo: true)
    }

    /// A line that may open or close a fence: where its run of `fence` starts, how long it is,
    /// and whether only whitespace follows the run.
    private struct FenceLine {
        var line: Int, start: Int, fence: UInt8, length: Int, bare: Bool
    }

    private static func fenceLines(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, from: Int) -> [FenceLine] {
        var result: [FenceLine] = []
        for index in from..<max(from, table.count) {
            let line = table.lines[index]
            var p = line.lowerBound
            while p < line.upperBound {
                let c = s[p]
                if MDByte.isBlank(c) || c == MDByte.greater { p += 1; continue }
                if (c == MDByte.minus || c == MDByte.star || c == MDByte.plus) && p + 1 < line.upperBound && MDByte.isBlank(s[p + 1]) { p += 2; continue }
                var d = p
                while d < line.upperBound && MDByte.isDigit(s[d]) && d - p < 9 { d += 1 }
                if d > p && d + 1 < line.upperBound && (s[d] == MDByte.dot || s[d] == MDByte.rparen) && MDByte.isBlank(s[d + 1]) { p = d + 2; continue }
                break
            }
            guard p < line.upperBound, s[p] == MDByte.backtick || s[p] == MDByte.tilde else { continue }
            let fence = s[p]
            var q = p
            while q < line.upperBound && s[q] == fence { q += 1 }
            guard q - p >= 3 else { continue }
            result.append(FenceLine(line: index, start: p, fence: fence, length: q - p, bare: trimmedEnd(s, q..<line.upperBound) == q))
        }
        return result
    }

    private static func looseFences(_ s: UnsafeBufferPointer<UInt8>, _ table: LineTable, _ fences: [FenceLine], oneWordInfo: Bool) -> [Range<Int>] {
        // kramdown's fence is a regular expression: an opener whose run no later line closes is
        // read again with a shorter run, the rest of the run joining its info (```` ```` ```` under
        // which only ```` ``` ```` lines follow opens a ```` ``` ```` fence with info `` ` ``).
        // So each opener's run counts up to the longest bare run of its character after it.
        var longestAfter = [Int](repeating: 0, count: fences.count)
        if oneWordInfo {
            var longest: [UInt8: Int] = [:]
            for k in fences.indices.reversed() {
                longestAfter[k] = longest[fences[k].fence] ?? 0
                if fences[k].bare { longest[fences[k].fence] = max(longest[fences[k].fence] ?? 0, fences[k].length) }
            }
        }
        var found: [Range<Int>] = []
        var open: (start: Int, fence: UInt8, length: Int)? = nil
        for (k, candidate) in fences.enumerated() {
            let line = table.lines[candidate.line]
            let p = candidate.start, fence = candidate.fence
            if let current = open {
                if candidate.bare && fence == current.fence && candidate.length >= current.length {
                    found.append(current.start..<line.upperBound)
                    open = nil
                }
                continue
            }
            let length = oneWordInfo ? min(candidate.length, max(longestAfter[k], 3)) : candidate.length
            let q = p + length
            guard fence == MDByte.tilde || MDByte.find(MDByte.backtick, in: s, from: p + candidate.length, to: line.upperBound) == nil else { continue }
            if oneWordInfo {
                var i = q
                while i < line.upperBound && MDByte.isBlank(s[i]) { i += 1 }
                let end = trimmedEnd(s, i..<line.upperBound)
                if (i..<end).contains(where: { MDByte.isBlank(s[$0]) }) { continue }
            }
            open = (p, fence, length)
        }
        return found
    }
}
