extension Array where Element == Range<Int> {
    /// End of the range containing `offset`, in ranges sorted and disjoint (a binary search).
    func end(containing offset: Int) -> Int? {
        first(endingAfter: offset).flatMap { $0.lowerBound <= offset ? $0.upperBound : nil }
    }

    /// The first range ending after `offset` (it contains `offset` or lies after it).
    func first(endingAfter offset: Int) -> Range<Int>? {
        let k = index(endingAfter: offset)
        return k < count ? self[k] : nil
    }

    /// Index of the first range ending after `offset` (`count` when none does).
    func index(endingAfter offset: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
