internal import CMojifixScan

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

    var text: [UInt8] = []
    /// The loaded text when it is one segment of a source that outlives the scan (`inPlace`):
    /// read where it lies instead of copied into `text`.
    var borrowed: UnsafeBufferPointer<UInt8>?
    var segVirtual: [Int] = []
    var segSource: [Int] = []
    var segLength: [Int] = []
    var opaque: [Range<Int>] = []
    var found: [(start: Int, end: Int, kind: Kind)] = []
    var codeSpanMiss = [Bool](repeating: false, count: 65)
    var codeSpanMissTouched: [Int] = []
    /// Closers known to be absent from the rest of the block (a search that ran to the end
    /// failed, so any later search fails too): keeps unclosed constructs repeated many times linear.
    struct Misses {
        var comment = false, cdata = false, instruction = false, declaration = false
        var attributeDoubleQuote = false, attributeSingleQuote = false
        var titleDoubleQuote = false, titleSingleQuote = false, titleParen = false
    }
    var misses = Misses()

    struct Opener {
        var position: Int  // the `[`
        var image: Bool
        var active = true
    }

    /// Bytes phase A must look at; everything else is skipped in a tight loop.
    static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "\\`<![]:w@{".utf8 { table[Int(b)] = true }
        return table
    }()

    // MARK: Loading

    /// Loads the block `segments` of `s`; `sourceOpaque` are the Liquid/kramdown zones of the
    /// document, sorted and non-overlapping. `inPlace`: `s` stays valid until the next load, so a
    /// block of one segment is read in `s` (its virtual text is that segment's bytes, copied or not).
    func load(_ s: UnsafeBufferPointer<UInt8>, segments: [Range<Int>], sourceOpaque: [Range<Int>], inPlace: Bool = false) {
        borrowed = inPlace && segments.count == 1 ? UnsafeBufferPointer(rebasing: s[segments[0]]) : nil
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
            if borrowed == nil { text.append(contentsOf: UnsafeBufferPointer(rebasing: s[segment])) }
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
        opaque.isEmpty && withText { Self.nextSpecial($0, from: 0) == $0.count }
    }

    /// True when `segments` of `s` would load as plain text: no byte either phase reacts to, and
    /// no opaque zone (sorted, disjoint) overlapping them. Tells without copying the text.
    static func isPlain(_ s: UnsafeBufferPointer<UInt8>, segments: [Range<Int>], sourceOpaque: [Range<Int>]) -> Bool {
        guard let first = segments.first, let last = segments.last else { return true }
        if let next = sourceOpaque.first(endingAfter: first.lowerBound), next.lowerBound < last.upperBound { return false }
        return segments.allSatisfy { nextSpecial(s, from: $0.lowerBound, to: $0.upperBound) == $0.upperBound }
    }

    /// The first byte at or after `from` (before `to`, the end by default) that either phase
    /// reacts to (`special` or `$`), or `to`: 16 bytes at a time.
    @inline(__always)
    static func nextSpecial(_ t: UnsafeBufferPointer<UInt8>, from: Int, to: Int? = nil) -> Int {
        let to = to ?? t.count
        guard from < to, let base = t.baseAddress else { return to }
        return from + mj_markdown_inline_special(base + from, to - from)
    }

    func virtualOffset(ofSource x: Int, roundUp: Bool) -> Int {
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
        if roundUp { return k + 1 < segVirtual.count ? segVirtual[k + 1] : textCount }
        return segVirtual[k] + segLength[k]
    }

    /// Source offset of virtual offset `v` (a position, or an exclusive end when `isEnd`).
    func sourceOffset(ofVirtual v: Int, isEnd: Bool) -> Int {
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
        if v >= textCount { return segVirtual.count }
        var low = 0, high = segVirtual.count
        while low < high {
            let mid = (low + high) / 2
            if segVirtual[mid] <= v { low = mid + 1 } else { high = mid }
        }
        return max(low - 1, 0)
    }

    /// Runs `body` on the loaded text (for recognisers called from outside a scan).
    func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let borrowed { return body(borrowed) }
        return text.withUnsafeBufferPointer(body)
    }

    /// Length of the loaded text.
    var textCount: Int { borrowed?.count ?? text.count }

    // MARK: Scanning

    /// Scans the loaded text from virtual offset `from`.
    func scan(from: Int = 0) {
        guard from < textCount else { return }
        withText { t in
            phaseA(t, from: from)
            phaseB(t, from: from)
        }

    }

    func add(_ start: Int, _ end: Int, _ kind: Kind) { found.append((start, end, kind)) }

    /// End of the opaque zone containing `v`, if any.
    @inline(__always) func opaqueEnd(at v: Int) -> Int? { opaque.end(containing: v) }

    func phaseA(_ t: UnsafeBufferPointer<UInt8>, from: Int) {
        InlineScanner.special.withUnsafeBufferPointer { special in phaseA(t, from: from, special: special) }
    }

    func phaseA(_ t: UnsafeBufferPointer<UInt8>, from: Int, special: UnsafeBufferPointer<Bool>) {
        let n = t.count
        let hasOpaque = !opaque.isEmpty
        var i = from
        var openers: [Opener] = []
        var floor = from      // bare autolinks never reach back before this
        var bareEnd = from    // no bare autolink starts inside the previous one
        while i < n {
            let c = t[i]
            if !special[Int(c)] { i = Self.nextSpecial(t, from: i + 1); continue }
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
}
