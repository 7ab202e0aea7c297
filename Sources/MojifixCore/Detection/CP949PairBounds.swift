/// What a CP949 unit adds to its reading's bound (`ReadingBound`), by its pair of bytes in the
/// shown charset, worked out once per pair. It depends on nothing else: the pair gives the decoded
/// character (its fitness) and, the shown table being one to one, the source characters (their
/// oddness); a CP949 unit is always two characters wide and never lossy. Random pairs of accented
/// letters are what CP949 readings of Latin text decode, the same few hundred again and again.
final class CP949PairBounds {
    /// Per pair (lead << 8 | trail): the amount, or NaN while not worked out.
    private var values: [Float] = []

    func most(_ pair: Int, _ workOut: () -> Float) -> Float {
        if values.isEmpty { values = [Float](repeating: .nan, count: 0x10000) }
        let known = values[pair]
        if !known.isNaN { return known }
        let value = workOut()
        values[pair] = value
        return value
    }
}
