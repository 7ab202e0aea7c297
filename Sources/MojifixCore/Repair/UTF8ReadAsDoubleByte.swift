internal import MojifixICU

/// UTF-8 read as a double-byte charset (GBK, CP932, EUC-KR, Big5) by a strict decoder and saved
/// again: `café` becomes `caf茅`, Korean becomes random ideographs. Every byte then belongs to a
/// character of that charset, so each run of non-ASCII characters re-encodes to a whole number of
/// UTF-8 sequences. A charset is taken only when every such run of the document re-encodes to
/// valid UTF-8 (the strict decode left nothing out), reading the UTF-8 back through the charset
/// gives the run exactly (the proof of invertibility), and the language model finds the decoded
/// lines far more plausible than the text as written.
final class UTF8ReadAsDoubleByte {
    static let charsets: [Charset] = [Charset("GBK"), .shiftJIS, .eucKR, .big5]

    private let converters: [(charset: Charset, converter: TextCodec)]
    private let model = LanguageModel.shared

    /// Per charset, the characters it maps both ways (nil: unknown): one set for the process,
    /// made once this reader has looked at `textsBeforeRepertoires` texts (asking ICU for it
    /// costs as much as a few thousand conversions: a run on one file does not pay for it).
    private static let repertoires: [CharacterRepertoire?] = charsets.map { charset in
        (try? TextCodecs.codec(for: charset)).flatMap { try? $0.repertoire() }
    }
    /// Texts looked at before the repertoires are asked (the tests set 0, and `Int.max` for never).
    var textsBeforeRepertoires = 1000
    private var textsSeen = 0
    /// Charsets left out by their repertoire (for the tests).
    private(set) var leftOutByRepertoire = 0

    init() throws(ICUError) {
        var converters: [(Charset, TextCodec)] = []
        for charset in Self.charsets { converters.append((charset, try TextCodecs.codec(for: charset))) }
        self.converters = converters
    }

    func run(_ text: [UInt8]) -> (output: [UInt8], pass: RepairPass)? {
        // Clean text fails on its first run for every charset: only then are all runs listed. A
        // charset without some character of that run cannot encode it (asked without ICU first).
        guard let first = Self.nextRun(text, from: 0) else { return nil }
        textsSeen += 1
        let mayFit = textsSeen > textsBeforeRepertoires ? Self.repertoires.map { $0?.mayHoldAll(text, first) ?? true }
            : [Bool](repeating: true, count: converters.count)
        leftOutByRepertoire += mayFit.filter { !$0 }.count
        guard converters.indices.contains(where: { mayFit[$0] && decode([first], of: text, converters[$0].converter) != nil }) else { return nil }
        let runs = Self.nonASCIIRuns(text)
        var best: (gain: Double, charset: Charset, decoded: [[UInt8]])? = nil
        for (k, (charset, converter)) in converters.enumerated() where mayFit[k] {
            guard let decoded = decode(runs, of: text, converter) else { continue }
            let gain = plausibilityGain(text, runs, decoded)
            if gain >= MojibakePass.lineGain && gain > (best?.gain ?? 0) { best = (gain, charset, decoded) }
        }
        guard let best else { return nil }
        let steps: [ChainStep] = [.encode(best.charset), .decode(.utf8)]
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var changes: [RepairChange] = []
        var copied = 0
        for (run, decoded) in zip(runs, best.decoded) where Array(text[run]) != decoded {
            output += text[copied..<run.lowerBound]
            let start = output.count
            output += decoded
            changes.append(RepairChange(
                inputRange: run, outputRange: start..<output.count, steps: steps,
                confidence: MojibakePass.confidence(Float(best.gain)), lossless: true,
                before: String(decoding: text[run], as: Unicode.UTF8.self),
                after: String(decoding: decoded, as: Unicode.UTF8.self)))
            copied = run.upperBound
        }
        guard !changes.isEmpty else { return nil }
        output += text[copied...]
        return (output, RepairPass(kind: .mojibake, chain: steps, changes: changes))
    }

    /// Each run re-encoded and read as UTF-8, or nil as soon as one run does not fit.
    private func decode(_ runs: [Range<Int>], of text: [UInt8], _ converter: TextCodec) -> [[UInt8]]? {
        var decoded: [[UInt8]] = []
        decoded.reserveCapacity(runs.count)
        for run in runs {
            let source = Array(text[run])
            // Proof: the UTF-8, read through the charset again, gives the run exactly.
            guard let bytes = try? converter.encode(source), bytes.contains(where: { $0 >= 0x80 }), UTF8.isValid(bytes),
                  (try? converter.decode(bytes)) == source,
                  UTF8.scalars(bytes).allSatisfy(Self.isText) else { return nil }
            decoded.append(bytes)
        }
        return decoded
    }

    /// Cost of the changed lines as written minus decoded, each under its best language.
    private func plausibilityGain(_ text: [UInt8], _ runs: [Range<Int>], _ decoded: [[UInt8]]) -> Double {
        var gain = 0.0
        var k = 0
        while k < runs.count {
            var lineStart = runs[k].lowerBound
            while lineStart > 0 && text[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = runs[k].upperBound
            while lineEnd < text.count && text[lineEnd] != 0x0A { lineEnd += 1 }
            var written: [UInt8] = [], repaired: [UInt8] = []
            var copied = lineStart
            while k < runs.count && runs[k].upperBound <= lineEnd {
                repaired += text[copied..<runs[k].lowerBound]
                repaired += decoded[k]
                copied = runs[k].upperBound
                k += 1
            }
            repaired += text[copied..<lineEnd]
            written += text[lineStart..<lineEnd]
            guard let before = model.score(UTF8.scalars(written)).best?.cost,
                  let after = model.score(UTF8.scalars(repaired)).best?.cost else { continue }
            gain += before - after
        }
        return gain
    }

    /// No text holds controls, private use or unassigned characters: a reading giving them is wrong.
    private static func isText(_ s: UInt32) -> Bool {
        switch ScalarTraits.category(s) {
        case .control, .unassigned, .privateUse, .surrogate: return false
        default: return !ScalarTraits.isNoncharacter(s)
        }
    }

    /// Maximal runs of non-ASCII characters.
    static func nonASCIIRuns(_ text: [UInt8]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var from = 0
        while let run = nextRun(text, from: from) {
            runs.append(run)
            from = run.upperBound
        }
        return runs
    }

    private static func nextRun(_ text: [UInt8], from: Int) -> Range<Int>? {
        var i = from
        while i < text.count && text[i] < 0x80 { i += 1 }
        guard i < text.count else { return nil }
        let start = i
        while i < text.count && text[i] >= 0x80 { i += 1 }
        return start..<i
    }
}
