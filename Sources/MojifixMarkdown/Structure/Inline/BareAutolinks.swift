/// GFM bare autolinks (cmark-gfm's autolink extension): `http(s)://`, `ftp://`, `www.`, e-mail.
extension InlineScanner {
    /// `http://`, `https://`, `ftp://` at the `:` at `i`.
    func schemeAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, floor: Int) -> (Int, Int)? {
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
    func wwwAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, Int)? {
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
    func emailAutolink(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, floor: Int) -> (Int, Int)? {
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
    func checkDomain(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, allowShort: Bool) -> Int? {
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
    func autolinkDelimiter(_ t: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
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
}
