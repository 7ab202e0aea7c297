/// An upper bound on a reading's total evidence (`MojibakePass.Reading.total`) from its decoded
/// units alone, before they are scored and grouped: a reading whose bound cannot reach what
/// another reading already shows is never chosen, so it need not be scored (most readings of a
/// garbled document decode a few stray pairs: scoring them was most of the work of a short record).
///
/// It keeps only the terms of `UnitScoring.score` that can add to a unit's evidence and drops
/// every penalty, and `MojibakePass.group` counts a unit only when it is supportive and only
/// beyond the baseline, while the line-level checks only subtract. So a unit adds at most
/// `(width - 1) + fit + sourceOddness + oddInsideAWord - baseline` (the last two at most 1 and
/// exactly 1), with `fit` and `sourceOddness` bounded below; a group at most the sum of its units,
/// and a reading at most the sum of its groups' positive parts. A change that makes any term of
/// `UnitScoring` larger must be made here too (`ReadingBoundTests` checks the bound on generated
/// garbled text through every chain).
/// (A class: a copy of the struct out of the pass's array retained each of its four parts.)
final class ReadingBound {
    /// Per byte of the shown charset (0x80-0xFF): the most `sourceOddness` adds for its character
    /// first in a unit, and after the first.
    private let first: [Float]
    private let later: [Float]
    private let table: SingleByteTable
    /// What a CP949 unit adds, by its pair (see `bounds(ofCP949:)`).
    private let pairs = CP949PairBounds()

    init(table: SingleByteTable) {
        self.table = table
        var first = [Float](repeating: 0, count: 256), later = [Float](repeating: 0, count: 256)
        for byte in 0x80..<256 where table.byteToScalar[byte] != SingleByteTable.unmapped {
            first[byte] = Self.oddness(table.byteToScalar[byte], first: true)
            later[byte] = Self.oddness(table.byteToScalar[byte], first: false)
        }
        self.first = first
        self.later = later
    }

    /// The most `UnitScoring.sourceOddness` adds for source character `s` (its own terms, each
    /// taken at its largest whatever the character before it).
    static func oddness(_ s: UInt32, first: Bool) -> Float {
        var odd: Float = 0
        if ScalarTraits.isC1Control(s) { odd += 2 }
        if s == 0xF8FF { odd += 1.5 }
        if !first && s != 0x20 && s != 0xA0 && s != 0xFFFD && !ScalarTraits.isC1Control(s)
            && (!ScalarTraits.isLetter(s) || s == 0xAA || s == 0xBA) {
            odd += 1
        }
        if ScalarTraits.isUppercase(s) { odd += 0.5 }
        if first && !(0x2500...0x259F).contains(s) {
            switch ScalarTraits.category(s) {
            case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: odd += 1
            default: break
            }
        }
        return odd
    }

    /// A rougher bound, from the units' widths alone: a unit's fit is at most 1 and
    /// `oddness` at most 2 for its first character and 2.5 for each other one.
    static func rough(_ units: [DecodedUnit]) -> Float {
        var sum: Float = 0
        for unit in units { sum += roughly(unit) }
        return finished(sum)
    }

    private static func roughly(_ unit: DecodedUnit) -> Float { 3.5 * Float(unit.width) - 0.5 }

    /// Headroom for the rounding of the sums the bound is compared with.
    private static func finished(_ sum: Float) -> Float { sum * 1.001 + 0.01 }

    /// The bound of the total of `units` (one reading's, decoded for `actual` through this table).
    func total(_ units: [DecodedUnit], actual: Charset, scoring: UnitScoring, _ p: UnsafeBufferPointer<UInt8>) -> Float {
        var sum: Float = 0
        for unit in units { sum += most(unit, actual: actual, scoring: scoring, p) }
        return Self.finished(sum)
    }

    /// Both bounds of a CP949 reading (`rough`, `total`) from one decode that keeps no unit: the
    /// sums run over the same units in the same order, so they are exactly those of the kept units.
    /// `touching`: two of the units are side by side (without that the reading has no word).
    /// `sifted`: the sieve's list of the range's characters, `decoder` being its column `k`
    /// (passed whole: a tuple of the list and the column copied the list, retaining its arrays).
    func bounds(ofCP949 decoder: UnitDecoder, scoring: UnitScoring, _ p: UnsafeBufferPointer<UInt8>,
                range: Range<Int>, sifted: ReadingSieve.Sifted? = nil, column k: Int = 0) -> (rough: Float, total: Float, touching: Bool) {
        var sums = (rough: Float(0), total: Float(0), touching: false, lastEnd: -1)
        // (The sums passed along, not captured: a captured variable was boxed on the heap.)
        func add(_ sums: inout (rough: Float, total: Float, touching: Bool, lastEnd: Int), _ unit: DecodedUnit, _ pair: Int) {
            sums.rough += Self.roughly(unit)
            sums.total += pairs.most(pair) { most(unit, actual: .windows949, scoring: scoring, p) }
            if unit.start == sums.lastEnd { sums.touching = true }
            sums.lastEnd = unit.end
        }
        if let sifted {
            decoder.forEachCP949Unit(sifted.characters, decoder: k, &sums, add)
        } else {
            decoder.forEachCP949Unit(p, range, &sums, add)
        }
        return (Self.finished(sums.rough), Self.finished(sums.total), sums.touching)
    }

    /// The most one unit adds (never below zero).
    @inline(__always)
    private func most(_ unit: DecodedUnit, actual: Charset, scoring: UnitScoring, _ p: UnsafeBufferPointer<UInt8>) -> Float {
        // A unit adds only when supportive: its fit at least `supportiveFitness` (0.9 when lossy).
        // A character of the mojibake alphabet gets at least that fit, at most 0.9 from a run.
        let fitness = scoring.mostFitness(unit.scalar, actual: actual)
        let fit: Float
        if scoring.alphabet.contains(unit.scalar) {
            fit = max(fitness ?? UnitScoring.supportiveFitness, 0.9)
        } else {
            guard let fitness else { return 0 }
            fit = fitness
        }
        guard fit >= UnitScoring.supportiveFitness, !unit.lossy || fit >= 0.9 else { return 0 }
        var odd: Float = 0
        var i = unit.start
        while i < unit.end {
            let (s, length) = UTF8.decode(p, at: i)
            if let byte = table.byte(for: s), byte >= 0x80 {
                odd += i == unit.start ? first[Int(byte)] : later[Int(byte)]
            } else {
                odd += Self.oddness(s, first: i == unit.start)
            }
            i += length
        }
        // (width - 1) + fit + odd + 1 (oddInsideAWord) - 1 (the baseline), less the lossy cost.
        let most = Float(unit.width - 1) + fit + odd - (unit.lossy ? 0.5 : 0)
        return max(most, 0)
    }
}
