/// What readings gain in plausibility, for `choose`. A contender is weighed against the reading
/// chosen so far by what its lines gain with all their candidate units decoded; a line it reads
/// exactly as the evidence's leader does adds the same to both, so (with `judgesLazily`) only the
/// lines where the two differ are judged, and the leader's other lines are left for `acceptance`
/// to judge if it needs them.
extension MojibakePass {
    /// The readings judged so far, whose judgements later ones reuse.
    struct JudgedReadings {
        /// The evidence's leader first, when there is one.
        var readings: [Reading] = []
        /// Per reading, the gain of all its lines, or, when `relative`, of its lines that differ
        /// from the leader's less the gain of those leader lines (the leader: zero).
        var gains: [Double] = []
        let relative: Bool
        /// A judged line's gain off the grid of whole tenths of a nat (see `exceeds`).
        var offGrid = false
    }

    /// Line gains and margins are whole tenths of a nat (costs are), so two sums that differ at
    /// all differ by 0.1 at least: a relative difference within this of zero is a tie that only
    /// the sums in the order `documentGain` adds them can settle.
    static let gainTieGap = 0.05

    /// Gains may be relative when the rounding of sums over the whole text stays far below
    /// `gainTieGap`: a line's gain is at most its cost as written, under 60 nats per character
    /// (a bigram costs at most a byte of tenths plus the backoff, or the floor; twice for `ß`).
    static func judgesRelatively(textBytes: Int, lines: Int) -> Bool {
        Double(lines + 2) * Double(textBytes + lines + 2) * 60 * 0x1p-50 < 0.01
    }

    /// `r` with its judgements, which `layer` reuses, added to `ledger` with its gain. A line whose
    /// candidates are exactly those of the same line in a reading judged already is judged the same
    /// (Windows-1252 and 1254 readings differ on a few lines of a document).
    func judged(_ r: Reading, _ ledger: inout JudgedReadings, _ p: UnsafeBufferPointer<UInt8>,
                _ writtenCosts: inout [Int: Double]) -> Reading {
        var r = r
        let judgements = LineJudgements(groups: r.groups.count)
        r.judged = judgements
        var gain = 0.0
        // The leader gains nothing over itself.
        if !(ledger.relative && ledger.readings.isEmpty) {
            // Per known reading, the group that may match next: groups are in text order, so the
            // one that matches starts no earlier. (Their units and groups only: copying a reading
            // retains all it holds.)
            var next = [Int](repeating: 0, count: ledger.readings.count)
            var sharedWithLeader = [Bool](repeating: false, count: ledger.relative ? ledger.readings[0].groups.count : 0)
            let units = r.units
            groups: for (g, group) in r.groups.enumerated() {
                // (The candidates are listed only for the model: most lines are matched or known.)
                guard let first = units[group.range].first(where: Self.isCandidate) else { continue }
                for n in ledger.readings.indices {
                    let otherUnits = ledger.readings[n].units, otherGroups = ledger.readings[n].groups
                    var h = next[n]
                    while h < otherGroups.count, (otherUnits[otherGroups[h].range].first(where: Self.isCandidate)?.start ?? -1) < first.start {
                        h += 1
                    }
                    next[n] = h
                    if h < otherGroups.count, Self.sameCandidates(units[group.range], otherUnits[otherGroups[h].range]) {
                        judgements.share(g, with: ledger.readings[n].judged!, h)
                        if ledger.relative && n == 0 {
                            sharedWithLeader[h] = true
                            continue groups
                        }
                        break
                    }
                }
                gain += addedGain(judgements, g, units[group.range], &ledger.offGrid, relative: ledger.relative, p, &writtenCosts)
            }
            if ledger.relative {
                let leaderUnits = ledger.readings[0].units, leaderJudgements = ledger.readings[0].judged!
                for (h, group) in ledger.readings[0].groups.enumerated()
                where !sharedWithLeader[h] && leaderUnits[group.range].contains(where: Self.isCandidate) {
                    gain -= addedGain(leaderJudgements, h, leaderUnits[group.range], &ledger.offGrid, relative: true, p, &writtenCosts)
                }
            }
        }
        ledger.readings.append(r)
        ledger.gains.append(gain)
        return r
    }

    /// What group `g` (its units given, some of them candidates) adds to its reading's gain.
    private func addedGain(_ judgements: LineJudgements, _ g: Int, _ units: ArraySlice<DecodedUnit>, _ offGrid: inout Bool,
                           relative: Bool, _ p: UnsafeBufferPointer<UInt8>, _ writtenCosts: inout [Int: Double]) -> Double {
        let gain = judgements.gain(g) { gainOfLine(units.filter(Self.isCandidate), p, &writtenCosts) }
        if relative, let gain, abs(gain * 10 - (gain * 10).rounded()) > 1e-6 { offGrid = true }
        return max(0, gain ?? 0)
    }

    /// The model's judgement of one line's candidates.
    func judgeLine(_ candidates: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>,
                   _ writtenCosts: inout [Int: Double]) -> ReadingPlausibility.Judgement? {
        linesJudged += 1
        return plausibility.judge(candidates[...], line: lineRange(candidates, p), p, writtenCosts: &writtenCosts)
    }

    /// Its `lineGain` alone.
    func gainOfLine(_ candidates: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>, _ writtenCosts: inout [Int: Double]) -> Double? {
        linesJudged += 1
        return plausibility.lineGain(candidates[...], line: lineRange(candidates, p), p, writtenCosts: &writtenCosts)
    }

    /// Whether reading `i` of `ledger` gains more than reading `j` (nil: none, which gains
    /// nothing) plus `margin`, exactly as when every line of both is judged and added in order.
    func exceeds(_ i: Int, _ j: Int?, by margin: Double, _ ledger: inout JudgedReadings, _ p: UnsafeBufferPointer<UInt8>,
                 _ writtenCosts: inout [Int: Double]) -> Bool {
        let other = j.map { ledger.gains[$0] } ?? 0
        guard ledger.relative else { return ledger.gains[i] > other + margin }
        let difference = ledger.gains[i] - other - margin
        if !ledger.offGrid && !settlesBySums && abs(difference) >= Self.gainTieGap { return difference > 0 }
        return documentGain(i, &ledger, p, &writtenCosts) > (j.map { documentGain($0, &ledger, p, &writtenCosts) } ?? 0) + margin
    }

    /// What reading `i`'s lines gain, every line judged (those not yet are now), added in order.
    private func documentGain(_ i: Int, _ ledger: inout JudgedReadings, _ p: UnsafeBufferPointer<UInt8>,
                              _ writtenCosts: inout [Int: Double]) -> Double {
        let units = ledger.readings[i].units, judgements = ledger.readings[i].judged!
        var gain = 0.0
        for (g, group) in ledger.readings[i].groups.enumerated() where units[group.range].contains(where: Self.isCandidate) {
            gain += max(0, judgements.gain(g) { gainOfLine(units[group.range].filter(Self.isCandidate), p, &writtenCosts) } ?? 0)
        }
        return gain
    }
}
