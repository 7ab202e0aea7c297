internal import MojifixICU

/// The lines of a document holding a character beyond NFC's quick check (not quick-check Yes
/// with combining class 0), each from the line feed before it (the first from the start): the
/// only lines `unicode-nfc` can change. Found once per document, and after a round of edits only
/// where such a character may be: where one was before (moved through the edits) and on the lines
/// the edits touched. A character is one or the other by itself, and a line no edit touched holds
/// the same bytes as before, so nothing is missed.
final class NFCLines: @unchecked Sendable {
    /// Where such characters may be (nil: anywhere).
    let scope: [Range<Int>]?
    /// The lines, once `unicode-nfc` has looked (one normalisation on one thread uses a document).
    private(set) var found: [Range<Int>]?

    init(scope: [Range<Int>]? = nil) { self.scope = scope }

    /// The lines of `p` (the document's bytes), found once.
    func lines(_ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        if let found { return found }
        let lines = Self.find(p, within: scope)
        found = lines
        return lines
    }

    /// The lines of `p` holding such a character, looking only at the lines `scope` reaches.
    static func find(_ p: UnsafeBufferPointer<UInt8>, within scope: [Range<Int>]?) -> [Range<Int>] {
        let n = p.count
        var lines: [Range<Int>] = []
        // Everything before this offset has been looked at (ranges on one long line are looked
        // at once: linear in the document).
        var looked = 0
        for range in scope ?? [0..<n] {
            // Whole lines: from the line feed before the range to the one after it.
            var i = min(range.lowerBound, n)
            if i <= looked {
                i = looked
            } else {
                while i > looked && p[i - 1] != MDByte.lf { i -= 1 }
                if i > looked { i -= 1 }
            }
            let end = MDByte.find(MDByte.lf, in: p, from: max(min(range.upperBound, n), i), to: n) ?? n
            looked = max(looked, end)
            while i < end {
                i += ICUNormalizer.nfcQuickYesSpan(UnsafeBufferPointer(rebasing: p[i..<end]))
                guard i < end else { break }
                var start = i
                let floor = lines.last?.upperBound ?? 0
                while start > floor && p[start] != MDByte.lf { start -= 1 }
                let lineEnd = MDByte.find(MDByte.lf, in: p, from: i, to: n) ?? n
                lines.append(start..<lineEnd)
                i = lineEnd
            }
        }
        return lines
    }

    /// Where such characters may be after `edits` (sorted, not overlapping) of a document whose
    /// lines were `lines`: those lines moved through the edits, and each edit's new bytes.
    static func scope(of lines: [Range<Int>], after edits: [TextEdit]) -> [Range<Int>] {
        // Where each edit starts in the new bytes.
        var starts: [Int] = []
        starts.reserveCapacity(edits.count)
        var delta = 0
        for edit in edits {
            starts.append(edit.range.lowerBound + delta)
            delta += edit.replacement.count - edit.range.count
        }
        // New offset of old offset `x`: after every edit ending at or before it; inside an edit,
        // that edit's new start.
        func moved(_ x: Int) -> Int {
            var low = 0, high = edits.count
            while low < high {
                let mid = (low + high) / 2
                if edits[mid].range.upperBound <= x { low = mid + 1 } else { high = mid }
            }
            if low < edits.count && edits[low].range.lowerBound < x { return starts[low] }
            guard low > 0 else { return x }
            let before = edits[low - 1]
            return starts[low - 1] + before.replacement.count + (x - before.range.upperBound)
        }
        var result = lines.map { moved($0.lowerBound)..<max(moved($0.lowerBound), moved($0.upperBound)) }
        for (edit, start) in zip(edits, starts) { result.append(start..<(start + edit.replacement.count)) }
        return merged(result)
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, range.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                out.append(range)
            }
        }
        return out
    }
}
