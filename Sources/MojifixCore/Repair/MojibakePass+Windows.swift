/// One mojibake layer over a large text, window by window, with the same result as the whole text
/// at once: only one window's units are held at a time (a 100 MB line holds twelve million).
///
/// The reading and whether the document is established are decided once, before. Runs of whole
/// lines are decided as the whole-text pass decides them, since every line decision reads only
/// its own line. A line longer than a window is cut where no unit can stand (an ASCII character
/// that is neither a letter nor a space: no misreading decodes it, and a unit only reads its
/// neighbours when they touch it); its units are taken as they come, on the bet the line turns out
/// to take every candidate with evidence (what a long garbled line does), and once its evidence
/// is summed the bet is kept (the changes get the line's confidence) or undone: a line that
/// repairs nothing is left as written, and one the language model must weigh is decided whole.
///
/// What only the whole document settles is left to the whole-text pass (nil): a guess between
/// several lost bytes (weighed by the characters the whole document uses), and mojibake found
/// only in quotes.
extension MojibakePass {
    struct Windowed {
        var layer: Layer?
    }

    func windowedLayer(_ decoder: UnitDecoder, _ p: UnsafeBufferPointer<UInt8>, established: Bool, lossy: Bool,
                       repairedBefore: RepairPass.OutputRanges, writtenCosts: inout [Int: Double]) -> Windowed? {
        var run = WindowRun(decoder: decoder, established: established, lossy: lossy, regions: QuotedRegions(p),
                            writer: ChangeWriter(decoder.misreading), withheld: ChangeWriter(decoder.misreading))
        run.writer.output.reserveCapacity(p.count)
        var start = 0
        while start < p.count {
            let target = start + windowBytes
            var end = p.count
            if target < p.count {
                end = start
                var i = target
                while i > start { if p[i - 1] == 0x0A { end = i; break }; i -= 1 }
            }
            if end > start {
                guard emitLines(start..<end, p, &run, repairedBefore: repairedBefore, writtenCosts: &writtenCosts) else { return nil }
                start = end
                continue
            }
            // A line longer than a window.
            while end < p.count && p[end] != 0x0A { end += 1 }
            guard emitLongLine(start..<end, p, &run, repairedBefore: repairedBefore, writtenCosts: &writtenCosts) else { return nil }
            start = end
        }
        // Mojibake found only in quotes is listed, not repaired: the whole-text pass says so.
        if run.applied > 0 && !run.appliedUnquoted { return nil }
        guard run.accepted > 0 || run.withheld.changes.count > 0 else { return Windowed(layer: nil) }
        let withheld = run.withheld.changes.count > 0 ? run.withheld.listed(p) : []
        // Lossy guesses alone, some of them in quotes: the whole-text pass lists those as quoted.
        if run.applied == 0 && withheld.contains(where: { run.regions.isQuoted($0.inputRange) }) { return nil }
        return Windowed(layer: Layer(applied: run.accepted == 0 ? nil : run.writer.finish(p), withheld: withheld))
    }

    /// What the windows written so far add up to.
    struct WindowRun {
        let decoder: UnitDecoder
        let established: Bool
        let lossy: Bool
        var regions: QuotedRegions
        var writer: ChangeWriter
        /// Lossy changes not made (listed at the end).
        var withheld: ChangeWriter
        var accepted = 0
        var applied = 0
        var appliedUnquoted = false

        /// Where a line's bet started, to undo it.
        struct Mark {
            var writer: ChangeWriter.Mark, withheld: ChangeWriter.Mark
            var accepted: Int, applied: Int, appliedUnquoted: Bool
        }

        func mark() -> Mark {
            Mark(writer: writer.mark(), withheld: withheld.mark(), accepted: accepted, applied: applied, appliedUnquoted: appliedUnquoted)
        }

        mutating func undo(to mark: Mark) {
            writer.undo(to: mark.writer)
            withheld.undo(to: mark.withheld)
            (accepted, applied, appliedUnquoted) = (mark.accepted, mark.applied, mark.appliedUnquoted)
        }
    }

    /// Whole lines: decided as the whole-text pass decides them.
    private func emitLines(_ range: Range<Int>, _ p: UnsafeBufferPointer<UInt8>, _ run: inout WindowRun,
                           repairedBefore: RepairPass.OutputRanges, writtenCosts: inout [Int: Double]) -> Bool {
        var units = run.decoder.units(in: p, range: range)
        guard !units.isEmpty else { return true }
        scoring.score(&units, decoder: run.decoder, in: p)
        let accepted = acceptance(units, group(units, p), judged: nil, decoder: run.decoder, established: run.established, p,
                                  repairedBefore: repairedBefore, writtenCosts: &writtenCosts).accepted
        return emit(accepted, units, p, &run)
    }

