#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lines of a text: content ranges without their `\n` / `\r\n` (and, when `loneCREndsLine`,
/// `\r`) terminators. A final line without a terminator counts; an empty text has no lines;
/// `"a\n"` has one line. The one line splitter of the libraries: the Markdown structure (where a
/// lone CR ends a line, as for cmark: old Mac files) and `LineIndex` are built on it.
package struct LineTable {
    package var lines: [Range<Int>]

    package init(_ s: UnsafeBufferPointer<UInt8>, loneCREndsLine: Bool = true) {
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var lines: [Range<Int>] = []
        lines.reserveCapacity(s.count / 48 + 1)
        var start = 0
        let n = s.count
        guard let base = s.baseAddress else {
            self.lines = []
            return
        }
        if loneCREndsLine && memchr(base, Int32(cr), n) != nil {
            // Slow path only for texts holding a CR.
            var i = 0
            while i < n {
                let c = s[i]
                if c == lf || c == cr {
                    lines.append(start..<i)
                    if c == cr && i + 1 < n && s[i + 1] == lf { i += 1 }
                    start = i + 1
                }
                i += 1
            }
            if start < n { lines.append(start..<n) }
            self.lines = lines
            return
        }
        while start < n {
            if let found = memchr(base + start, Int32(lf), n - start) {
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                lines.append(start..<(i > start && s[i - 1] == cr ? i - 1 : i))
                start = i + 1
            } else {
                lines.append(start..<n)
                start = n
            }
        }
        self.lines = lines
    }

    package var count: Int { lines.count }

    /// The line containing byte `offset` (binary search); offsets on a terminator belong to the line.
    @inlinable
    package func line(containing offset: Int) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let mid = (low + high) / 2
            if lines[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        return max(low - 1, 0)
    }

    /// True when the line holds only spaces and tabs.
    @inlinable
    package static func isBlank(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if s[i] != 0x20 && s[i] != 0x09 { return false }
            i += 1
        }
        return true
    }
}
