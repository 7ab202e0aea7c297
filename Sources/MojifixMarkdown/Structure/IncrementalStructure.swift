/// The structure of a document after a round of edits, from the structure before it: only the
/// *windows* of lines around the edits are parsed again (each as on its own, with the document's
/// reference labels; most in one build, see `parsedInOneBuild`), the rest is shifted. Nil when
/// that cannot be shown to equal a full parse; the normaliser then parses in full.
///
/// A window runs from a *cut* to the next cut: a line before which every block cmark had open is
/// closed, so that it and what follows parse the same whatever came before, and the reverse.
/// Three kinds of line are cuts, each outside zones and code, HTML or math:
/// - a line after a blank line starting at column 0 with anything but whitespace, `>`, a list
///   marker (`-`, `+`, `*`, a digit) or a BOM (a list item or footnote would need indentation, a
///   block quote a `>`, a paragraph no blank line before);
/// - a top-level ATX heading: it interrupts a paragraph, continues no container (it is not in
///   one) and cannot be inside code or HTML, so whatever was open before ends there;
/// - the line after a top-level ATX heading: a heading is one line, so nothing is open after it.
/// Windows where a construct pairs across blank lines or across the document could start or end
/// are refused: fences (```` ``` ````, `~~~`: other renderers pair them over the document),
/// Liquid and kramdown (`{`), math blocks (`$$`), reference and footnote definitions (`]:`: their
/// labels are global). A window must start as its cut did (a heading cut with a top-level ATX
/// heading no more indented than before), and end as the old one did: it is parsed with the next
/// cut line after it (then dropped), and that line must still be parsed afresh — prose starting
/// at column 0 after a blank line, a top-level ATX heading, or any line after a top-level ATX
/// heading and blank lines — with no zone reaching it (at the end of the input cmark would close
/// what that line continues: an HTML comment, a fence).
///
/// Two kinds of edit keep every block as it was and are applied without a parse: a line break
/// inserted at the start of a cut line (a blank line before a heading, or after one), and blank
/// lines removed after a blank line (CommonMark gives two blank lines no more meaning than one),
/// outside zones.
enum IncrementalStructure {
    /// Windows covering more than this share of the document: a full parse is as cheap.
    static let largestShare = 0.5
    /// Edits closer than this to the previous window join it (fewer, larger windows: each parse
    /// has a fixed cost).
    static let joinDistance = 256

    /// A run of old lines replaced by new ones: parsed again, or known without a parse (`blank`:
    /// the number of blank lines that replace the run).
    private struct Window {
        var first: Int, end: Int
        var edits: Range<Int>
        var blank: Int?
    }

