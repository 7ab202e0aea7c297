/// The language model's judgement of each line (group) of one reading, worked out when first
/// asked for: `choose` needs only the lines where a contender reads differently from the leader,
/// and `acceptance` only the lines the hand-weighed evidence does not decide, which on strongly
/// garbled text is most of them. A line read exactly as in another reading (the same candidates)
/// takes that reading's judgement. Kept for one `choose` and the `layer` after it: never across
/// texts.
final class LineJudgements {
    private enum Slot {
        case unknown
        case known(ReadingPlausibility.Judgement?)
        /// Only the line's gain (nil: no language fits).
        case gain(Double?)
        /// The line `group` of `other` has the same candidates.
        case same(LineJudgements, group: Int)
    }

    /// One per group. (Not an array: an array of a type of this module looks its metadata up in
    /// the runtime each time one is made, a cost paid per reading of every short record.)
    private let slots: UnsafeMutablePointer<Slot>
    private let count: Int

    init(groups: Int) {
        count = groups
        slots = .allocate(capacity: groups)
        slots.initialize(repeating: .unknown, count: groups)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// Group `g`'s judgement (nil: no language fits); `judge` judges its candidates when neither
    /// this reading nor the one it shares the line with has yet.
    func judgement(_ g: Int, _ judge: () -> ReadingPlausibility.Judgement?) -> ReadingPlausibility.Judgement? {
        switch slots[g] {
        case .known(let judged):
            return judged
        case .gain(nil):
            return nil
        case .same(let other, let h):
            let judged = other.judgement(h, judge)
            slots[g] = .known(judged)
            return judged
        case .unknown, .gain:
            let judged = judge()
            slots[g] = .known(judged)
            return judged
        }
    }

    /// Group `g`'s `lineGain` alone (nil: no language fits), which `gain` works out when it is
    /// not known yet (`choose` and tied lines need no deltas).
    func gain(_ g: Int, _ gain: () -> Double?) -> Double? {
        switch slots[g] {
        case .known(let judged):
            return judged?.lineGain
        case .gain(let known):
            return known
        case .same(let other, let h):
            return other.gain(h, gain)
        case .unknown:
            let known = gain()
            slots[g] = .gain(known)
            return known
        }
    }

    /// Group `g` reads as group `h` of `other`.
    func share(_ g: Int, with other: LineJudgements, _ h: Int) { slots[g] = .same(other, group: h) }
}
