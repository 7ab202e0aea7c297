/// Links and images (CommonMark 6.3, 6.4): inline destinations and titles, full, collapsed and
/// shortcut references to defined labels, and footnote references.
extension InlineScanner {
    func closeBracket(_ t: UnsafeBufferPointer<UInt8>, _ i: Int, _ openers: inout [Opener]) -> Int {
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
    func labelEnd(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
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

    func isDefined(_ t: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
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
    func inlineLinkTail(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int? {
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
    func destinationEnd(_ t: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
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
    func titleEnd(_ t: UnsafeBufferPointer<UInt8>, _ j: Int) -> Int? {
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
}
