internal import CMojifixScan

/// The offsets of a document's *rare bytes*: CR, and the lead bytes C0-E9 and EE-FF, which start
/// every character the character rules look for (zero-width and bidi characters, variation
/// selectors, emoji, C1 controls) but not Hangul syllables (EA-ED) nor ASCII. Found in one SIMD
/// pass the first time a rule asks, then shared by every rule of the round (each used to search
/// the whole document once per byte it looks for), and carried through the round's edits.
/// One normalisation on one thread uses a document.
final class RareBytes: @unchecked Sendable {
    private(set) var found: [Int]?

    init(found: [Int]? = nil) { self.found = found }

    /// Those of the document after `edits` (sorted, not overlapping) when they were found before:
    /// a byte is rare by itself, so the old ones outside the edits, moved, and those of the
    /// edits' new bytes (no pass over the whole document again).
    func carried(through edits: [TextEdit]) -> RareBytes {
        guard let found else { return RareBytes() }
        var result: [Int] = []
        result.reserveCapacity(found.count)
        var k = 0, delta = 0
        for edit in edits {
            while k < found.count && found[k] < edit.range.lowerBound { result.append(found[k] + delta); k += 1 }
            while k < found.count && found[k] < edit.range.upperBound { k += 1 }
            let start = edit.range.lowerBound + delta
            for (i, b) in edit.replacement.enumerated() where Self.isRare(b) { result.append(start + i) }
            delta += edit.replacement.count - edit.range.count
        }
        while k < found.count { result.append(found[k] + delta); k += 1 }
        return RareBytes(found: result)
    }

    static func isRare(_ b: UInt8) -> Bool { b == 0x0D || (b >= 0xC0 && !(0xEA...0xED).contains(b)) }

    /// The offsets in `p` (the document's bytes), in order.
    func offsets(_ p: UnsafeBufferPointer<UInt8>) -> [Int] {
        if let found { return found }
        var offsets: [Int] = []
        var from = 0
        while from < p.count, let base = p.baseAddress {
            let k = from + mj_markdown_rare_byte(base + from, p.count - from)
            guard k < p.count else { break }
            offsets.append(k)
            from = k + 1
        }
        found = offsets
        return offsets
    }
}
