/// Finds the protected inline zones of one block of inline content (a paragraph, the text of a
/// heading, a table cell) with CommonMark's and GFM's rules, because cmark-gfm 0.29's inline
/// source positions are wrong after lazy continuation lines and removed reference definitions,
/// and missing for GFM autolinks.
///
/// The block is loaded as *segments* (source byte ranges, one per line, container prefixes such
/// as `> ` and list indentation already cut off) and scanned as one virtual text in which the
/// segments are joined by `\n`; zones are mapped back to source offsets.
///
/// Phase A (CommonMark precedence): backslash escapes, code spans, `<...>` autolinks, raw HTML
/// (comments apart), link destinations and titles `](...)`, reference labels `][label]`,
/// shortcut references to defined labels, footnote references `[^x]`, and GFM bare autolinks
/// (`http(s)://`, `ftp://`, `www.`, e-mail addresses). Phase B: math `$$...$$` and `$...$`
/// outside the phase-A zones. Liquid and kramdown zones found on the source are *opaque*: the
/// scanner steps over them as units (so `[a]({{ site.url }}/x)` is still a link).
final class InlineScanner {
    typealias Kind = MarkdownStructure.Zone.Kind

    /// Labels of the document's link reference definitions (normalised: trimmed, whitespace
    /// runs collapsed, ASCII lowercased).
    var definedLabels = Set<[UInt8]>()

    private var text: [UInt8] = []
    private var segVirtual: [Int] = []
    private var segSource: [Int] = []
    private var segLength: [Int] = []
    private var opaque: [Range<Int>] = []
    private var found: [(start: Int, end: Int, kind: Kind)] = []
    private var codeSpanMiss = [Bool](repeating: false, count: 65)
    private var codeSpanMissTouched: [Int] = []
    /// Closers known to be absent from the rest of the block (a search that ran to the end
    /// failed, so any later search fails too): keeps unclosed constructs repeated many times linear.
    private struct Misses {
        var comment = false, cdata = false, instruction = false, declaration = false
        var attributeDoubleQuote = false, attributeSingleQuote = false
        var titleDoubleQuote = false, titleSingleQuote = false, titleParen = false
    }
    private var misses = Misses()

    private struct Opener {
        var position: Int  // the `[`
        var image: Bool
        var active = true
    }