    static func update(_ old: MarkdownStructure, from oldBytes: [UInt8], edits: [TextEdit], to newBytes: [UInt8]) -> MarkdownStructure? {
        guard !old.isQuick, !edits.isEmpty, !old.lines.isEmpty else { return nil }
        let cuts = Cuts(old, oldBytes)
        let lines = old.lines
        func start(_ k: Int) -> Int { cuts.start(k) }

        // Windows (old line ranges), sorted and disjoint, each with the edits inside it.
        var windows: [Window] = []
        var covered = 0
        for (index, edit) in edits.enumerated() {
            let low = edit.range.lowerBound, high = edit.range.upperBound
            let last = windows.last
            let floor = last?.end ?? 0
            // An edit inside the last parsed window belongs to it; else it may keep every block.
            let inside = last.map { $0.blank == nil && low < start($0.end) } ?? false
            let neutral = inside ? nil : cuts.neutral(edit, after: floor)
            if var last, last.blank == nil, neutral == nil, low < start(last.end) + joinDistance || last.end == lines.count {
                // Inside (or near) the last window: extend it past this edit.
                var end = last.end
                while end < lines.count && !(start(end) > high && cuts.isCut(end)) { end += 1 }
                covered += start(end) - start(last.end)
                last.end = end
                last.edits = last.edits.lowerBound..<(index + 1)
                windows[windows.count - 1] = last
            } else if let neutral {
                windows.append(Window(first: neutral.first, end: neutral.end, edits: index..<(index + 1), blank: neutral.blank))
            } else {
                var first = cuts.line(containing: low)
                var editsStart = index
                // A parsed window starts at a cut; blank-line windows before it that end past
                // the cut are taken into it.
                while true {
                    let floor = windows.last?.end ?? 0
                    while first > floor && !cuts.isCut(first) { first -= 1 }
                    guard !cuts.isCut(first), let last = windows.last, last.blank != nil, first == floor else { break }
                    windows.removeLast()
                    editsStart = last.edits.lowerBound
                    first = last.first
                }
                guard cuts.isCut(first) else { return nil }
                var end = max(cuts.line(containing: high) + 1, first + 1)
                while end < lines.count && !(start(end) > high && cuts.isCut(end)) { end += 1 }
                if end == lines.count && high > oldBytes.count { return nil }
                covered += start(end) - start(first)
                windows.append(Window(first: first, end: end, edits: editsStart..<(index + 1), blank: nil))
            }
            if Double(covered) > largestShare * Double(max(oldBytes.count, 1)) { return nil }
        }

        var result = MarkdownStructure(lines: [], lineKinds: [], zones: [], headings: [], listItems: [], frontMatter: old.frontMatter)
        result.definedLabels = old.definedLabels
        result.lines.reserveCapacity(lines.count + 16)
        result.lineKinds.reserveCapacity(lines.count + 16)
        result.zones.reserveCapacity(old.zones.count + 16)
        // Each window's new byte range, and the bytes to parse of those not known without a parse.
        var newRanges: [Range<Int>] = []
        var sources: [[UInt8]] = []
        var delta = 0
        newRanges.reserveCapacity(windows.count)
        for window in windows {
            let windowDelta = edits[window.edits].reduce(0) { $0 + $1.replacement.count - $1.range.count }
            let oldRange = start(window.first)..<start(window.end)
            let newRange = (oldRange.lowerBound + delta)..<(oldRange.upperBound + delta + windowDelta)
            guard newRange.upperBound <= newBytes.count, !newRange.isEmpty || window.end == lines.count || window.blank == 0 else { return nil }
            newRanges.append(newRange)
            if window.blank == nil {
                guard let source = source(window, cuts: cuts, new: newBytes[newRange]) else { return nil }
                sources.append(source)
            }
            delta += windowDelta
        }
        guard var parsedWindows = parsedTogether(sources, windows.filter { $0.blank == nil }, cuts: cuts) else { return nil }

        var copier = Copier(old: old)
        var lineDelta = 0
        delta = 0
        var nextParsed = 0
        for (window, newRange) in zip(windows, newRanges) {
            copier.copy(lines: copier.nextLine..<window.first, bytes: start(copier.nextLine)..<start(window.first),
                        delta: delta, lineDelta: lineDelta, into: &result)
            let parsed: MarkdownStructure
            if let blank = window.blank {
                parsed = Self.blankLines(blank)
            } else {
                parsed = parsedWindows[nextParsed]
                parsedWindows[nextParsed] = Self.blankLines(0)
                nextParsed += 1
            }
            let windowDelta = newRange.count - (start(window.end) - start(window.first))
            if window.first == 0 { result.frontMatter = parsed.frontMatter.map { Copier.shifted($0, newRange.lowerBound) } }
            Copier.append(parsed, at: newRange.lowerBound, line: window.first + lineDelta, into: &result)
            copier.skip(lines: window.end, bytes: start(window.end))
            delta += windowDelta
            lineDelta += parsed.lines.count - (window.end - window.first)
        }
        copier.copy(lines: copier.nextLine..<lines.count, bytes: start(copier.nextLine)..<oldBytes.count + 1,
                    delta: delta, lineDelta: lineDelta, into: &result)
        return result
    }

    /// The structure of `count` empty lines (each a line break) at offset 0.
    private static func blankLines(_ count: Int) -> MarkdownStructure {
        MarkdownStructure(lines: (0..<count).map { $0..<$0 }, lineKinds: Array(repeating: .blank, count: count), zones: [],
                          headings: [], listItems: [], frontMatter: nil)
    }

