extension Array where Element == Range<Int> {
    /// End of the range containing `offset`, in ranges sorted and disjoint (a binary search).
    func end(containing offset: Int) -> Int? {
        if isEmpty { return nil }
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low].lowerBound <= offset ? self[low].upperBound : nil
    }
}
