/// The ranges of the edits accepted so far in a round, for the overlap test of each new one in
/// logarithmic time (a file with CRLF line endings makes one edit per line).
///
/// Accepted ranges never overlap one another, so sorted by (start, end) their ends never
/// decrease: the ranges a new one can overlap (ending at or after its start, starting at or
/// before its end) are one run, found by binary search. Each rule offers its edits in order, so
/// a rule's accepted ranges are appended to a second sorted list that is merged into the first
/// when an earlier range comes (the next rule): inserting each one into the middle of the first
/// list would cost its length per edit.
struct TakenRanges {
    private var ranges: [Range<Int>] = []
    private var appended: [Range<Int>] = []

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
        if Self.overlapsAny(ranges, range) || Self.overlapsAny(appended, range) { return false }
        if let last = appended.last, (last.lowerBound, last.upperBound) > (range.lowerBound, range.upperBound) {
            ranges = Self.merged(ranges, appended)
            appended.removeAll(keepingCapacity: true)
        }
        appended.append(range)
        return true
    }

    private static func overlapsAny(_ sorted: [Range<Int>], _ range: Range<Int>) -> Bool {
        var k = firstIndex(sorted) { $0.upperBound >= range.lowerBound }
        while k < sorted.count && sorted[k].lowerBound <= range.upperBound {
            if overlaps(sorted[k], range) { return true }
            k += 1
        }
        return false
    }

    /// Two lists sorted by (start, end) as one.
    private static func merged(_ a: [Range<Int>], _ b: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && (a[i].lowerBound, a[i].upperBound) <= (b[j].lowerBound, b[j].upperBound)) {
                out.append(a[i]); i += 1
            } else {
                out.append(b[j]); j += 1
            }
        }
        return out
    }

    /// The first index whose range satisfies `condition`, which holds for a suffix of `sorted`.
    private static func firstIndex(_ sorted: [Range<Int>], where condition: (Range<Int>) -> Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if condition(sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
