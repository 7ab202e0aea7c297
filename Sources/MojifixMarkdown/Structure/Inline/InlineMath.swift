/// Phase B: `$$...$$` and `$...$` math outside the phase-A zones.
extension InlineScanner {
    /// `$$...$$` (may span the block's lines) and `$...$` on one line: the opening `$` not
    /// followed by a space, the closing one (the next unescaped `$` on the line) not preceded by
    /// a space nor followed by a digit; `\$` is never a delimiter; delimiters inside phase-A or
    /// opaque zones do not count.
    func phaseB(_ t: UnsafeBufferPointer<UInt8>, from: Int) {
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
