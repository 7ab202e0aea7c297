import MojifixText
internal import CMojifixScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes for the structure scanners (ASCII only: CommonMark's syntax is ASCII).
enum MDByte {
    static let tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, space: UInt8 = 0x20
    static let bang: UInt8 = 0x21, quote: UInt8 = 0x22, hash: UInt8 = 0x23, dollar: UInt8 = 0x24
    static let percent: UInt8 = 0x25, apostrophe: UInt8 = 0x27, lparen: UInt8 = 0x28, rparen: UInt8 = 0x29
    static let star: UInt8 = 0x2A, plus: UInt8 = 0x2B, minus: UInt8 = 0x2D, dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F, colon: UInt8 = 0x3A, less: UInt8 = 0x3C, equal: UInt8 = 0x3D
    static let greater: UInt8 = 0x3E, question: UInt8 = 0x3F, at: UInt8 = 0x40, lbracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C, rbracket: UInt8 = 0x5D, caret: UInt8 = 0x5E, underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60, lbrace: UInt8 = 0x7B, pipe: UInt8 = 0x7C, rbrace: UInt8 = 0x7D
    static let tilde: UInt8 = 0x7E

    /// Space or tab.
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
    /// CommonMark whitespace (space, tab, LF, CR, VT, FF).
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == space || (b >= tab && b <= cr) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isAlpha(b) ? b | 0x20 : b }
    /// ASCII punctuation (the characters a backslash can escape).
    @inline(__always) static func isPunctuation(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x2F) || (b >= 0x3A && b <= 0x40) || (b >= 0x5B && b <= 0x60) || (b >= 0x7B && b <= 0x7E)
    }

    /// Index of the first `byte` in `s[from..<to]`, or nil (memchr).
    @inline(__always)
    static func find(_ byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = s.baseAddress else { return nil }
        guard let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// Index of the first byte of `s[from..<to]` that is one of `set` (at most 16 bytes), or nil:
    /// memchr for several bytes in one pass.
    @inline(__always)
    static func find(anyOf set: [UInt8], in s: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = s.baseAddress else { return nil }
        let k = set.withUnsafeBufferPointer { mj_markdown_find_any(base + from, to - from, $0.baseAddress, $0.count) }
        return k < to - from ? from + k : nil
    }

    /// True when `s[at...]` starts with `literal`.
    @inline(__always)
    static func matches(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString, end: Int? = nil) -> Bool {
        let limit = end ?? s.count
        let count = literal.utf8CodeUnitCount
        guard at >= 0, at + count <= limit else { return false }
        let lit = literal.utf8Start
        for k in 0..<count where s[at + k] != lit[k] { return false }
        return true
    }
}

/// cmark's positions on the document's lines (`MojifixText.LineTable`, where a lone CR ends a
/// line as for cmark).
extension LineTable {
    /// The lines of `s` as `LineTable(s)` gives them (a lone CR ends a line), faster for CRLF
    /// text: when every CR is followed by a LF, the lines are those of the line feeds alone,
    /// found with memchr, as `LineTable(s, loneCREndsLine: false)` finds them.
    static func markdown(_ s: UnsafeBufferPointer<UInt8>) -> LineTable {
        var from = 0
        while let cr = MDByte.find(MDByte.cr, in: s, from: from, to: s.count) {
            guard cr + 1 < s.count, s[cr + 1] == MDByte.lf else { return LineTable(s) }
            from = cr + 2
        }
        return LineTable(s, loneCREndsLine: false)
    }

    /// 0-based line index of a cmark line number (1-based), clamped to the table.
    @inline(__always) func index(ofCMarkLine line: Int32) -> Int {
        min(max(Int(line) - 1, 0), max(lines.count - 1, 0))
    }

    /// Byte offset of a cmark position (1-based line, 1-based byte column), clamped to the line.
    func offset(cmarkLine line: Int32, column: Int32) -> Int {
        guard !lines.isEmpty else { return 0 }
        let range = lines[index(ofCMarkLine: line)]
        return min(range.lowerBound + max(Int(column) - 1, 0), range.upperBound)
    }
}
