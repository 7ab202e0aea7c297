/// What the language model says about each decoded unit of a line: the change in the line's cost
/// (nats, under the line's most plausible language once every candidate of the line is decoded)
/// when the unit's source characters are replaced by the character they decode to. Negative: the
/// decoded reading is more plausible text. Both readings spell the same bytes, so their costs
/// compare directly; the shorter reading is not favoured beyond what the model says, because a
/// writer typing the source characters would have typed more, less likely, characters.
struct ReadingPlausibility {
    let model = LanguageModel.shared

    /// One delta per unit of `units` (all on the line `line`, sorted), and what the whole line
    /// gains: its cost as written under its most plausible language minus its cost decoded under
    /// that reading's most plausible language (each reading judged in its own language, so a
    /// clean Russian line is not judged as Chinese because a wrong reading makes ideographs of it).
    /// Nil when no language fits.
    func judge(_ units: ArraySlice<DecodedUnit>, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> (deltas: [Double], lineGain: Double)? {
        var written: [UInt32] = []
        var j = line.lowerBound
        while j < line.upperBound {
            let (scalar, length) = UTF8.decode(p, at: j)
            written.append(scalar)
            j += length
        }
        guard let asWrittenCost = model.score(written).best?.cost,
              let deltas = deltas(units, line: line, p) else { return nil }
        return (deltas.deltas, asWrittenCost - deltas.decodedCost)
    }

    private func deltas(_ units: ArraySlice<DecodedUnit>, line: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> (deltas: [Double], decodedCost: Double)? {
        var decoded: [UInt32] = []
        var positions: [Int] = []
        decoded.reserveCapacity(line.count)
        var next = units.startIndex
        var i = line.lowerBound
        while i < line.upperBound {
            if next < units.endIndex && units[next].start == i {
                positions.append(decoded.count)
                decoded.append(units[next].scalar)
                i = units[next].end
                next += 1
                continue
            }
            let (scalar, length) = UTF8.decode(p, at: i)
            decoded.append(scalar)
            i += length
        }
        guard let (language, decodedCost) = model.score(decoded).best else { return nil }
        var deltas: [Double] = []
        deltas.reserveCapacity(units.count)
        for (k, unit) in zip(positions.indices, units) {
            let d = positions[k]
            let before: UInt32 = d > 0 ? decoded[d - 1] : 0x20
            let after: UInt32 = d + 1 < decoded.count ? decoded[d + 1] : 0x20
            let asDecoded = model.cost(of: unit.scalar, after: before, in: language) + model.cost(of: after, after: unit.scalar, in: language)
            var asWritten = 0.0
            var previous = before
            var j = unit.start
            while j < unit.end {
                let (s, length) = UTF8.decode(p, at: j)
                asWritten += model.cost(of: s, after: previous, in: language)
                previous = s
                j += length
            }
            asWritten += model.cost(of: after, after: previous, in: language)
            deltas.append(asDecoded - asWritten)
        }
        return (deltas, decodedCost)
    }
}
