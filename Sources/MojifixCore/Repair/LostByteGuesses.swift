/// Lossy repair: the choice for each byte lost before mojifix saw the text (U+FFFD written by a
/// strict decoder, hiding one of several bytes). A guess is made only where something tells the
/// choices apart; otherwise the lost byte becomes U+FFFD, as a strict decoder would have written
/// it, never a coin toss (`हिन्दी` with its lost byte is not `हिनॐदी`: the model has no Hindi).
extension MojibakePass {
    /// What a lost byte becomes when nothing tells its choices apart.
    static let undecided: UInt32 = 0xFFFD

    /// Nats by which the language model must prefer the best choice (or run of choices) to the
    /// next. Bigrams around one character are weak evidence: at 1–2 nats they preferred `сяк` to
    /// `сск` and `ÁNDICE` to `ÍNDICE`; at 3, 0.6–2.3% of the guesses on the thermometer's lines
    /// (strict Windows-1252, 1250, 1254, 1257) were wrong, at 4, 0.3–1.6%.
    static let guessMargin = 4.0

    /// Most combinations of a run of lost bytes next to each other that are weighed together.
    static let maxCombinations = 125

    /// Resolves every guess among `accepted`. Runs of guesses next to each other are chosen
    /// together (`Θορύβους` lost both bytes of `ρύ`: each judged beside the other's first choice
    /// became `Θούρβους`). A Hangul syllable keeps the common-syllable prior, which knows Korean's
    /// lost bytes better than bigrams do.
    func resolveGuesses(_ units: inout [DecodedUnit], _ accepted: [Accepted], replaced: [UInt8], _ p: UnsafeBufferPointer<UInt8>) {
        guard accepted.contains(where: { units[$0.index].isGuess }) else { return }
        var frequency: [UInt32: Int] = [:]
        for entry in accepted where units[entry.index].choiceCount == 0 { frequency[units[entry.index].scalar, default: 0] += 1 }
        // The accepted units are sorted, so the line of each guess is found walking forward: each
        // line is read (and its language scored) once, whatever its number of guesses.
        var line: (range: Range<Int>, languages: [Language]) = (0..<0, [])
        var lineCursor = 0  // the accepted units before it lie on lines already read
        var n = 0
        while n < accepted.count {
            guard units[accepted[n].index].isGuess else { n += 1; continue }
            var last = n
            while last + 1 < accepted.count, units[accepted[last + 1].index].isGuess,
                  units[accepted[last + 1].index].start == units[accepted[last].index].end { last += 1 }
            let first = units[accepted[n].index], final = units[accepted[last].index]
            if !line.range.contains(first.start) {
                line = lineAndLanguages(at: first.start, from: line.range.upperBound, decoding: accepted[lineCursor...], units, p)
                lineCursor = n
            }
            let context = Context(
                before: n > 0 && units[accepted[n - 1].index].end == first.start
                    ? units[accepted[n - 1].index].scalar : UTF8.scalar(before: first.start, in: p),
                after: last + 1 < accepted.count && units[accepted[last + 1].index].start == final.end
                    ? units[accepted[last + 1].index].scalar : UTF8.scalar(at: final.end, in: p),
                languages: line.languages)
            let run = accepted[n...last].map { units[$0.index].alternatives(replaced) }
            var chosen = choose(run, context, frequency)
            if run.allSatisfy({ $0.allSatisfy(ScalarTraits.isHangulSyllable) }) {
                for k in chosen.indices where chosen[k] == Self.undecided { chosen[k] = hangulGuess(run[k], frequency) ?? Self.undecided }
            }
            for (k, scalar) in chosen.enumerated() { units[accepted[n + k].index].scalar = scalar }
            n = last + 1
        }
    }

    struct Context {
        let before: UInt32, after: UInt32
        /// The languages the line may be in (see `lineAndLanguages`), the most plausible first.
        let languages: [Language]
    }

