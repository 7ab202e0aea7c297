import MojifixText
#if canImport(Glibc)
import Glibc
#endif

/// Where a text quotes other text as written: Markdown code blocks (fenced or indented), code
/// spans, block quotes, and spans between typographic quotation marks on one line (`“…”`, `„…“`,
/// `«…»`, `「…」`). Mojibake found only there, in a document otherwise clean, is an example
/// someone quoted on purpose (a test fixture, a page explaining mojibake) and stays as written.
/// Lines holding the pragma `mojifix: ignore` (in any comment syntax) are never repaired.
struct QuotedRegions {
    static let pragma = Array("mojifix: ignore".utf8)

    /// Sorted, non-overlapping byte ranges; `quoted` of the lines read so far (see `read`).
    private(set) var quoted: [Range<Int>] = []
    private(set) var ignored: [Range<Int>] = []
    /// Some line has words outside every quoted region: the document is prose that quotes, not
    /// (say) a lone tab-indented line or a JSON string that merely looks like a code block.
    /// (Of the lines read so far.)
    private(set) var hasProse = false

    /// The quoted regions are found line by line when first asked for, up to the line asked
    /// about: a garbled document's first repair is rarely quoted, and finding every span of a
    /// long garbled text (each `“` a mojibake `â€œ` shows) was a few percent of its repair.
    private let p: UnsafeBufferPointer<UInt8>
    /// Where the next line to read starts, and what the lines before it leave open.
    private var next = 0
    private var fence: (byte: UInt8, count: Int)? = nil
    private var previousBlank = true, previousIndentedCode = false

    /// `p` must outlive the regions (they read its lines when asked).
    init(_ p: UnsafeBufferPointer<UInt8>) {
        self.p = p
        var start = 0
        while start < p.count {
            let end = Self.lineEnd(p, from: start)
            if Self.contains(Self.pragma, in: p, start..<end) { ignored.append(start..<end) }
            start = end + 1
        }
    }

    /// Quoted ranges lie within a line, as units do: the lines up to `range`'s tell whether it is
    /// quoted, and `hasProse` needs more only while no line read so far has prose.
    mutating func isQuoted(_ range: Range<Int>) -> Bool {
        let last = max(range.lowerBound, range.upperBound - 1)
        while next <= last && next < p.count { readLine() }
        guard Self.covers(quoted, range) else { return false }
        while !hasProse && next < p.count { readLine() }
        return hasProse
    }

    func isIgnored(_ range: Range<Int>) -> Bool { Self.covers(ignored, range) }

    /// Reads the line at `next`: code blocks, block quotes, or the spans within it.
    private mutating func readLine() {
        let start = next
        let end = Self.lineEnd(p, from: start)
        let line = start..<end
        var indent = 0
        while start + indent < end && p[start + indent] == 0x20 && indent < 4 { indent += 1 }
        let first = start + indent
        let blank = (start..<end).allSatisfy { p[$0] == 0x20 || p[$0] == 0x09 || p[$0] == 0x0D }
        var indentedCode = false
        if let open = fence {
            quoted.append(line)
            if Self.run(of: open.byte, in: p, at: first, end) >= open.count { fence = nil }
        } else if indent < 4, first < end, p[first] == 0x60 || p[first] == 0x7E, Self.run(of: p[first], in: p, at: first, end) >= 3 {
            fence = (p[first], Self.run(of: p[first], in: p, at: first, end))
            quoted.append(line)
        } else if !blank && (indent == 4 || (first < end && p[first] == 0x09)) && (previousBlank || previousIndentedCode) {
            quoted.append(line)
            indentedCode = true
        } else if indent < 4, first < end, p[first] == 0x3E {
            quoted.append(line)
        } else {
            inlineSpans(p, line)
        }
        previousBlank = blank
        previousIndentedCode = indentedCode || (blank && previousIndentedCode)
        next = end + 1
    }