    /// Bytes phase A must look at; everything else is skipped in a tight loop.
    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "\\`<![]:w@{".utf8 { table[Int(b)] = true }
        return table
    }()

    // MARK: Loading

    /// Loads the block `segments` of `s`; `sourceOpaque` are the Liquid/kramdown zones of the
    /// document, sorted and non-overlapping.
    func load(_ s: UnsafeBufferPointer<UInt8>, segments: [Range<Int>], sourceOpaque: [Range<Int>]) {
        opaque.removeAll(keepingCapacity: true)
        found.removeAll(keepingCapacity: true)
        for length in codeSpanMissTouched { codeSpanMiss[length] = false }
        codeSpanMissTouched.removeAll(keepingCapacity: true)
        misses = Misses()
        // Filled as locals (swapped out and back, buffers kept): each access to a class's stored
        // property costs a dynamic exclusivity check.
        var text: [UInt8] = [], segVirtual: [Int] = [], segSource: [Int] = [], segLength: [Int] = []
        swap(&text, &self.text); swap(&segVirtual, &self.segVirtual)
        swap(&segSource, &self.segSource); swap(&segLength, &self.segLength)
        text.removeAll(keepingCapacity: true)
        segVirtual.removeAll(keepingCapacity: true)
        segSource.removeAll(keepingCapacity: true)
        segLength.removeAll(keepingCapacity: true)
        for (k, segment) in segments.enumerated() {
            if k > 0 { text.append(MDByte.lf) }
            segVirtual.append(text.count)
            segSource.append(segment.lowerBound)
            segLength.append(segment.count)
            text.append(contentsOf: UnsafeBufferPointer(rebasing: s[segment]))
        }
        swap(&text, &self.text); swap(&segVirtual, &self.segVirtual)
        swap(&segSource, &self.segSource); swap(&segLength, &self.segLength)
        guard !sourceOpaque.isEmpty, let first = segments.first, let last = segments.last else { return }
        // Opaque zones overlapping the block, mapped into the virtual text.
        var low = 0, high = sourceOpaque.count
        while low < high {
            let mid = (low + high) / 2
            if sourceOpaque[mid].upperBound <= first.lowerBound { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < sourceOpaque.count && sourceOpaque[k].lowerBound < last.upperBound {
            let start = virtualOffset(ofSource: sourceOpaque[k].lowerBound, roundUp: true)
            let end = virtualOffset(ofSource: sourceOpaque[k].upperBound, roundUp: false)
            if start < end { opaque.append(start..<end) }
            k += 1
        }
    }

    /// True when the loaded text holds nothing either phase reacts to.
    var isPlain: Bool {
        if !opaque.isEmpty { return false }
        return text.withUnsafeBufferPointer { t in
            InlineScanner.special.withUnsafeBufferPointer { special in
                for b in t where special[Int(b)] || b == MDByte.dollar { return false }
                return true
            }
        }
    }

    private func virtualOffset(ofSource x: Int, roundUp: Bool) -> Int {
        var low = 0, high = segSource.count
        while low < high {
            let mid = (low + high) / 2
            if segSource[mid] <= x { low = mid + 1 } else { high = mid }
        }
        let k = low - 1
        if k < 0 { return 0 }
        let delta = x - segSource[k]
        if delta <= segLength[k] { return segVirtual[k] + delta }
        // In a container prefix between segments: to the next segment start, or this one's end.
        if roundUp { return k + 1 < segVirtual.count ? segVirtual[k + 1] : text.count }
        return segVirtual[k] + segLength[k]
    }

    /// Source offset of virtual offset `v` (a position, or an exclusive end when `isEnd`).
    private func sourceOffset(ofVirtual v: Int, isEnd: Bool) -> Int {
        if isEnd && v > 0 { return sourceOffset(ofVirtual: v - 1, isEnd: false) + 1 }
        var low = 0, high = segVirtual.count
        while low < high {
            let mid = (low + high) / 2
            if segVirtual[mid] <= v { low = mid + 1 } else { high = mid }
        }
        let k = max(low - 1, 0)
        guard k < segSource.count else { return 0 }
        return segSource[k] + min(v - segVirtual[k], segLength[k])
    }

    /// The zones found, in source offsets, appended to `zones`.
    func emit(into zones: inout [MarkdownStructure.Zone]) {
        for zone in found where zone.start < zone.end {
            let start = sourceOffset(ofVirtual: zone.start, isEnd: false)
            let end = sourceOffset(ofVirtual: zone.end, isEnd: true)
            if start < end { zones.append(.init(range: start..<end, kind: zone.kind)) }
        }
        found.removeAll(keepingCapacity: true)
    }

    /// Index of the segment (line of the block) containing virtual offset `v`; the segment
    /// count when `v` is past the text.
    func segmentIndex(ofVirtual v: Int) -> Int {
        if v >= text.count { return segVirtual.count }
        var low = 0, high = segVirtual.count
        while low < high {
            let mid = (low + high) / 2
            if segVirtual[mid] <= v { low = mid + 1 } else { high = mid }
        }
        return max(low - 1, 0)
    }

    // MARK: Scanning

    /// Scans the loaded text from virtual offset `from`.
    func scan(from: Int = 0) {
        guard from < text.count else { return }
        text.withUnsafeBufferPointer { t in
            phaseA(t, from: from)
            phaseB(t, from: from)
        }

    }

    private func add(_ start: Int, _ end: Int, _ kind: Kind) { found.append((start, end, kind)) }

    /// End of the opaque zone containing `v`, if any.
    @inline(__always) private func opaqueEnd(at v: Int) -> Int? {
        if opaque.isEmpty { return nil }
        var low = 0, high = opaque.count
        while low < high {
            let mid = (low + high) / 2
            if opaque[mid].upperBound <= v { low = mid + 1 } else { high = mid }
        }
        return low < opaque.count && opaque[low].lowerBound <= v ? opaque[low].upperBound : nil
    }

    private func phaseA(_ t: UnsafeBufferPointer<UInt8>, from: Int) {
        InlineScanner.special.withUnsafeBufferPointer { special in phaseA(t, from: from, special: special) }
    }

    private func phaseA(_ t: UnsafeBufferPointer<UInt8>, from: Int, special: UnsafeBufferPointer<Bool>) {
        let n = t.count
        let hasOpaque = !opaque.isEmpty
        var i = from
        var openers: [Opener] = []
        var floor = from      // bare autolinks never reach back before this
        var bareEnd = from    // no bare autolink starts inside the previous one
        while i < n {
            let c = t[i]
            if !special[Int(c)] { i += 1; continue }
            if hasOpaque, let end = opaqueEnd(at: i) { i = end; floor = end; continue }
            switch c {
            case MDByte.backslash:
                i += i + 1 < n && MDByte.isPunctuation(t[i + 1]) ? 2 : 1
            case MDByte.backtick:
                var run = 1
                while i + run < n && t[i + run] == MDByte.backtick { run += 1 }
                if let end = codeSpanEnd(t, i, run) {
                    add(i, end, .codeSpan)
                    i = end; floor = end
                } else {
                    i += run
                }
            case MDByte.less:
                if let end = angleAutolinkEnd(t, i) {
                    add(i, end, .autolink)
                    i = end; floor = end
                } else if let (end, comment) = htmlEnd(t, i) {
                    add(i, end, comment ? .htmlComment : .inlineHTML)
                    i = end; floor = end
                } else {
                    i += 1
                }
            case MDByte.bang:
                if i + 1 < n && t[i + 1] == MDByte.lbracket {
                    openers.append(Opener(position: i + 1, image: true))
                    i += 2
                } else {
                    i += 1
                }
            case MDByte.lbracket:
                openers.append(Opener(position: i, image: false))
                i += 1
            case MDByte.rbracket:
                i = closeBracket(t, i, &openers)
                floor = max(floor, min(i, n))
            case MDByte.colon, 0x77: // `:` of `scheme://`, `w` of `www.`
                if i >= bareEnd, let (start, end) = c == MDByte.colon ? schemeAutolink(t, i, floor: floor) : wwwAutolink(t, i) {
                    add(start, end, .autolink)
                    if openers.isEmpty {
                        // cmark-gfm consumes the URL (a `\` or backtick in it is part of it) ...
                        i = end; floor = end
                        continue
                    }
                    // ... but does not link it inside link text; it stays protected all the same.
                    bareEnd = end
                }
                i += 1
            case MDByte.at:
                if i >= bareEnd, let (start, end) = emailAutolink(t, i, floor: floor) {
                    add(start, end, .autolink)
                    bareEnd = end
                }
                i += 1
            default:
                i += 1
            }
        }
    }

    // MARK: Code spans

    private func codeSpanEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ run: Int) -> Int? {
        if run < codeSpanMiss.count && codeSpanMiss[run] { return nil }
        var j = i + run
        while let k = MDByte.find(MDByte.backtick, in: t, from: j, to: t.count) {
            if let end = opaqueEnd(at: k) { j = end; continue }
            var m = 1
            while k + m < t.count && t[k + m] == MDByte.backtick { m += 1 }
            if m == run { return k + m }
            j = k + m
        }
        // No closer of this length after i, hence none after any later opener either.
        if run < codeSpanMiss.count {
            codeSpanMiss[run] = true
            codeSpanMissTouched.append(run)
        }
        return nil
    }

    // MARK: Autolinks and HTML

    /// `<scheme:...>` or `<local@domain>`.
    private func angleAutolinkEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = t.count
        let j = i + 1
        if j < n && MDByte.isAlpha(t[j]) {
            var k = j + 1
            while k < n && k - j < 32 && (MDByte.isAlnum(t[k]) || t[k] == MDByte.plus || t[k] == MDByte.dot || t[k] == MDByte.minus) {
                k += 1
            }
            if k < n && t[k] == MDByte.colon && k - j >= 2 {
                var m = k + 1
                while m < n {
                    let c = t[m]
                    if c == MDByte.greater { return m + 1 }
                    if c <= MDByte.space || c == MDByte.less || c == 0x7F { break }
                    m += 1
                }
            }
        }
        var k = j
        while k < n && InlineScanner.isEmailLocal(t[k]) { k += 1 }
        guard k > j, k < n, t[k] == MDByte.at else { return nil }
        var m = k + 1
        while true {
            let labelStart = m
            while m < n && (MDByte.isAlnum(t[m]) || t[m] == MDByte.minus) && m - labelStart < 63 { m += 1 }
            guard m > labelStart, MDByte.isAlnum(t[labelStart]), MDByte.isAlnum(t[m - 1]) else { return nil }
            if m < n && t[m] == MDByte.dot { m += 1; continue }
            break
        }
        return m < n && t[m] == MDByte.greater ? m + 1 : nil
    }

    private static func isEmailLocal(_ b: UInt8) -> Bool {
        if MDByte.isAlnum(b) { return true }
        switch b {
        case 0x2E, 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2A, 0x2B, 0x2F, 0x3D, 0x3F, 0x5E, 0x5F, 0x60, 0x7B, 0x7C, 0x7D, 0x7E, 0x2D:
            return true
        default:
            return false
        }
    }

    /// Raw HTML at `i` (`<`): open tag, closing tag, comment, processing instruction,
    /// declaration or CDATA. Returns its end and whether it is a comment.
    private func htmlEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool)? {
        let n = t.count
        var j = i + 1
        guard j < n else { return nil }
        let c = t[j]
        if MDByte.isAlpha(c) {
            j = tagNameEnd(t, j)
            while true {
                let wsStart = j
                j = skipWhitespace(t, j)
                guard j < n else { return nil }
                if t[j] == MDByte.greater { return (j + 1, false) }
                if t[j] == MDByte.slash { return j + 1 < n && t[j + 1] == MDByte.greater ? (j + 2, false) : nil }
                guard j > wsStart else { return nil }
                // Attribute name.
                let a = t[j]
                guard MDByte.isAlpha(a) || a == MDByte.underscore || a == MDByte.colon else { return nil }
                j += 1
                while j < n && (MDByte.isAlnum(t[j]) || t[j] == MDByte.underscore || t[j] == MDByte.dot
                                || t[j] == MDByte.colon || t[j] == MDByte.minus) { j += 1 }
                // Optional value.
                let afterName = j
                j = skipWhitespace(t, j)
                guard j < n, t[j] == MDByte.equal else { j = afterName; continue }
                j = skipWhitespace(t, j + 1)
                guard j < n else { return nil }
                let q = t[j]
                if q == MDByte.quote || q == MDByte.apostrophe {
                    if q == MDByte.quote ? misses.attributeDoubleQuote : misses.attributeSingleQuote { return nil }
                    guard let close = MDByte.find(q, in: t, from: j + 1, to: n) else {
                        if q == MDByte.quote { misses.attributeDoubleQuote = true } else { misses.attributeSingleQuote = true }
                        return nil
                    }
                    j = close + 1
                } else {
                    let valueStart = j
                    while j < n {
                        let v = t[j]
                        if v <= MDByte.space || v == MDByte.quote || v == MDByte.apostrophe || v == MDByte.equal
                            || v == MDByte.less || v == MDByte.greater || v == MDByte.backtick { break }
                        j += 1
                    }
                    guard j > valueStart else { return nil }
                }
            }
        }
        switch c {
        case MDByte.slash:
            j += 1
            guard j < n, MDByte.isAlpha(t[j]) else { return nil }
            j = skipWhitespace(t, tagNameEnd(t, j))
            return j < n && t[j] == MDByte.greater ? (j + 1, false) : nil
        case MDByte.question:
            guard !misses.instruction, let end = findSequence(t, from: j + 1, MDByte.question, MDByte.greater) else {
                misses.instruction = true
                return nil
            }
            return (end + 2, false)
        case MDByte.bang:
            if MDByte.matches(t, i, "<!--") {
                if MDByte.matches(t, i + 4, ">") || MDByte.matches(t, i + 4, "->") || misses.comment { return nil }
                var k = i + 4
                while let dash = findSequence(t, from: k, MDByte.minus, MDByte.minus) {
                    if dash + 2 < n && t[dash + 2] == MDByte.greater { return (dash + 3, true) }
                    k = dash + 1
                }
                misses.comment = true
                return nil
            }
            if MDByte.matches(t, i, "<![CDATA[") {
                if misses.cdata { return nil }
                var k = i + 9
                while let close = findSequence(t, from: k, MDByte.rbracket, MDByte.rbracket) {
                    if close + 2 < n && t[close + 2] == MDByte.greater { return (close + 3, false) }
                    k = close + 1
                }
                misses.cdata = true
                return nil
            }
            guard j + 1 < n, MDByte.isAlpha(t[j + 1]), !misses.declaration else { return nil }
            guard let close = MDByte.find(MDByte.greater, in: t, from: j + 1, to: n) else {
                misses.declaration = true
                return nil
            }
            return (close + 1, false)
        default:
            return nil
        }
    }

    private func tagNameEnd(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && (MDByte.isAlnum(t[j]) || t[j] == MDByte.minus) { j += 1 }
        return j
    }

    private func skipWhitespace(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && MDByte.isWhitespace(t[j]) { j += 1 }
        return j
    }

    private func skipBlanks(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && MDByte.isBlank(t[j]) { j += 1 }
        return j
    }

    /// Spaces and tabs with at most one line ending among them.
    private func skipSpaceOneNewline(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = skipBlanks(t, from)
        if j < t.count && t[j] == MDByte.lf { j = skipBlanks(t, j + 1) }
        return j
    }

    private func findSequence(_ t: UnsafeBufferPointer<UInt8>, from: Int, _ a: UInt8, _ b: UInt8) -> Int? {
        var j = from
        while let k = MDByte.find(a, in: t, from: j, to: t.count) {
            if k + 1 < t.count && t[k + 1] == b { return k }
            j = k + 1
        }
        return nil
    }

    // MARK: Links

    private func closeBracket(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ openers: inout [Opener]) -> Int {
        let n = t.count
        guard let opener = openers.popLast(), opener.active else { return i + 1 }
        let textStart = opener.position + 1
        func deactivate() {
            if !opener.image { for k in openers.indices where !openers[k].image { openers[k].active = false } }
        }
        // Inline link or image: `](destination "title")`.
        if i + 1 < n && t[i + 1] == MDByte.lparen, let end = inlineLinkTail(t, i + 1) {
            add(i + 1, end, .linkDestination)
            deactivate()
            return end
        }
        // Footnote reference `[^label]` (a label without spaces or markup, as kramdown and GFM use).
        if !opener.image && textStart < i && t[textStart] == MDByte.caret && i - textStart > 1 && i - textStart <= 100
            && !(textStart + 1..<i).contains(where: { k in
                let c = t[k]
                return MDByte.isWhitespace(c) || c == MDByte.backtick || c == MDByte.less || c == MDByte.lbracket
                    || c == MDByte.rbracket
            }) {
            add(opener.position, i + 1, .linkDestination)
            return i + 1
        }
        // Full `[text][label]` or collapsed `[label][]` reference.
        if i + 1 < n && t[i + 1] == MDByte.lbracket, let close = labelEnd(t, i + 1) {
            if close == i + 2 {
                if isDefined(t, textStart..<i) {
                    add(opener.position, close + 1, .linkDestination)
                    deactivate()
                    return close + 1
                }
            } else if isDefined(t, (i + 2)..<close) {
                add(i + 1, close + 1, .linkDestination)
                deactivate()
                return close + 1
            }
        }
        // Shortcut reference `[label]`: its text is the label.
        if isDefined(t, textStart..<i) {
            add(opener.position, i + 1, .linkDestination)
            deactivate()
        }
        return i + 1
    }

    /// Index of the `]` closing the link label opened at `p` (`[`), or nil.
    private func labelEnd(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
        var k = p + 1
        while k < t.count && k - p <= 1000 {
            switch t[k] {
            case MDByte.backslash: k += 2
            case MDByte.lbracket: return nil
            case MDByte.rbracket: return k
            default: k += 1
            }
        }
        return nil
    }

    private func isDefined(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !definedLabels.isEmpty, !range.isEmpty, range.count <= 999 else { return false }
        return definedLabels.contains(InlineScanner.normalizedLabel(t, range))
    }

    /// A link label for matching: trimmed, whitespace runs as one space, ASCII lowercased.
    static func normalizedLabel(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var pendingSpace = false
        for k in range {
            let b = t[k]
            if MDByte.isWhitespace(b) { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(MDByte.space); pendingSpace = false }
            out.append(MDByte.lower(b))
        }
        return out
    }

    /// `(destination "title")` at `p` (`(`): its end, or nil when it is not one.
    private func inlineLinkTail(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
        let n = t.count
        var j = skipSpaceOneNewline(t, p + 1)
        guard j < n else { return nil }
        if t[j] == MDByte.rparen { return j + 1 }
        guard let destEnd = destinationEnd(t, j) else { return nil }
        j = skipSpaceOneNewline(t, destEnd)
        if j < n && j > destEnd, let titleEnd = titleEnd(t, j) {
            j = skipSpaceOneNewline(t, titleEnd)
        }
        return j < n && t[j] == MDByte.rparen ? j + 1 : nil
    }

    /// A link destination at `j`: `<...>` or a run without spaces and with balanced parentheses.
    /// Opaque (Liquid) zones count as part of it.
    private func destinationEnd(_ t: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let n = t.count
        var j = start
        if t[j] == MDByte.less {
            j += 1
            while j < n {
                if let end = opaqueEnd(at: j) { j = end; continue }
                let c = t[j]
                if c == MDByte.greater { return j + 1 }
                if c == MDByte.lf || c == MDByte.less { return nil }
                j += c == MDByte.backslash ? 2 : 1
            }
            return nil
        }
        // Like cmark 0.29 (`manual_scan_link_url_2`): parentheses nest (at most 32 deep), and a
        // destination ended by a space is accepted even with a `(` left open.
        var depth = 0
        var endedBySpace = false
        while j < n {
            if let end = opaqueEnd(at: j) { j = end; continue }
            let c = t[j]
            if c == MDByte.backslash && j + 1 < n && MDByte.isPunctuation(t[j + 1]) { j += 2; continue }
            if c == MDByte.lparen {
                depth += 1
                if depth > 32 { return nil }
            } else if c == MDByte.rparen {
                if depth == 0 { break }
                depth -= 1
            } else if c <= MDByte.space || c == 0x7F {
                endedBySpace = true
                break
            }
            j += 1
        }
        return j > start && (depth == 0 || endedBySpace) ? j : nil
    }

    /// A link title at `j` (`"..."`, `'...'` or `(...)`): its end, or nil.
    private func titleEnd(_ t: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int? {
        let open = t[j]
        let close: UInt8
        switch open {
        case MDByte.quote, MDByte.apostrophe: close = open
        case MDByte.lparen: close = MDByte.rparen
        default: return nil
        }
        switch open {
        case MDByte.quote: if misses.titleDoubleQuote { return nil }
        case MDByte.apostrophe: if misses.titleSingleQuote { return nil }
        default: if misses.titleParen { return nil }
        }
        var k = j + 1
        while k < t.count {
            if let end = opaqueEnd(at: k) { k = end; continue }
            let c = t[k]
            if c == MDByte.backslash { k += 2; continue }
            if c == close { return k + 1 }
            if open == MDByte.lparen && c == MDByte.lparen { return nil }
            k += 1
        }
        switch open {
        case MDByte.quote: misses.titleDoubleQuote = true
        case MDByte.apostrophe: misses.titleSingleQuote = true
        default: misses.titleParen = true
        }
        return nil
    }

    // MARK: Reference definitions

    /// Consumes the link reference definitions at the start of the loaded text (a paragraph's
    /// leading lines), records their labels and adds a `.linkDestination` zone over each whole
    /// definition (label, destination and title: editing any of them breaks links). Returns the
    /// virtual offset where the paragraph's inline content starts (`text.count` when none is left).
    func consumeReferenceDefinitions() -> Int {
        text.withUnsafeBufferPointer { t in
            var p = 0
            while p < t.count, let (labelStart, end) = definition(t, p) {
                add(labelStart, end, .linkDestination)
                guard let newline = MDByte.find(MDByte.lf, in: t, from: end, to: t.count) else { return t.count }
                p = newline + 1
            }
            return p
        }
    }

    private func definition(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> (Int, Int)? {
        let n = t.count
        var j = p
        while j < n && j - p < 3 && t[j] == MDByte.space { j += 1 }
        guard j < n, t[j] == MDByte.lbracket, j + 1 < n, t[j + 1] != MDByte.caret else { return nil }
        let labelStart = j
        guard let close = labelEnd(t, j), close - j - 1 <= 999 else { return nil }
        let label = InlineScanner.normalizedLabel(t, (j + 1)..<close)
        guard !label.isEmpty, close + 1 < n, t[close + 1] == MDByte.colon else { return nil }
        j = skipSpaceOneNewline(t, close + 2)
        guard j < n, t[j] != MDByte.lf else { return nil }
        guard let destEnd = destinationEnd(t, j) else { return nil }
        let afterDest = skipBlanks(t, destEnd)
        let destLineEnds = afterDest >= n || t[afterDest] == MDByte.lf
        var titleStart = afterDest
        if destLineEnds && afterDest < n { titleStart = skipBlanks(t, afterDest + 1) }
        if titleStart < n && titleStart > destEnd, let end = titleEnd(t, titleStart) {
            let after = skipBlanks(t, end)
            if after >= n || t[after] == MDByte.lf {
                definedLabels.insert(label)
                return (labelStart, end)
            }
        }
        guard destLineEnds else { return nil }
        definedLabels.insert(label)
        return (labelStart, destEnd)
    }

    // MARK: GFM bare autolinks (cmark-gfm's autolink extension)

    /// `http://`, `https://`, `ftp://` at the `:` at `i`.
    private func schemeAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, floor: Int) -> (Int, Int)? {
        let n = t.count
        guard i + 3 < n, t[i + 1] == MDByte.slash, t[i + 2] == MDByte.slash else { return nil }
        var r = i
        while r > floor && i - r < 6 && MDByte.isAlpha(t[r - 1]) { r -= 1 }
        let length = i - r
        guard length == 3 || length == 4 || length == 5 else { return nil }
        var scheme = [UInt8]()
        for k in r..<i { scheme.append(MDByte.lower(t[k])) }
        guard scheme == [0x68, 0x74, 0x74, 0x70] || scheme == [0x68, 0x74, 0x74, 0x70, 0x73] || scheme == [0x66, 0x74, 0x70]
        else { return nil }
        let domainStart = i + 3
        guard let domainLength = checkDomain(t, domainStart, allowShort: true) else { return nil }
        var end = domainStart + domainLength
        while end < n && !MDByte.isWhitespace(t[end]) && t[end] != MDByte.less { end += 1 }
        end = autolinkDelimiter(t, r, end)
        return end > domainStart ? (r, end) : nil
    }

    /// `www.` at `i`, after a space, a line start or one of `*_~(`.
    private func wwwAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
        guard MDByte.matches(t, i, "www.") else { return nil }
        if i > 0 {
            let before = t[i - 1]
            guard MDByte.isWhitespace(before) || before == MDByte.star || before == MDByte.underscore
                    || before == MDByte.tilde || before == MDByte.lparen else { return nil }
        }
        guard let domainLength = checkDomain(t, i, allowShort: false) else { return nil }
        var end = i + domainLength
        while end < t.count && !MDByte.isWhitespace(t[end]) && t[end] != MDByte.less { end += 1 }
        end = autolinkDelimiter(t, i, end)
        return end > i ? (i, end) : nil
    }

    /// An e-mail address around the `@` at `i`.
    private func emailAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, floor: Int) -> (Int, Int)? {
        var r = i
        while r > floor && i - r < 64 {
            let c = t[r - 1]
            if MDByte.isAlnum(c) || c == MDByte.dot || c == MDByte.plus || c == MDByte.minus || c == MDByte.underscore {
                r -= 1
            } else {
                break
            }
        }
        guard r < i else { return nil }
        var end = i
        var ats = 0, dots = 0
        while end < t.count && end - i < 256 {
            let c = t[end]
            if MDByte.isAlnum(c) { end += 1; continue }
            if c == MDByte.at { ats += 1 } else if c == MDByte.dot && end + 1 < t.count && MDByte.isAlnum(t[end + 1]) {
                dots += 1
            } else if c != MDByte.minus && c != MDByte.underscore {
                break
            }
            end += 1
        }
        guard end - i >= 2, ats == 1, dots > 0, MDByte.isAlpha(t[end - 1]) || t[end - 1] == MDByte.dot else { return nil }
        end = autolinkDelimiter(t, r, end)
        return end > i + 1 ? (r, end) : nil
    }

    /// cmark-gfm's `check_domain`: the length of the domain at `start`, nil when invalid.
    private func checkDomain(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, allowShort: Bool) -> Int? {
        let size = t.count - start
        guard size > 1 else { return nil }
        var k = 1, dots = 0, underscoreBefore = 0, underscoreLast = 0
        while k < size - 1 {
            let c = t[start + k]
            if c == MDByte.backslash && k < size - 2 { k += 1 }
            let d = t[start + k]
            if d == MDByte.underscore {
                underscoreLast += 1
            } else if d == MDByte.dot {
                underscoreBefore = underscoreLast
                underscoreLast = 0
                dots += 1
            } else if !(MDByte.isAlnum(d) || d >= 0x80 || d == MDByte.minus) {
                break
            }
            k += 1
        }
        if (underscoreBefore > 0 || underscoreLast > 0) && dots <= 10 { return nil }
        if !allowShort && dots == 0 { return nil }
        return k
    }

    /// cmark-gfm's `autolink_delim`: drops trailing punctuation, unbalanced `)` and entity-like `&x;`.
    private func autolinkDelimiter(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var linkEnd = end
        if let lt = MDByte.find(MDByte.less, in: t, from: start, to: linkEnd) { linkEnd = lt }
        while linkEnd > start {
            let c = t[linkEnd - 1]
            switch c {
            case MDByte.question, MDByte.bang, MDByte.dot, 0x2C, MDByte.colon, MDByte.star, MDByte.underscore,
                 MDByte.tilde, MDByte.apostrophe, MDByte.quote:
                linkEnd -= 1
            case 0x3B: // ;
                var k = linkEnd - 2
                while k > start && MDByte.isAlpha(t[k]) { k -= 1 }
                if k < linkEnd - 2 && t[k] == 0x26 { linkEnd = k } else { linkEnd -= 1 }
            case MDByte.rparen:
                var opening = 0, closing = 0
                for k in start..<linkEnd {
                    if t[k] == MDByte.lparen { opening += 1 } else if t[k] == MDByte.rparen { closing += 1 }
                }
                if closing <= opening { return linkEnd }
                linkEnd -= 1
            default:
                return linkEnd
            }
        }
        return linkEnd
    }

    // MARK: Phase B: math

    /// `$$...$$` (may span the block's lines) and `$...$` on one line: the opening `$` not
    /// followed by a space, the closing one (the next unescaped `$` on the line) not preceded by
    /// a space nor followed by a digit; `\$` is never a delimiter; delimiters inside phase-A or
    /// opaque zones do not count.
    private func phaseB(_ t: UnsafeBufferPointer<UInt8>, from: Int) {
        guard MDByte.find(MDByte.dollar, in: t, from: from, to: t.count) != nil else { return }
        // Ranges to step over: phase-A zones and opaque zones, sorted and merged.
        var skip = found.map { $0.start..<$0.end } + opaque
        skip.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in skip {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        func skipEnd(_ v: Int) -> Int? {
            var low = 0, high = merged.count
            while low < high {
                let mid = (low + high) / 2
                if merged[mid].upperBound <= v { low = mid + 1 } else { high = mid }
            }
            return low < merged.count && merged[low].lowerBound <= v ? merged[low].upperBound : nil
        }
        func escaped(_ k: Int) -> Bool {
            var backslashes = 0
            var m = k
            while m > 0 && t[m - 1] == MDByte.backslash { backslashes += 1; m -= 1 }
            return backslashes % 2 == 1
        }
        let n = t.count
        var i = from
        // The end of the line of the current `$`, found once per line (not once per `$`: one
        // long line of inline math would cost its length per delimiter).
        var lineEnd = -1
        while let d = MDByte.find(MDByte.dollar, in: t, from: i, to: n) {
            if let end = skipEnd(d) { i = end; continue }
            if escaped(d) { i = d + 1; continue }
            if d + 1 < n && t[d + 1] == MDByte.dollar {
                // Display math: up to the next unescaped `$$` outside zones.
                var j = d + 2
                var close: Int?
                while let e = MDByte.find(MDByte.dollar, in: t, from: j, to: n) {
                    if let end = skipEnd(e) { j = end; continue }
                    if e + 1 < n && t[e + 1] == MDByte.dollar && !escaped(e) { close = e; break }
                    j = e + 1
                }
                if let close {
                    add(d, close + 2, .math)
                    i = close + 2
                } else {
                    i = d + 2
                }
                continue
            }
            guard d + 1 < n, !MDByte.isWhitespace(t[d + 1]) else { i = d + 1; continue }
            if lineEnd < d + 1 { lineEnd = MDByte.find(MDByte.lf, in: t, from: d + 1, to: n) ?? n }
            var j = d + 1
            var close: Int?
            while let e = MDByte.find(MDByte.dollar, in: t, from: j, to: lineEnd) {
                if let end = skipEnd(e) {
                    if end > lineEnd { break }
                    j = end
                    continue
                }
                if escaped(e) { j = e + 1; continue }
                // The first unescaped `$` is the only candidate (as in remark-math and KaTeX's
                // auto-render): `$5 and $10 ... x$` never spans the prices.
                if !MDByte.isWhitespace(t[e - 1]) && !(e + 1 < n && MDByte.isDigit(t[e + 1])) { close = e }
                break
            }
            if let close {
                add(d, close + 1, .math)
                i = close + 1
            } else {
                i = d + 1
            }
        }
    }
}