    /// Nats within which of the most plausible language another one is also plausible for a
    /// line: a short line (`Ру??кий`) reads as Russian, Ukrainian or Bulgarian alike, and a lost
    /// byte must be clear in each (Ukrainian prefers `Русякий` by 4.8 nats, Russian `Русский`).
    static let languageMargin = 8.0

    /// The choices of a run of lost bytes: each choice of the combination the model prefers
    /// between the run's neighbours that it clearly prefers; for a single lost byte the model
    /// cannot decide, the choice the rest of the document clearly uses most (`à` written forty
    /// times, `Ý` never); else U+FFFD.
    private func choose(_ run: [[UInt32]], _ context: Context, _ frequency: [UInt32: Int]) -> [UInt32] {
        let languages = windowLanguages(run, context)
        guard run.reduce(1, { $0 * $1.count }) <= Self.maxCombinations else {
            return agreed(languages.map { chooseAlongALongRun(run, context, language: $0) })
        }
        var combinations: [[UInt32]] = [[]]
        for choices in run { combinations = combinations.flatMap { prefix in choices.map { prefix + [$0] } } }
        let chosen = agreed(languages.map { language -> [UInt32] in
            let ranked = combinations.map { ($0, contextCost($0, context, language: language)) }.sorted { $0.1 < $1.1 }
            let (best, cost) = ranked[0]
            // Each lost byte of the best combination is kept where every combination choosing
            // otherwise for it costs the margin more (`Рус?кий`: `сс` or `ся` is not clear).
            // Between quotation marks the model's price is a prior (common punctuation or not),
            // not evidence: `‘` lost through Windows-1257 is not `“`.
            return best.indices.map { k in
                let clear = ranked.first { $0.0[k] != best[k] }.map { $0.1 - cost >= Self.guessMargin } ?? true
                let quotes = Self.isQuotationMark(best[k]) && run[k].contains { $0 != best[k] && Self.isQuotationMark($0) }
                return cost.isFinite && clear && !quotes ? best[k] : Self.undecided
            }
        })
        guard run.count == 1 && chosen[0] == Self.undecided else { return chosen }
        // A single lost byte the model leaves open.
        let byUse = run[0].sorted { (frequency[$0] ?? 0) > (frequency[$1] ?? 0) }
        let most = frequency[byUse[0]] ?? 0, next = frequency[byUse[1]] ?? 0
        return [most >= 2 * (next + 1) ? byUse[0] : Self.undecided]
    }

    /// `‘ ’ ‚ ‛ “ ” „ ‟` and the guillemets.
    static func isQuotationMark(_ s: UInt32) -> Bool { (0x2018...0x201F).contains(s) || s == 0xAB || s == 0xBB || s == 0x2039 || s == 0x203A }

    /// Each lost byte's choice where every language made the same one; U+FFFD elsewhere.
    private func agreed(_ choices: [[UInt32]]) -> [UInt32] {
        choices.dropFirst().reduce(choices[0]) { sofar, next in
            zip(sofar, next).map { $0 == $1 ? $0 : Self.undecided }
        }
    }

    /// The choices of a run too long to weigh every combination of (`ています` lost the same
    /// byte four times: 625), by the language's bigrams alone (no shape costs), exactly: the best
    /// path through the choices, and for each lost byte the best path choosing otherwise there,
    /// from costs summed forwards and backwards; a choice is kept where that costs the margin more.
    private func chooseAlongALongRun(_ run: [[UInt32]], _ context: Context, language: Language?) -> [UInt32] {
        let model = plausibility.model
        let window = [context.before] + run.map { $0[0] } + [context.after]
        guard let language = language ?? model.score(window).best?.language else {
            return [UInt32](repeating: Self.undecided, count: run.count)
        }
        func cost(_ a: UInt32, _ b: UInt32) -> Double { model.cost(of: b, after: a, in: language) }
        let n = run.count
        var forward: [[Double]] = [run[0].map { cost(context.before, $0) }]
        for k in 1..<n {
            forward.append(run[k].map { c in zip(run[k - 1], forward[k - 1]).map { $1 + cost($0, c) }.min()! })
        }
        var backward = [[Double]](repeating: [], count: n)
        backward[n - 1] = run[n - 1].map { cost($0, context.after) }
        for k in stride(from: n - 2, through: 0, by: -1) {
            backward[k] = run[k].map { c in zip(run[k + 1], backward[k + 1]).map { $1 + cost(c, $0) }.min()! }
        }
        return (0..<n).map { k in
            let totals = zip(forward[k], backward[k]).map(+)
            let order = totals.indices.sorted { totals[$0] < totals[$1] }
            let clear = order.count == 1 || totals[order[1]] - totals[order[0]] >= Self.guessMargin
            return clear ? run[k][order[0]] : Self.undecided
        }
    }