    /// What a window is parsed as on its own: its new bytes and the next cut line, unchanged, as
    /// its last line (with a line break: it may be blank); nil when the window may not be.
    private static func source(_ window: Window, cuts: Cuts, new: ArraySlice<UInt8>) -> [UInt8]? {
        let old = cuts.old, lines = old.lines
        let oldRange = cuts.start(window.first)..<cuts.start(window.end)
        guard isSafe(cuts.bytes[oldRange]), isSafe(new) else { return nil }
        var bytes = Array(new)
        if window.end < lines.count { bytes += cuts.bytes[lines[window.end]] + [MDByte.lf] }
        if window.first == 0 {
            guard old.frontMatter == nil, let b = bytes.first, b != 0x2D, b != 0x2B, b != 0xEF else { return nil }
        } else if cuts.isFreshCut(window.first) {
            guard let b = bytes.first, startsFresh(b) else { return nil }
        } else if !cuts.isHeadingCut(window.first) {
            // After a heading: anything but what opens front matter (or a BOM) at a document's start.
            guard !bytes.starts(with: [0x2D, 0x2D, 0x2D]), !bytes.starts(with: [0x2B, 0x2B, 0x2B]), bytes.first != 0xEF else { return nil }
        }
        return bytes
    }

    /// The windows' sources parsed as each would be on its own: in one build (`parsedInOneBuild`)
    /// but for those whose last line may open a block (each then has its own).
    private static func parsedTogether(_ sources: [[UInt8]], _ windows: [Window], cuts: Cuts) -> [MarkdownStructure]? {
        let alone = windows.indices.filter { windows[$0].end < cuts.old.lines.count && mayOpen(cuts.bytes[cuts.old.lines[windows[$0].end]]) }
        var result: [MarkdownStructure] = []
        result.reserveCapacity(sources.count)
        var from = 0
        for k in alone + [sources.count] {
            guard let together = parsedInOneBuild(Array(sources[from..<k]), Array(windows[from..<k]), cuts: cuts) else { return nil }
            result += together
            if k < sources.count {
                guard let single = accepted(StructureBuilder.build(sources[k], knownLabels: cuts.old.definedLabels), windows[k],
                                            cuts: cuts, source: sources[k]) else { return nil }
                result.append(single)
            }
            from = k + 1
        }
        return result
    }

