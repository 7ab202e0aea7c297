internal import MojifixICU

/// A set of script families (`ScalarTraits.family`), one bit each: a line's tally adds one per
/// decoded letter, and hashing each into a `Set` was a cost of its own on every garbled line.
struct ScriptFamilies {
    private var bits: UInt64 = 0

    mutating func insert(_ family: ICUScript) {
        bits |= 1 << UInt64(family.rawValue & 63)
    }

    var count: Int { bits.nonzeroBitCount }
}
