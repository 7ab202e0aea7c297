/// What a CP949 unit adds to its reading's bound (`ReadingBound`), by its pair of bytes in the
/// shown charset, worked out once per pair. It depends on nothing else: the pair gives the decoded
/// character (its fitness) and, the shown table being one to one, the source characters (their
/// oddness); a CP949 unit is always two characters wide and never lossy. Random pairs of accented
/// letters are what CP949 readings of Latin text decode, the same few hundred again and again.
final class CP949PairBounds {
    /// Per lead byte met, where its 256 trails start in `values` (-1: not met yet): a short run
    /// sets up only the rows it meets.
    /// (Unchecked, as the pass that owns it: the runtime check of each access was 1% of a
    /// JSON Lines run.)
    @exclusivity(unchecked) private var rows = [Int32](repeating: -1, count: 256)
    /// The amounts, NaN while not worked out.
    @exclusivity(unchecked) private var values: [Float] = []

    /// `pair`: lead << 8 | trail.
    func most(_ pair: Int, _ workOut: () -> Float) -> Float {
        var row = Int(rows[pair >> 8])
        if row < 0 {
            row = values.count
            rows[pair >> 8] = Int32(row)
            values += repeatElement(Float.nan, count: 256)
        }
        let known = values[row + (pair & 0xFF)]
        if !known.isNaN { return known }
        let value = workOut()
        values[row + (pair & 0xFF)] = value
        return value
    }
}
