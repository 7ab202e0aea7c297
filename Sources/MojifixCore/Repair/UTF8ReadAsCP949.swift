/// UTF-8 bytes decoded as CP949 by a decoder that replaced every byte it could not pair with
/// U+FFFD (one U+FFFD per byte, then it resynchronises on the next byte: Python's `cp949` with
/// `errors="replace"`, and many editors). Each other character re-encodes to its exact CP949
/// bytes, so the UTF-8 can be rebuilt with one unknown byte per U+FFFD. Each unknown byte is
/// constrained by UTF-8 (a lead of the right length, or a continuation) and chosen as the
/// candidate whose syllable the rest of the document uses most, then a KS X 1001 one.
///
/// Lines are repaired whole or not at all: a line that does not rebuild to valid, plausible UTF-8
/// is left alone. Every change is lossy (guessed bytes) and keeps its original bytes in the plan.
struct UTF8ReadAsCP949 {
    let cp949: CP949Table
    let scoring: UnitScoring

    static let steps: [ChainStep] = [.encode(.windows949), .decode(.utf8)]

    /// A rebuilt line: its bytes (nil = unknown) and the characters that replace it.
    private struct Line {
        var range: Range<Int>
        var bytes: [UInt8?]
    }

    func run(_ text: [UInt8]) -> (output: [UInt8], pass: RepairPass)? {
        let lines = text.withUnsafeBufferPointer { rebuildableLines($0) }
        guard !lines.isEmpty else { return nil }
        // First the certain syllables (no unknown byte nearby) give the document's frequencies.
        var frequency: [UInt32: Int] = [:]
        var model = ByteModel()
        var firstMemo: [WindowKey: (UInt32, Float)?] = [:]
        for line in lines {
            for (scalar, certain) in decode(line.bytes, frequency: nil, model: nil, memo: &firstMemo) ?? [] where certain {
                frequency[scalar, default: 0] += 1
                model.add(scalar)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.count)
        var changes: [RepairChange] = []
        var copied = 0
        var memo: [WindowKey: (UInt32, Float)?] = [:]
        for line in lines {
            guard let decoded = decode(line.bytes, frequency: frequency, model: model, memo: &memo),
                  isPlausible(decoded.map(\.scalar)) else { continue }
            output += text[copied..<line.range.lowerBound]
            let start = output.count
            for (scalar, _) in decoded { UTF8.append(scalar, to: &output) }
            let before = Array(text[line.range])
            let guessed = line.bytes.filter { $0 == nil }.count
            changes.append(RepairChange(
                inputRange: line.range, outputRange: start..<output.count, steps: Self.steps,
                confidence: MojibakePass.confidence(Float(decoded.count - guessed)), lossless: false,
                before: String(decoding: before, as: Unicode.UTF8.self),
                after: String(decoding: output[start...], as: Unicode.UTF8.self),
                guesses: ["\(guessed) byte(s) lost as U+FFFD were guessed"], originalBytes: before))
            copied = line.range.upperBound
        }
        guard !changes.isEmpty else { return nil }
        output += text[copied...]
        return (output, RepairPass(kind: .mojibake, chain: Self.steps, changes: changes))
    }

    /// Lines (without their newline) that hold U+FFFD and whose other non-ASCII characters all
    /// have CP949 bytes: the candidates for this misreading.
    private func rebuildableLines(_ p: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        var bytes: [UInt8?] = []
        var replacements = 0, pairs = 0
        var fits = true
        var i = 0
        func finish(_ end: Int) {
            if fits && replacements > 0 && pairs > 0 { lines.append(Line(range: start..<end, bytes: bytes)) }
            bytes.removeAll(keepingCapacity: true)
            replacements = 0; pairs = 0; fits = true
        }
        while i < p.count {
            let (scalar, length) = UTF8.decode(p, at: i)
            if scalar == 0x0A {
                finish(i)
                start = i + 1
            } else if scalar < 0x80 {
                bytes.append(UInt8(scalar))
            } else if scalar == 0xFFFD {
                bytes.append(nil)
                replacements += 1
            } else if fits, let (lead, trail) = cp949.pair(for: scalar) {
                bytes += [lead, trail]
                pairs += 1
            } else {
                fits = false
            }
            i += length
        }
        finish(p.count)
        return lines
    }

    /// Decodes bytes with unknowns as UTF-8; each character comes with whether it was certain.
    /// An unknown byte may be a lead of any length or a continuation, so the line is solved as a
    /// small dynamic programme: the reading whose characters fit best (common syllables, the
    /// document's own frequent syllables) wins. Nil when no reading is well-formed.
    private func decode(_ bytes: [UInt8?], frequency: [UInt32: Int]?, model: ByteModel?,
                        memo: inout [WindowKey: (UInt32, Float)?]) -> [(scalar: UInt32, certain: Bool)]? {
        let n = bytes.count
        // best[i]: score and first step of the best reading of bytes[i...].
        var best = [(score: Float, length: Int, scalar: UInt32)?](repeating: nil, count: n + 1)
        best[n] = (0, 0, 0)
        for i in stride(from: n - 1, through: 0, by: -1) {
            if let b = bytes[i], b < 0x80 {
                if let rest = best[i + 1] { best[i] = (rest.score, 1, UInt32(b)) }
                continue
            }
            let lengths: [Int] = bytes[i].map { lead in
                let l = UTF8.sequenceLength(lead: lead)
                return l > 1 ? [l] : []
            } ?? [2, 3, 4]
            for length in lengths where i + length <= n {
                guard let rest = best[i + length],
                      bytes[(i + 1)..<(i + length)].allSatisfy({ $0 == nil || $0! & 0xC0 == 0x80 }) else { continue }
                let window = Array(bytes[i..<i + length])
                let key = WindowKey(window)
                let pick: (UInt32, Float)?
                if let memoized = memo[key] {
                    pick = memoized
                } else {
                    pick = candidates(window).map { ($0, value($0, frequency, model)) }.max { $0.1 < $1.1 }
                    memo[key] = .some(pick)
                }
                guard let (choice, choiceValue) = pick else { continue }
                let score = rest.score + choiceValue
                if best[i] == nil || score > best[i]!.score { best[i] = (score, length, choice) }
            }
        }
        guard best[0] != nil else { return nil }
        var out: [(UInt32, Bool)] = []
        var i = 0
        while i < n, let step = best[i] {
            out.append((step.scalar, !bytes[i..<i + step.length].contains(where: { $0 == nil })))
            i += step.length
        }
        return out
    }

    /// A window of up to four bytes, unknown ones marked, as a dictionary key.
    struct WindowKey: Hashable {
        let value: UInt64
        init(_ window: [UInt8?]) {
            var v = UInt64(window.count)
            for b in window { v = v << 9 | (b.map { UInt64($0) | 0x100 } ?? 0) }
            value = v
        }
    }

    /// How good a guessed character is: its fitness, how often the document uses it, and how
    /// usual its bytes are at their positions in the document's certain characters.
    private func value(_ scalar: UInt32, _ frequency: [UInt32: Int]?, _ model: ByteModel?) -> Float {
        let count = Float(frequency?[scalar] ?? 0)
        return (scoring.fitness(scalar) ?? -9) + (count > 0 ? 1 + count.squareRoot() * 0.1 : 0)
            + (model?.likelihood(scalar) ?? 0) + (CommonHangul.bonus[scalar] ?? 0)
    }

    /// Byte values at each position of the document's certain three-byte characters: which lead
    /// (EA-ED for Hangul) and which continuations this document's text actually uses.
    ///
    /// A lead byte is lost exactly when it cannot pair with the next byte, which for Hangul leads
    /// (EA-ED) means a second byte below 0xA1; certain characters are mostly the others. So leads
    /// are counted only from certain characters in that same context (seen where the decoder was
    /// out of step), which removes the bias against leads like ED (하, 한, 화) that are never
    /// certain in step.
    struct ByteModel {
        private var leadsWhenLost = [Int](repeating: 0, count: 256)
        private var leadTotal = 0

        mutating func add(_ scalar: UInt32) {
            let bytes = UTF8.encode(scalar)
            guard bytes.count == 3, bytes[1] < 0xA1 else { return }
            leadsWhenLost[Int(bytes[0])] += 1
            leadTotal += 1
        }

        /// The lead byte's share in its context, in 0...1 (0 without data).
        func likelihood(_ scalar: UInt32) -> Float {
            let bytes = UTF8.encode(scalar)
            guard bytes.count == 3, bytes[1] < 0xA1, leadTotal > 0 else { return 0 }
            return Float(leadsWhenLost[Int(bytes[0])]) / Float(leadTotal)
        }
    }

    /// Every scalar the window can be as one well-formed UTF-8 sequence. A three-byte window may
    /// be wholly unknown (its choices are computed once per document, thanks to the memo); a
    /// four-byte one at most half.
    private func candidates(_ window: [UInt8?]) -> [UInt32] {
        let n = window.count
        let unknown = window.indices.filter { window[$0] == nil }
        guard unknown.count <= (n == 4 ? 2 : 3) else { return [] }
        func range(_ k: Int) -> ClosedRange<UInt8> {
            k > 0 ? 0x80...0xBF : n == 2 ? 0xC2...0xDF : n == 3 ? 0xE0...0xEF : 0xF0...0xF4
        }
        var results: [UInt32] = []
        var bytes = window.map { $0 ?? 0 }
        func emit() {
            guard UTF8.sequenceLength(lead: bytes[0]) == n, UTF8.isValid(bytes) else { return }
            let scalar = UTF8.decode(bytes, at: 0).scalar
            if scoring.fitness(scalar) != nil { results.append(scalar) }
        }
        switch unknown.count {
        case 0: emit()
        case 1: for b in range(unknown[0]) { bytes[unknown[0]] = b; emit() }
        case 2:
            for b in range(unknown[0]) {
                bytes[unknown[0]] = b
                for c in range(unknown[1]) { bytes[unknown[1]] = c; emit() }
            }
        default:
            for b in range(unknown[0]) {
                bytes[unknown[0]] = b
                for c in range(unknown[1]) {
                    bytes[unknown[1]] = c
                    for d in range(unknown[2]) { bytes[unknown[2]] = d; emit() }
                }
            }
        }
        return results
    }

    /// The rebuilt line must read as text: mostly common Hangul or other letters, no controls.
    private func isPlausible(_ scalars: [UInt32]) -> Bool {
        let nonASCII = scalars.filter { $0 >= 0x80 }
        guard !nonASCII.isEmpty else { return false }
        let fitting = nonASCII.filter { (scoring.fitness($0) ?? -1) >= 0.5 }.count
        return fitting * 10 >= nonASCII.count * 9
    }
}