    /// A line that may open a block an ATX heading does not end: it starts (after spaces) with a
    /// backtick, tilde, `<`, `{` or `$`, or with four columns of indentation.
    private static func mayOpen(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != MDByte.space }) else { return false }
        return first - line.startIndex >= 4 || [MDByte.backtick, MDByte.tilde, MDByte.less, MDByte.lbrace, MDByte.dollar, MDByte.tab].contains(line[first])
    }

    /// The windows' sources parsed as each would be on its own, all in one build: each source
    /// but the last is followed by `#`, an empty ATX heading, which must come out as a top-level
    /// heading that no zone reaches. Then every block of the source was closed before it, as at
    /// the end of a document, and nothing is open after it, as at the start of one (a source's
    /// last line is the next cut line, which an ATX heading interrupts or ends like the end of
    /// the input does). Each window's part is then checked and trimmed by `accepted`.
    private static func parsedInOneBuild(_ sources: [[UInt8]], _ windows: [Window], cuts: Cuts) -> [MarkdownStructure]? {
        guard !sources.isEmpty else { return [] }
        var batch: [UInt8] = []
        batch.reserveCapacity(sources.reduce(0) { $0 + $1.count + 2 })
        var offsets: [Int] = []
        for (k, source) in sources.enumerated() {
            offsets.append(batch.count)
            batch += source
            if k < sources.count - 1 { batch += [MDByte.hash, MDByte.lf] }
        }
        let whole = StructureBuilder.build(batch, knownLabels: cuts.old.definedLabels)
        var result: [MarkdownStructure] = []
        result.reserveCapacity(sources.count)
        // Each window's part, moved to its own start, as the copier moves unchanged lines.
        var copier = Copier(old: whole)
        var line = 0
        for (k, window) in windows.enumerated() {
            let bytes = offsets[k]..<(offsets[k] + sources[k].count)
            let first = line
            while line < whole.lines.count && whole.lines[line].lowerBound < bytes.upperBound { line += 1 }
            var part = MarkdownStructure(lines: [], lineKinds: [], zones: [], headings: [], listItems: [], frontMatter: nil)
            copier.copy(lines: first..<line, bytes: bytes, delta: -bytes.lowerBound, lineDelta: -first, into: &part)
            part.definedLabels = whole.definedLabels
            if k < sources.count - 1 {
                // The separator: a top-level heading on the next line, out of every zone.
                let heading = copier.heading
                guard line < whole.lines.count, whole.lines[line].lowerBound == bytes.upperBound, heading < whole.headings.count,
                      whole.headings[heading].line == line, whole.headings[heading].style == .atx, whole.headings[heading].isTopLevel,
                      !whole.touchesZone(bytes.upperBound - 1..<bytes.upperBound + 2) else { return nil }
                line += 1
                copier.skip(lines: line, bytes: bytes.upperBound + 2)
            }
            guard let accepted = accepted(part, window, cuts: cuts, source: sources[k]) else { return nil }
            result.append(accepted)
        }
        return result
    }

    /// A window's structure parsed on its own (`source`), when that equals the full parse there:
    /// it starts as its cut did and its last line (the next cut line, dropped) is read afresh.
    private static func accepted(_ parsed: MarkdownStructure, _ window: Window, cuts: Cuts, source bytes: [UInt8]) -> MarkdownStructure? {
        var parsed = parsed
        let lines = cuts.old.lines
        let next: Range<Int>? = window.end < lines.count ? (bytes.count - 1 - lines[window.end].count)..<(bytes.count - 1) : nil
        let heading = !cuts.isFreshCut(window.first) && cuts.isHeadingCut(window.first)
        if heading && window.first > 0 {
            // Still a top-level ATX heading, no more indented: it still closes what came before.
            guard let first = parsed.headings.first, first.line == 0, first.style == .atx, first.isTopLevel,
                  indentation(bytes[...]) <= indentation(cuts.bytes[lines[window.first]]) else { return nil }
        }
        if let next {
            let count = parsed.lines.count
            guard count >= 2, parsed.lines[count - 1] == next, endsAfresh(parsed, bytes) else { return nil }
            Self.dropLastLine(&parsed)
        }
        return parsed
    }

    /// The last line of `parsed` is read afresh: prose at column 0 after a blank line, a top-level
    /// ATX heading, or any line after a top-level ATX heading and blank lines; no zone reaches it.
    private static func endsAfresh(_ parsed: MarkdownStructure, _ bytes: [UInt8]) -> Bool {
        let last = parsed.lines.count - 1
        let line = parsed.lines[last]
        if let heading = parsed.headings.last, heading.line == last {
            return heading.style == .atx && heading.isTopLevel && parsed.zone(containing: line.lowerBound) == nil
                && !parsed.touchesZone(parsed.lines[last - 1].upperBound..<line.lowerBound)
        }
        var k = last - 1
        while k >= 0 && parsed.lineKinds[k] == .blank { k -= 1 }
        if k >= 0, let heading = parsed.headings.last, heading.line == k, heading.style == .atx, heading.isTopLevel {
            return !parsed.touchesZone(parsed.lines[k].upperBound..<line.lowerBound)
        }
        return parsed.lineKinds[last - 1] == .blank && !line.isEmpty && startsFresh(bytes[line.lowerBound])
            && !parsed.touchesZone(parsed.lines[last - 1].lowerBound..<line.lowerBound)
            && (parsed.zone(containing: line.lowerBound).map { $0.range.lowerBound == line.lowerBound } ?? true)
    }

    /// Columns of indentation (a tab goes to the next multiple of four).
    static func indentation(_ line: ArraySlice<UInt8>) -> Int {
        var column = 0
        for b in line {
            if b == MDByte.space { column += 1 } else if b == MDByte.tab { column += 4 - column % 4 } else { break }
        }
        return column
    }

    /// Which old lines are cuts, and which edits keep every block (see the type's comment).
    private struct Cuts {
        let old: MarkdownStructure
        let bytes: [UInt8]
        /// Per line: a top-level ATX heading.
        let topHeadings: [Bool]
        /// Per line: a line of a setext heading, underline included. When a line follows the
        /// underline without a blank line, cmark ends the heading on that line, so a blank line
        /// inserted there moves the heading's end; and such a line is no cut.
        let setextLines: [Bool]

        init(_ old: MarkdownStructure, _ bytes: [UInt8]) {
            self.old = old
            self.bytes = bytes
            var topHeadings = [Bool](repeating: false, count: old.lines.count)
            var setextLines = topHeadings
            for heading in old.headings {
                // Indented by four columns or more, a heading is inside a footnote definition
                // (which `isTopLevel` does not see).
                if heading.style == .atx && heading.isTopLevel && IncrementalStructure.indentation(bytes[old.lines[heading.line]]) < 4 {
                    topHeadings[heading.line] = true
                }
                if let underline = heading.underlineLine { for k in heading.line...underline { setextLines[k] = true } }
            }
            self.topHeadings = topHeadings
            self.setextLines = setextLines
        }

        func start(_ k: Int) -> Int { k < old.lines.count ? old.lines[k].lowerBound : bytes.count }

        func line(containing offset: Int) -> Int {
            var low = 0, high = old.lines.count
            while low < high {
                let mid = (low + high) / 2
                if old.lines[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
            }
            return max(low - 1, 0)
        }

        func isCut(_ k: Int) -> Bool {
            k == 0 || k == old.lines.count || isFreshCut(k) || isHeadingCut(k) || isAfterHeadingCut(k)
        }

        func isFreshCut(_ k: Int) -> Bool {
            guard k > 0, k < old.lines.count, old.lineKinds[k - 1] == .blank,
                  !old.lines[k].isEmpty, startsFresh(bytes[old.lines[k].lowerBound]) else { return false }
            return !old.touchesZone(start(k - 1)..<start(k)) && (old.zone(containing: start(k)).map { $0.range.lowerBound == start(k) } ?? true)
        }

        /// A top-level ATX heading no zone reaches into from before.
        func isHeadingCut(_ k: Int) -> Bool {
            k > 0 && k < old.lines.count && topHeadings[k] && !setextLines[k] && old.zone(containing: start(k)) == nil
                && !old.touchesZone(old.lines[k - 1].upperBound..<start(k))
        }

        /// The line after a top-level ATX heading that holds no zone.
        func isAfterHeadingCut(_ k: Int) -> Bool {
            k > 0 && k < old.lines.count && topHeadings[k - 1] && !old.touchesZone(start(k - 1)..<(start(k) + 1))
        }

        /// The window of an edit that keeps every block, at or after line `floor`: a line break
        /// inserted at the start of a cut line (one blank line more), or blank lines after a blank
        /// line removed whole (none left in their place).
        func neutral(_ edit: TextEdit, after floor: Int) -> (first: Int, end: Int, blank: Int)? {
            let k = line(containing: edit.range.lowerBound)
            guard k >= floor, k > 0, k < old.lines.count, edit.range.lowerBound == start(k) else { return nil }
            // A removal keeps the blank line before it, which must lie outside earlier windows.
            if edit.range.isEmpty {
                guard edit.replacement == [MDByte.lf], isCut(k), !setextLines[k - 1], !setextLines[k] else { return nil }
                return (k, k, 1)
            }
            guard edit.replacement.isEmpty, k > floor, old.lineKinds[k - 1] == .blank else { return nil }
            var end = k
            while end < old.lines.count && start(end) < edit.range.upperBound {
                guard old.lineKinds[end] == .blank else { return nil }
                end += 1
            }
            guard end < old.lines.count, start(end) == edit.range.upperBound,
                  !old.touchesZone(start(k - 1)..<start(end)) else { return nil }
            return (k, end, 0)
        }
    }

    /// Removes the last line and what is on it.
    private static func dropLastLine(_ structure: inout MarkdownStructure) {
        let last = structure.lines.count - 1
        let start = structure.lines[last].lowerBound
        structure.lines.removeLast()
        structure.lineKinds.removeLast()
        structure.zones.removeAll { $0.range.lowerBound >= start }
        structure.headings.removeAll { $0.line == last }
        structure.listItems.removeAll { $0.line == last }
        structure.looksLikeHeadingLines.removeAll { $0 == last }
    }

    /// A line starting with this byte at column 0 after a blank line starts afresh.
    private static func startsFresh(_ b: UInt8) -> Bool {
        // Not indentation, a block quote, a list item (`-`, `+`, `*`, `1.`), nor a BOM's first byte.
        !(MDByte.isWhitespace(b) || b == MDByte.greater || b == MDByte.minus || b == MDByte.plus || b == MDByte.star
            || MDByte.isDigit(b) || b == 0xEF)
    }

    /// No byte sequence that starts a construct pairing across blank lines or the document:
    /// among them an HTML block whose end cmark searches for in the rest of the document
    /// (`<script`, `<pre`, `<style`, `<textarea`, `<!--`, `<?`, `<![CDATA[`, `<!X`) and that does
    /// not end in these bytes, so that a window's zones never depend on bytes after it.
    static func isSafe(_ bytes: ArraySlice<UInt8>) -> Bool {
        var run = 0
        // Per end marker, where it was last found: openers come in order, so each search goes on
        // from there (linear however many blocks the bytes open).
        var found: [Int: Int] = [:]
        var k = bytes.startIndex
        // Only the bytes of `safetyBytes` matter: the others are stepped over 16 at a time (the
        // byte before each one is read where it lies; a run of backticks or tildes is all visited).
        while let at = bytes.withUnsafeBufferPointer({ p in
            MDByte.find(anyOf: safetyBytes, in: p, from: k - bytes.startIndex, to: p.count).map { $0 + bytes.startIndex }
        }) {
            let b = bytes[at], previous = at > bytes.startIndex ? bytes[at - 1] : 0
            switch b {
            case MDByte.lbrace: return false
            case MDByte.dollar where previous == MDByte.dollar: return false
            case MDByte.colon where previous == MDByte.rbracket: return false
            case 0x3C:
                guard let marker = htmlBlockEnd(after: bytes[(at + 1)...]) else { break }
                let from = max(at + 1, found[marker] ?? at + 1)
                guard let end = Self.find(Self.endMarkers[marker], in: bytes, from: from) else { return false }
                found[marker] = end
            default: break
            }
            run = (b == MDByte.backtick || b == MDByte.tilde) && b == previous ? run + 1 : 1
            if run >= 3 { return false }
            k = at + 1
        }
        return true
    }

    /// What `isSafe` reacts to: `{`, `$`, `:`, `<`, backtick, tilde.
    private static let safetyBytes: [UInt8] = [MDByte.lbrace, MDByte.dollar, MDByte.colon, 0x3C, MDByte.backtick, MDByte.tilde]

    /// The end markers of the HTML blocks cmark ends far away (lowercase; matched in any case).
    static let endMarkers: [[UInt8]] = ["</script>", "</pre>", "</style>", "</textarea>", "-->", "?>", "]]>", ">"]
        .map { Array($0.utf8) }

    /// What follows `<` to open each of those blocks (lowercase letters match in any case), and
    /// its end marker's index; `<!` + a letter is checked apart.
    private static let htmlBlockOpeners: [(opener: [UInt8], end: Int)] =
        [("script", 0), ("pre", 1), ("style", 2), ("textarea", 3), ("!--", 4), ("?", 5), ("![CDATA[", 6)]
        .map { (Array($0.0.utf8), $0.1) }

    /// Which end marker the HTML block opened by the `<` before `rest` needs, if it is one of
    /// those (cmark's kinds 1-5).
    static func htmlBlockEnd(after rest: ArraySlice<UInt8>) -> Int? {
        for (opener, end) in htmlBlockOpeners where startsWith(rest, opener) { return end }
        if rest.count > 1, rest[rest.startIndex] == 0x21, MDByte.isAlpha(rest[rest.startIndex + 1]) { return 7 }
        return nil
    }

    /// `bytes` start with `text`, a lowercase letter of it matching either case.
    @inline(__always)
    private static func startsWith(_ bytes: ArraySlice<UInt8>, _ text: [UInt8]) -> Bool {
        guard bytes.count >= text.count else { return false }
        var i = bytes.startIndex
        for t in text {
            if bytes[i] | (t >= 0x61 ? 0x20 : 0) != t { return false }
            i += 1
        }
        return true
    }

    /// Where `marker` (lowercase) next occurs in `bytes` at or after `from`, in any case.
    static func find(_ marker: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        var i = from
        while i + marker.count <= bytes.endIndex {
            if startsWith(bytes[i...], marker) { return i }
            i += 1
        }
        return nil
    }

    /// Copies the old structure's items of unchanged lines, shifted, in one pass.
    private struct Copier {
        let old: MarkdownStructure
        var nextLine = 0, zone = 0, heading = 0, listItem = 0, looks = 0

        init(old: MarkdownStructure) { self.old = old }

        mutating func copy(lines: Range<Int>, bytes: Range<Int>, delta: Int, lineDelta: Int, into result: inout MarkdownStructure) {
            // A plain loop: appending a lazy map of the slice takes a slow generic path.
            result.lines.reserveCapacity(result.lines.count + lines.count)
            for line in old.lines[lines] { result.lines.append(Self.shifted(line, delta)) }
            result.lineKinds.append(contentsOf: old.lineKinds[lines])
            while zone < old.zones.count && old.zones[zone].range.lowerBound < bytes.upperBound {
                result.zones.append(Self.shifted(old.zones[zone], delta))
                zone += 1
            }
            while heading < old.headings.count && old.headings[heading].line < lines.upperBound {
                result.headings.append(Self.shifted(old.headings[heading], delta, lineDelta))
                heading += 1
            }
            while listItem < old.listItems.count && old.listItems[listItem].line < lines.upperBound {
                result.listItems.append(Self.shifted(old.listItems[listItem], delta, lineDelta))
                listItem += 1
            }
            while looks < old.looksLikeHeadingLines.count && old.looksLikeHeadingLines[looks] < lines.upperBound {
                result.looksLikeHeadingLines.append(old.looksLikeHeadingLines[looks] + lineDelta)
                looks += 1
            }
            nextLine = lines.upperBound
        }

        /// Steps over the old items of a window (lines before `lines`, bytes before `bytes`).
        mutating func skip(lines: Int, bytes: Int) {
            while zone < old.zones.count && old.zones[zone].range.lowerBound < bytes { zone += 1 }
            while heading < old.headings.count && old.headings[heading].line < lines { heading += 1 }
            while listItem < old.listItems.count && old.listItems[listItem].line < lines { listItem += 1 }
            while looks < old.looksLikeHeadingLines.count && old.looksLikeHeadingLines[looks] < lines { looks += 1 }
            nextLine = lines
        }

        /// Appends a window's structure, parsed on its own, at byte `offset` and line `line`.
        static func append(_ parsed: MarkdownStructure, at offset: Int, line: Int, into result: inout MarkdownStructure) {
            for range in parsed.lines { result.lines.append(shifted(range, offset)) }
            result.lineKinds += parsed.lineKinds
            for zone in parsed.zones { result.zones.append(shifted(zone, offset)) }
            for heading in parsed.headings { result.headings.append(shifted(heading, offset, line)) }
            for item in parsed.listItems { result.listItems.append(shifted(item, offset, line)) }
            for k in parsed.looksLikeHeadingLines { result.looksLikeHeadingLines.append(k + line) }
        }

        static func shifted(_ range: Range<Int>, _ bytes: Int) -> Range<Int> { (range.lowerBound + bytes)..<(range.upperBound + bytes) }

        static func shifted(_ zone: MarkdownStructure.Zone, _ bytes: Int) -> MarkdownStructure.Zone {
            var zone = zone
            zone.range = shifted(zone.range, bytes)
            return zone
        }

        static func shifted(_ heading: MarkdownStructure.Heading, _ bytes: Int, _ lines: Int) -> MarkdownStructure.Heading {
            var heading = heading
            heading.line += lines
            heading.textRange = shifted(heading.textRange, bytes)
            heading.underlineLine = heading.underlineLine.map { $0 + lines }
            return heading
        }

        static func shifted(_ item: MarkdownStructure.ListItem, _ bytes: Int, _ lines: Int) -> MarkdownStructure.ListItem {
            var item = item
            item.line += lines
            item.markerRange = shifted(item.markerRange, bytes)
            return item
        }
    }
}
