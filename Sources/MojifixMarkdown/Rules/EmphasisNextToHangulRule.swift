/// CommonMark does not read `**모델(LLM)**의` as bold: a closing `**` after punctuation must be
/// followed by a space or punctuation, and Korean particles follow directly. The text then shows
/// literal asterisks (under every flavour but kramdown). Reported (the fix, a zero-width space or rewording, is the author's choice).
struct EmphasisNextToHangulRule: MarkdownRule {
    static let name = "emphasis-flanking"
    static let summary = "Report emphasis CommonMark will not parse next to Hangul (`**모델(LLM)**의`)."
    static let kind = RuleKind.report

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        // kramdown (Jekyll) renders such bold: nothing to act on there.
        guard options.flavor.followsFlankingRules else { return RuleOutcome() }
        let bytes = document.bytes
        var findings: [Finding] = []
        for (index, line) in document.structure.lines.enumerated()
        where document.structure.lineKinds[index] == .prose && Self.mayHold(bytes, line) {
            let scalars = Bytes.scalars(bytes, line)
            var pairsBefore: [UInt32: [Int]] = [:]   // per delimiter, built on the line's first candidate
            var k = 1
            while k + 2 < scalars.count {
                // `**` or `__` preceded by punctuation and followed by a letter: not right-flanking.
                let a = scalars[k].scalar, b = scalars[k + 1].scalar
                if (a == 0x2A && b == 0x2A) || (a == 0x5F && b == 0x5F),
                   Self.isPunctuation(scalars[k - 1].scalar), Self.isLetter(scalars[k + 2].scalar),
                   document.structure.zone(containing: scalars[k].offset) == nil,
                   Self.opensBefore(k, pairsBefore: Self.cached(&pairsBefore, a) { Self.pairsBefore(scalars, delimiter: a) }) {
                    findings.append(Finding(offset: scalars[k].offset, rule: Self.name,
                                            message: "This closing \(a == 0x2A ? "**" : "__") is not emphasis in CommonMark (punctuation before, a letter after)",
                                            severity: .warning))
                    k += 2
                }
                k += 1
            }
        }
        return RuleOutcome(findings: findings)
    }

    /// A cheap byte-level look that the line may hold a finding: a `**` or `__` after an earlier,
    /// separate pair of the same kind, with a byte that can end punctuation before it (ASCII
    /// punctuation but `*` and `_`, or the last byte of a non-ASCII character) and one that can
    /// start a letter after it. Lines without one (nearly all) are not decoded.
    static func mayHold(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            for delimiter in [MDByte.star, MDByte.underscore] {
                var opener: Int? = nil
                var i = line.lowerBound
                while let k = MDByte.find(delimiter, in: p, from: i, to: line.upperBound - 1) {
                    i = k + 1
                    guard p[k + 1] == delimiter else { continue }
                    guard let open = opener else { opener = k; continue }
                    guard open + 1 < k, k + 2 < line.upperBound else { continue }
                    let before = p[k - 1], after = p[k + 2]
                    let punctuation = before >= 0x80 || (MDByte.isPunctuation(before) && before != MDByte.star && before != MDByte.underscore)
                    if punctuation && (after >= 0x80 || MDByte.isAlpha(after)) { return true }
                }
            }
            return false
        }
    }

    /// An opening delimiter of the same kind earlier on the line, not closed yet: an odd number of
    /// pairs before it. (`**A**/**B**`: the second `**` opens.)
    static func opensBefore(_ k: Int, pairsBefore: [Int]) -> Bool {
        pairsBefore[k] % 2 == 1
    }

    /// For each position k of the line, how many `delimiter` pairs a greedy left-to-right scan finds
    /// wholly before k: one pass per line, so a line of thousands of pairs stays linear.
    static func pairsBefore(_ scalars: [(offset: Int, scalar: UInt32, length: Int)], delimiter: UInt32) -> [Int] {
        var counts = [Int](repeating: 0, count: scalars.count + 1)
        var ends = [Bool](repeating: false, count: scalars.count)
        var i = 0
        while i + 1 < scalars.count {
            if scalars[i].scalar == delimiter && scalars[i + 1].scalar == delimiter { ends[i + 1] = true; i += 2; continue }
            i += 1
        }
        for k in stride(from: 1, through: scalars.count, by: 1) { counts[k] = counts[k - 1] + (ends[k - 1] ? 1 : 0) }
        return counts
    }

    private static func cached(_ cache: inout [UInt32: [Int]], _ key: UInt32, _ make: () -> [Int]) -> [Int] {
        if let hit = cache[key] { return hit }
        let made = make()
        cache[key] = made
        return made
    }

    static func isPunctuation(_ s: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(s) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return s != 0x2A && s != 0x5F
        default: return false
        }
    }

    static func isLetter(_ s: UInt32) -> Bool {
        Unicode.Scalar(s)?.properties.isAlphabetic ?? false
    }
}