    /// Code spans (matching backtick runs) and typographic quotations within one line.
    private mutating func inlineSpans(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
        guard let base = p.baseAddress else { return }
        // A search that found no closer from some point on finds none from later points either:
        // each kind of opener is searched for at most once past that point (a long line of
        // unclosed openers, `Å“` in French read as Windows-1252, was quadratic).
        var unclosedRuns: Set<Int> = []
        var unclosedQuotes: Set<UInt32> = []
        var i = line.lowerBound
        while i < line.upperBound {
            // Only a backtick or the lead byte of an opening mark (C2, E2, E3) starts a span, and
            // in UTF-8 neither is ever inside a character: the characters before the next one are
            // passed over whole, noting only whether one of them is a letter or non-ASCII (prose).
            var next = i
            // Eight bytes at a time while none of them is one of the four.
            while next + 8 <= line.upperBound && !Self.holdsAnOpener(UnsafeRawPointer(base + next).loadUnaligned(as: UInt64.self)) {
                next += 8
            }
            while next < line.upperBound {
                let b = base[next]
                if b == 0x60 || b == 0xC2 || b == 0xE2 || b == 0xE3 { break }
                next += 1
            }
            if !hasProse {
                for k in i..<next where (0x41...0x5A).contains(base[k]) || (0x61...0x7A).contains(base[k]) || base[k] >= 0x80 {
                    hasProse = true
                    break
                }
            }
            i = next
            guard i < line.upperBound else { break }
            if p[i] == 0x60 {
                let length = Self.run(of: 0x60, in: p, at: i, line.upperBound)
                var j = unclosedRuns.contains(length) ? line.upperBound : i + length
                var closed = false
                while j < line.upperBound {
                    if p[j] == 0x60 {
                        let other = Self.run(of: 0x60, in: p, at: j, line.upperBound)
                        if other == length { quoted.append(i..<j + other); i = j + other; closed = true; break }
                        j += other
                    } else {
                        j += 1
                    }
                }
                if !closed { i += length; unclosedRuns.insert(length) }
                continue
            }
            hasProse = true
            let (scalar, length) = UTF8.decode(p, at: i)
            if scalar >= 0xAB, let closers = Self.closers(of: scalar) {
                var j = unclosedQuotes.contains(scalar) ? line.upperBound : i + length
                while j < line.upperBound {
                    let (s, l) = UTF8.decode(p, at: j)
                    if closers.contains(s) { quoted.append(i..<j + l); break }
                    j += l
                }
                if j >= line.upperBound { unclosedQuotes.insert(scalar) }
                i = j < line.upperBound ? j + UTF8.decode(p, at: j).length : i + length
                continue
            }
            i += length
        }
    }

    /// Some byte of `word` is a backtick or C2, E2 or E3.
    static func holdsAnOpener(_ word: UInt64) -> Bool {
        ByteWords.holds(0x60, in: word) || ByteWords.holds(0xC2, in: word) || ByteWords.holds(0xE2, in: word) || ByteWords.holds(0xE3, in: word)
    }

    /// The marks that close an opening quotation mark.
    static func closers(of opening: UInt32) -> [UInt32]? {
        switch opening {
        case 0x201C: return [0x201D]
        case 0x201E: return [0x201C, 0x201D]
        case 0xAB: return [0xBB]
        case 0xBB: return [0xAB]
        case 0x300C: return [0x300D]
        case 0x300E: return [0x300F]
        default: return nil
        }
    }

    private static func run(of byte: UInt8, in p: UnsafeBufferPointer<UInt8>, at i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && p[j] == byte { j += 1 }
        return j - i
    }

    private static func contains(_ needle: [UInt8], in p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= needle.count, let base = p.baseAddress else { return false }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound, let found = memchr(base + i, Int32(needle[0]), range.upperBound - needle.count + 1 - i) {
            i = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            var k = 1
            while k < needle.count && base[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// The offset of the next newline at or after `start`, or the end.
    private static func lineEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = p.baseAddress, let found = memchr(base + start, 0x0A, p.count - start) else { return p.count }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    private static func covers(_ ranges: [Range<Int>], _ range: Range<Int>) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].lowerBound <= range.lowerBound && range.upperBound <= ranges[low].upperBound
    }
}