    /// A lost byte of a Hangul syllable the model leaves open: the syllable the document uses
    /// most, else the only common one among the choices (the common-syllable list knows Korean's
    /// particles and endings better than bigrams do); nil when neither tells them apart.
    private func hangulGuess(_ choices: [UInt32], _ frequency: [UInt32: Int]) -> UInt32? {
        let byUse = choices.sorted { (frequency[$0] ?? 0) > (frequency[$1] ?? 0) }
        if (frequency[byUse[0]] ?? 0) > (frequency[byUse[1]] ?? 0) { return byUse[0] }
        let common = choices.filter { CommonHangul.bonus[$0] != nil }
        return common.count == 1 ? common[0] : nil
    }

    /// The language model's cost of `scalars` between their neighbours (shape costs included: `”`
    /// is common punctuation, U+2001 is not), in `language`, or in the window's best one.
    private func contextCost(_ scalars: [UInt32], _ context: Context, language: Language?) -> Double {
        let window = [context.before] + scalars + [context.after]
        return plausibility.model.score(window, languages: language.map { LanguageSet([$0]) }).best?.cost ?? .infinity
    }

    /// The line's plausible languages that write the run (its first choices) in their script
    /// (`languagesFor` always holds the Latin languages, ASCII being Latin: a Latin language
    /// counts only for a window of Latin letters, or a Cyrillic window on a line that reads as
    /// Icelandic would be priced at Icelandic's floor, every choice alike); `[nil]` (each
    /// window's best language) when none does.
    private func windowLanguages(_ run: [[UInt32]], _ context: Context) -> [Language?] {
        let model = plausibility.model
        let scripts = model.languagesFor([context.before] + run.map { $0[0] } + [context.after])
        let latinOnly = scripts.mask == model.languagesFor([]).mask
        let fitting = context.languages.filter { scripts.contains($0) && ($0.script == .latin) == latinOnly }
        return fitting.isEmpty ? [nil] : fitting
    }

    /// The line holding byte `offset` (which lies at or after `earliest`, the end of a line
    /// already read) and its plausible languages, read with the accepted units on it decoded
    /// (the guesses left out): as written, mojibake reads as another language (Spanish shown as
    /// Windows-1252 reads as Portuguese; Cyrillic as Icelandic).
    private func lineAndLanguages(at offset: Int, from earliest: Int, decoding accepted: ArraySlice<Accepted>,
                                 _ units: [DecodedUnit], _ p: UnsafeBufferPointer<UInt8>) -> (range: Range<Int>, languages: [Language]) {
        var start = offset, end = offset
        while start > earliest && p[start - 1] != 0x0A { start -= 1 }
        while end < p.count && p[end] != 0x0A { end += 1 }
        var next = accepted.startIndex
        while next < accepted.endIndex && units[accepted[next].index].start < start { next += 1 }
        var scalars: [UInt32] = []
        var i = start
        while i < end {
            if next < accepted.endIndex, units[accepted[next].index].start == i {
                let unit = units[accepted[next].index]
                if !unit.isGuess { scalars.append(unit.scalar) }
                i = unit.end
                next += 1
                continue
            }
            let (scalar, length) = UTF8.decode(p, at: i)
            scalars.append(scalar)
            i += length
        }
        let ranked = plausibility.model.score(scalars).ranked
        return (start..<end, ranked.prefix { $0.cost - ranked[0].cost <= Self.languageMargin }.map(\.language))
    }
}
