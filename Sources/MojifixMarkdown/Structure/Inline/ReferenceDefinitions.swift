/// Link reference definitions (CommonMark 4.7) at the start of a paragraph.
extension InlineScanner {
    /// Consumes the link reference definitions at the start of the loaded text (a paragraph's
    /// leading lines), records their labels and adds a `.linkDestination` zone over each whole
    /// definition (label, destination and title: editing any of them breaks links). Returns the
    /// virtual offset where the paragraph's inline content starts (`text.count` when none is left).
    func consumeReferenceDefinitions() -> Int {
        withText { t in
            var p = 0
            while p < t.count, let (labelStart, end) = definition(t, p) {
                add(labelStart, end, .linkDestination)
                guard let newline = MDByte.find(MDByte.lf, in: t, from: end, to: t.count) else { return t.count }
                p = newline + 1
            }
            return p
        }
    }

    func definition(_ t: UnsafeBufferPointer<UInt8>, _ p: Int) -> (Int, Int)? {
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
}
