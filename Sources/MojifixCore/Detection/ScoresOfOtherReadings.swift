/// Scores a unit takes from another reading of the same text instead of being scored again
/// (Windows-1252, 1254 and ISO-8859-1 readings of a garbled text share most of their units, and
/// scoring them was a fifth of the work of a garbled record).
///
/// `UnitScoring.score` weighs a unit of a UTF-8 reading by the unit's own fields (where it starts
/// and ends, its scalar, its width, whether it is lossy), the text, the scoring's alphabet and
/// context, and its neighbours only where they touch it, through their scalars: a unit that
/// agrees on all of these with a unit of another UTF-8 reading of the same text, scored by the
/// same scoring, gets that unit's evidence, rejection and support. (CP949 readings are scored
/// further as a whole: never shared.)
struct ScoresOfOtherReadings {
    /// The known readings' units one after the other (one array: reaching each reading's own
    /// array retained it for every unit), each reading's ending at its entry of `ends`.
    private var known: [DecodedUnit] = []
    private var ends: [Int] = []
    /// Per known reading, the first unit not before the one being scored (units run in order).
    private var cursors: [Int] = []

    init(_ readings: [[DecodedUnit]], actual: Charset) {
        // (A short record scores its few units faster than it gathers the known ones.)
        let count = readings.reduce(0) { $0 + $1.count }
        guard actual == .utf8, count >= Self.fewestKnown else { return }
        known.reserveCapacity(count)
        for units in readings {
            cursors.append(known.count)
            known += units
            ends.append(known.count)
        }
    }

    /// Known units below which none are taken.
    static let fewestKnown = 32

    /// Gives `units[k]` the scores of a known unit that reads alike; false when there is none.
    @inline(__always)
    mutating func take(_ units: inout [DecodedUnit], _ k: Int) -> Bool {
        guard !ends.isEmpty else { return false }
        let unit = units[k]
        for r in ends.indices {
            let start = r == 0 ? 0 : ends[r - 1], end = ends[r]
            var j = cursors[r]
            while j < end && known[j].start < unit.start { j += 1 }
            cursors[r] = j
            guard j < end, Self.alike(unit, known[j]), Self.touching(units, k, 0..<units.count) == Self.touching(known, j, start..<end) else { continue }
            units[k].evidence = known[j].evidence
            units[k].rejected = known[j].rejected
            units[k].supportive = known[j].supportive
            return true
        }
        return false
    }

    private static func alike(_ a: DecodedUnit, _ b: DecodedUnit) -> Bool {
        a.start == b.start && a.end == b.end && a.scalar == b.scalar && a.width == b.width && a.lossy == b.lossy
    }

    /// The scalars of the units of `reading` touching `units[k]` before and after it (`UInt32.max`: none).
    private static func touching(_ units: [DecodedUnit], _ k: Int, _ reading: Range<Int>) -> (UInt32, UInt32) {
        (k > reading.lowerBound && units[k - 1].end == units[k].start ? units[k - 1].scalar : UInt32.max,
         k + 1 < reading.upperBound && units[k + 1].start == units[k].end ? units[k + 1].scalar : UInt32.max)
    }
}
