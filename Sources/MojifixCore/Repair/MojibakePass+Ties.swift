/// Readings nothing tells apart. Windows-1250 and ISO-8859-2 show most bytes alike; where they
/// differ, a short line can read as well either way in some language (`jamĂĄs` is Spanish `jamás`
/// through ISO-8859-2 and `jamås` through Windows-1250), and a sign is not the model's to price
/// (`ÂĄ` is `¥` or `¡`). Taking the registry's first reading there was a coin toss that came out
/// wrong without a word, so such a line is left as written instead, and the document is refused
/// as ambiguous when nothing else is repaired. Lines both readings decode alike are repaired.
extension MojibakePass {
    /// Starts of the lines that read differently under `chosen` and a rival tied with it (see
    /// `Reading.rivals`), where the model does not prefer `chosen`'s line by the tie margin.
    /// A rival that differs only in signs was never judged: the model cannot price them. Neither
    /// is one read again over a text longer than the sample: every line it reads differently
    /// is tied. Only those lines are judged (see `LineJudgements`).
    func tiedLines(_ chosen: Reading, _ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>,
                   writtenCosts: inout [Int: Double]) -> Set<Int> {
        var lines = Set<Int>()
        lazy var mine = Self.groupsByLine(chosen.groups, units, p)
        for rival in chosen.rivals {
            let differing = Self.differingLines(units, rival.units, p)
            guard rival.judged != nil && chosen.judged != nil else {
                lines.formUnion(differing)
                continue
            }
            let theirs = Self.groupsByLine(rival.groups, rival.units, p)
            for line in differing where (tiedGain(rival, rival.units, theirs[line], p, &writtenCosts) ?? 0)
                > (tiedGain(chosen, units, mine[line], p, &writtenCosts) ?? 0) - Self.tieMargin {
                lines.insert(line)
            }
        }
        return lines
    }

    /// `accepted` split into the units off `lines` (line starts) and those on them, in one pass
    /// over the text.
    static func splitting(_ accepted: [Accepted], onLines lines: Set<Int>, _ units: [DecodedUnit],
                          _ p: UnsafeBufferPointer<UInt8>) -> (kept: [Accepted], left: [Accepted]) {
        var cursor = LineCursor(p)
        var kept: [Accepted] = [], left: [Accepted] = []
        for entry in accepted {
            if lines.contains(cursor.lineStart(of: units[entry.index].start)) { left.append(entry) } else { kept.append(entry) }
        }
        return (kept, left)
    }

    /// The group of each line that holds candidates, by line start (`units`: the reading's,
    /// which `layer` moves out).
    private static func groupsByLine(_ groups: [UnitGroup], _ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var lines: [Int: Int] = [:]
        var cursor = LineCursor(p)
        for (g, group) in groups.enumerated() {
            guard let first = units[group.range].first(where: isCandidate) else { continue }
            lines[cursor.lineStart(of: first.start)] = g
        }
        return lines
    }

    /// The gain of group `g` of `reading`, judged now if it was not yet; nil: no such group, or
    /// no language fits.
    private func tiedGain(_ reading: Reading, _ units: [DecodedUnit], _ g: Int?, _ p: UnsafeBufferPointer<UInt8>,
                          _ writtenCosts: inout [Int: Double]) -> Double? {
        guard let g else { return nil }
        let candidates = units[reading.groups[g].range].filter(Self.isCandidate)
        return reading.judged?.gain(g) { gainOfLine(candidates, p, &writtenCosts) }
    }

    /// Starts of the lines where the two readings' candidates are not the same characters at the
    /// same places (both sorted by start). Lost-byte guesses are not the reading's to decide (a
    /// lost NBSP, one choice, is).
    private static func differingLines(_ a: [DecodedUnit], _ b: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) -> [Int] {
        let a = a.filter(isCandidate), b = b.filter(isCandidate)
        var cursor = LineCursor(p)
        var lines: [Int] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let start: Int
            if i < a.count && j < b.count && a[i].start == b[j].start && a[i].end == b[j].end && a[i].scalar == b[j].scalar {
                i += 1; j += 1
                continue
            } else if j == b.count || (i < a.count && a[i].start <= b[j].start) {
                start = a[i].start; i += 1
            } else {
                start = b[j].start; j += 1
            }
            let line = cursor.lineStart(of: start)
            if lines.last != line { lines.append(line) }
        }
        return lines
    }
}

/// The start of the line holding each of a non-decreasing series of offsets, the text read once.
private struct LineCursor {
    let p: UnsafeBufferPointer<UInt8>
    var scanned = 0, start = 0

    init(_ p: UnsafeBufferPointer<UInt8>) { self.p = p }

    mutating func lineStart(of offset: Int) -> Int {
        while scanned < offset {
            if p[scanned] == 0x0A { start = scanned + 1 }
            scanned += 1
        }
        return start
    }
}
