internal import MojifixICU

/// Characters that make text read differently from how it is stored are a security concern in a
/// content repository (CVE-2021-42574, "Trojan Source"): bidi embeddings, overrides, isolates and
/// marks (LRM, RLM, ALM); tag characters outside an RGI emoji flag tag sequence (U+E0001 LANGUAGE
/// TAG included); variation selectors with nothing to vary; Hangul fillers that stand alone
/// (U+3164 and U+FFA0 pass for blank names; U+115F/U+1160 outside a jamo syllable); ESC and C1
/// controls (terminal escape sequences). They are reported as errors wherever they are, code
/// included (a `check` fails, and so does `fix`), and removed only when asked, never in code.
/// ZWJ and VS16 inside emoji are legitimate and never flagged.
struct SecurityCharactersRule: MarkdownRule {
    static let name = "security-characters"
    static let summary = "Report bidi controls and marks, stray tag characters, variation selectors and Hangul fillers, ESC and C1 controls."
    static let kind = RuleKind.security
    static let findingsUseZones = false

    /// UTF-8 prefixes of what is looked at (the lead bytes are found with memchr).
    static let prefixes: [[UInt8]] = [
        [0xE2, 0x80, 0xAA], [0xE2, 0x80, 0xAB], [0xE2, 0x80, 0xAC], [0xE2, 0x80, 0xAD], [0xE2, 0x80, 0xAE],  // U+202A-202E
        [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA7], [0xE2, 0x81, 0xA8], [0xE2, 0x81, 0xA9],                      // U+2066-2069
        [0xE2, 0x80, 0x8E], [0xE2, 0x80, 0x8F], [0xD8, 0x9C],                                               // LRM, RLM, ALM
        [0xEF, 0xB8], [0xF3, 0xA0],                                           // variation selectors, tags and VS supplement
        [0xE3, 0x85, 0xA4], [0xEF, 0xBE, 0xA0], [0xE1, 0x85, 0x9F], [0xE1, 0x85, 0xA0],                      // Hangul fillers
    ] + (0x80...0x9F).map { [0xC2, $0] }                                                                  // C1 controls

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        var outcome = RuleOutcome()
        let bytes = document.bytes
        for run in Bytes.runs(holding: Self.prefixes, in: document) {
            check(Bytes.scalars(bytes, run), bytes, document, options, &outcome)
        }
        // ESC is ASCII, outside the runs above.
        bytes.withUnsafeBufferPointer { p in
            var from = 0
            while let k = MDByte.find(0x1B, in: p, from: from, to: p.count) {
                report("control character ESC (U+001B)", at: k..<k + 1, document, options, &outcome)
                from = k + 1
            }
        }
        outcome.findings.sort { $0.offset < $1.offset }
        outcome.edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return outcome
    }

    private func check(_ scalars: [(offset: Int, scalar: UInt32, length: Int)], _ bytes: [UInt8], _ document: MarkdownDocument,
                       _ options: NormalizeOptions, _ outcome: inout RuleOutcome) {
        var flagTagsEnd = -1   // scalars before this index are the tags of an RGI flag
        for (k, item) in scalars.enumerated() {
            let s = item.scalar
            let previous = k > 0 ? scalars[k - 1].scalar : 0
            let next = k + 1 < scalars.count ? scalars[k + 1].scalar : 0
            var problem: String? = nil
            if (0x202A...0x202E).contains(s) || (0x2066...0x2069).contains(s) {
                problem = "bidi control \(Bytes.codePoint(s))"
            } else if s == 0x200E || s == 0x200F || s == 0x061C {
                problem = "bidi mark \(Bytes.codePoint(s))"
            } else if (0xE0000...0xE007F).contains(s) {
                if k < flagTagsEnd { continue }
                problem = "tag character \(Bytes.codePoint(s)) outside an emoji flag"
            } else if s == 0x1F3F4 {
                flagTagsEnd = Self.flagTagsEnd(scalars, from: k, bytes)
            } else if s == 0xFE0E || s == 0xFE0F {
                if !(ICUProperties.isEmoji(previous) || previous == 0x20E3) { problem = "variation selector \(Bytes.codePoint(s)) after a character it cannot vary" }
            } else if (0xE0100...0xE01EF).contains(s) {
                if ICUProperties.script(of: previous) != .han { problem = "variation selector \(Bytes.codePoint(s)) outside an ideographic variation sequence" }
            } else if (0xFE00...0xFE0D).contains(s) {
                if previous < 0x80 || ICUProperties.isDefaultIgnorable(previous) { problem = "variation selector \(Bytes.codePoint(s)) with nothing to vary" }
            } else if s == 0x3164 || s == 0xFFA0
                        || (s == 0x115F && !((0x1161...0x11A7).contains(next) || (0xD7B0...0xD7C6).contains(next)))
                        || (s == 0x1160 && !((0x1100...0x115E).contains(previous) || (0xA960...0xA97C).contains(previous))) {
                problem = "Hangul filler \(Bytes.codePoint(s)), which shows as blank,"
            } else if (0x80...0x9F).contains(s) {
                problem = "C1 control character \(Bytes.codePoint(s))"
            }
            if let problem { report(problem, at: item.offset..<item.offset + item.length, document, options, &outcome) }
        }
    }

    /// The index after the tags that follow the black flag at `k` when they end it as an RGI emoji
    /// tag sequence (England, Scotland, Wales), else `k + 1` (the tags are stray).
    static func flagTagsEnd(_ scalars: [(offset: Int, scalar: UInt32, length: Int)], from k: Int, _ bytes: [UInt8]) -> Int {
        var j = k + 1
        while j < scalars.count && (0xE0020...0xE007E).contains(scalars[j].scalar) { j += 1 }
        guard j < scalars.count, scalars[j].scalar == 0xE007F, j > k + 1 else { return k + 1 }
        let sequence = Array(bytes[scalars[k].offset..<scalars[j].offset + scalars[j].length])
        return ICUProperties.isRGIEmoji(sequence) ? j + 1 : k + 1
    }

    /// An error, or with --strip-security a removal (an error still in code, which is never edited).
    private func report(_ problem: String, at range: Range<Int>, _ document: MarkdownDocument, _ options: NormalizeOptions,
                        _ outcome: inout RuleOutcome) {
        if options.stripSecurityCharacters && !document.structure.touchesZone(range) {
            outcome.edits.append(TextEdit(range: range, replacement: [], message: "Remove the \(problem)"))
        } else {
            outcome.findings.append(Finding(offset: range.lowerBound, rule: Self.name,
                                            message: "Remove the \(problem) (it can make text read differently from how it is stored)",
                                            severity: .error))
        }
    }
}