    /// One line longer than a window (without its newline).
    private func emitLongLine(_ line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>, _ run: inout WindowRun,
                              repairedBefore: RepairPass.OutputRanges, writtenCosts: inout [Int: Double]) -> Bool {
        let mark = run.mark()
        var tally = LineTally()
        var scan = UnexplainedScan()
        var scanned: Int? = nil
        var candidates = 0
        var allPositive = true
        var allInside = !repairedBefore.isEmpty
        let established = run.established
        // As `acceptance` asks of a CP949 reading's line on its own: it must read as Korean
        // (here window by window: any window that does not, and the line does not).
        let asksKorean = !established && run.decoder.misreading.actual == .windows949
        var readsAsKorean = true
        for window in windows(of: line, p) {
            var units = run.decoder.units(in: p, range: window)
            guard let last = units.last else { continue }
            scoring.score(&units, decoder: run.decoder, in: p)
            if asksKorean && readsAsKorean { readsAsKorean = Self.readsAsKorean(units, decoder: run.decoder, p) }
            for k in units.indices { tally.add(units, k, lineStart: 0, alphabet: scoring.alphabet) }
            scanUnexplained(units[...], p, (scanned ?? units[0].start)..<last.end, &scan)
            scanned = last.end
            // The bet: every candidate with evidence is taken (its confidence is set at the end).
            var taken: [Accepted] = []
            for (k, unit) in units.enumerated() where !unit.rejected && (!unit.lossy || established) {
                candidates += 1
                allPositive = allPositive && unit.evidence > 0
                if allInside && !established { allInside = Self.allInside(CollectionOfOne(unit), repairedBefore) }
                if unit.evidence > 0 { taken.append((k, 0)) }
            }
            guard emit(taken, units, p, &run) else { return false }
        }
        guard candidates > 0 else { return true }
        let evidence = lineEvidence(tally, unexplained: scan) { limit in
            guard limit >= 0 else { return 0 }
            var count: Float = 0
            for window in windows(of: line, p) {
                let units = run.decoder.units(in: p, range: window)
                guard countContradictions(units[...], p, window, stopAbove: limit, &count) else { break }
            }
            return count
        }
        // As `acceptance` decides a line the model does not weigh.
        let lineEstablished = established || allInside
        let consistent = lineEstablished && evidence == 0 && allPositive
        let threshold = established ? Self.documentThreshold : Self.standaloneThreshold
        let byEvidence = (lineEstablished ? evidence > Self.documentThreshold || consistent : evidence >= threshold)
            && (established || run.decoder.misreading.actual != .windows949 || tally.hasWord && readsAsKorean)
        // A line one layer down is weighed by the model too (see `acceptance`): decided whole.
        if run.decoder.misreading.actual == .utf8 && (!(byEvidence && allPositive) || (allInside && !established)) {
            run.undo(to: mark)
            return emitLines(line, p, &run, repairedBefore: repairedBefore, writtenCosts: &writtenCosts)
        }
        guard byEvidence else {
            run.undo(to: mark)
            return true
        }
        run.writer.changes.setConfidence(Self.thousandths(evidence), from: mark.writer.changes)
        run.withheld.changes.setConfidence(Self.thousandths(evidence), from: mark.withheld.changes)
        return true
    }

    /// Windows of about `windowBytes` across a long line, each ending before an ASCII character
    /// that is neither a letter nor a space (no unit holds one).
    private func windows(of line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func isCut(_ i: Int) -> Bool {
            let b = p[i]
            return b < 0x80 && b != 0x20 && !(0x41...0x5A).contains(b) && !(0x61...0x7A).contains(b)
        }
        var windows: [Range<Int>] = []
        var start = line.lowerBound
        while start < line.upperBound {
            var end = line.upperBound
            if start + windowBytes < line.upperBound {
                end = start + windowBytes
                while end > start + 1 && !isCut(end) { end -= 1 }
                if end == start + 1 && !isCut(end) {
                    end = start + windowBytes
                    while end < line.upperBound && !isCut(end) { end += 1 }
                }
            }
            windows.append(start..<end)
            start = end
        }
        return windows
    }

    /// The accepted units of one window, as the whole-text pass finishes them; false when a guess
    /// needs the whole document.
    private func emit(_ accepted: [Accepted], _ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>, _ run: inout WindowRun) -> Bool {
        if accepted.contains(where: { units[$0.index].isGuess }) { return false }
        var accepted = accepted
        accepted.removeAll { !isInvertible(units[$0.index], decoder: run.decoder, p) || run.regions.isIgnored(units[$0.index].start..<units[$0.index].end) }
        let applied = run.lossy ? accepted : accepted.filter { !units[$0.index].lossy }
        run.applied += applied.count
        if !run.appliedUnquoted { run.appliedUnquoted = applied.contains { !run.regions.isQuoted(units[$0.index].start..<units[$0.index].end) } }
        if !run.lossy {
            write(accepted.filter { units[$0.index].lossy }[...], units, misreading: run.decoder.misreading, p, into: &run.withheld)
            accepted.removeAll { units[$0.index].lossy }
        }
        run.accepted += accepted.count
        write(accepted[...], units, misreading: run.decoder.misreading, p, into: &run.writer)
        return true
    }
}

extension MojibakePass.ChangeWriter {
    struct Mark {
        var written: Int, copied: Int, changes: Int
    }

    func mark() -> Mark { Mark(written: output.count, copied: copied, changes: changes.count) }

    mutating func undo(to mark: Mark) {
        output.removeLast(output.count - mark.written)
        copied = mark.copied
        changes.truncate(to: mark.changes)
    }
}
