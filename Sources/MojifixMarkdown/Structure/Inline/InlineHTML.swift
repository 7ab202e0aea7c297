/// Raw HTML (CommonMark 6.6): open and closing tags, comments, processing instructions,
/// declarations and CDATA; and the small skips the link recognisers share.
extension InlineScanner {
    /// Raw HTML at `i` (`<`): open tag, closing tag, comment, processing instruction,
    /// declaration or CDATA. Returns its end and whether it is a comment.
    func htmlEnd(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Bool)? {
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
                guard let end = findClose(t, from: i + 4, MDByte.minus) else { misses.comment = true; return nil }
                return (end, true)
            }
            if MDByte.matches(t, i, "<![CDATA[") {
                if misses.cdata { return nil }
                guard let end = findClose(t, from: i + 9, MDByte.rbracket) else { misses.cdata = true; return nil }
                return (end, false)
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

    func tagNameEnd(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && (MDByte.isAlnum(t[j]) || t[j] == MDByte.minus) { j += 1 }
        return j
    }

    func skipWhitespace(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && MDByte.isWhitespace(t[j]) { j += 1 }
        return j
    }

    func skipBlanks(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < t.count && MDByte.isBlank(t[j]) { j += 1 }
        return j
    }

    /// Spaces and tabs with at most one line ending among them.
    func skipSpaceOneNewline(_ t: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = skipBlanks(t, from)
        if j < t.count && t[j] == MDByte.lf { j = skipBlanks(t, j + 1) }
        return j
    }

    /// The end of the first `-->` (or `]]>`: `c` is the doubled byte) from `from`.
    func findClose(_ t: UnsafeBufferPointer<UInt8>, from: Int, _ c: UInt8) -> Int? {
        var k = from
        while let pair = findSequence(t, from: k, c, c) {
            if pair + 2 < t.count && t[pair + 2] == MDByte.greater { return pair + 3 }
            k = pair + 1
        }
        return nil
    }

    func findSequence(_ t: UnsafeBufferPointer<UInt8>, from: Int, _ a: UInt8, _ b: UInt8) -> Int? {
        var j = from
        while let k = MDByte.find(a, in: t, from: j, to: t.count) {
            if k + 1 < t.count && t[k + 1] == b { return k }
            j = k + 1
        }
        return nil
    }
}
