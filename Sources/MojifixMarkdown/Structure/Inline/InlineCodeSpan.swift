/// Code spans: a backtick run closed by the next run of the same length (CommonMark 6.1).
extension InlineScanner {
    func codeSpanEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ run: Int) -> Int? {
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
}
