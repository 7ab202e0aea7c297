/// The ranges of the edits accepted so far in a round, for the overlap test of each new one in
/// logarithmic time (a file with CRLF line endings makes one edit per line).
///
/// Accepted ranges never overlap one another, so sorted by (start, end) their ends never
/// decrease: the ranges a new one can overlap (ending at or after its start, starting at or
/// before its end) are one run, found by binary search.
struct TakenRanges {
    private var ranges: [Range<Int>] = []

    /// Two edits overlap when their ranges share a byte, or both insert at the same offset, or
    /// one inserts strictly inside the other.
    static func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty && b.isEmpty { return a.lowerBound == b.lowerBound }
        if a.isEmpty { return b.lowerBound < a.lowerBound && a.lowerBound < b.upperBound }
        if b.isEmpty { return a.lowerBound < b.lowerBound && b.lowerBound < a.upperBound }
        return a.overlaps(b)
    }

    /// Adds `range` unless it overlaps one already taken; true when added.
    mutating func take(_ range: Range<Int>) -> Bool {
        var k = firstIndex { $0.upperBound >= range.lowerBound }
        while k < ranges.count && ranges[k].lowerBound <= range.upperBound {
            if Self.overlaps(ranges[k], range) { return false }
            k += 1
        }
        ranges.insert(range, at: firstIndex { ($0.lowerBound, $0.upperBound) > (range.lowerBound, range.upperBound) })
        return true
    }

    /// The first index whose range satisfies `condition`, which holds for a suffix of `ranges`.
    private func firstIndex(where condition: (Range<Int>) -> Bool) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if condition(ranges[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
