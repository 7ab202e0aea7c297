import MojifixICU

/// Characters that make text read differently from how it is stored are a security concern in a
/// content repository (CVE-2021-42574, "Trojan Source"): bidi embeddings, overrides and isolates;
/// tag characters outside an emoji flag tag sequence; variation selectors with nothing to vary.
/// They are reported as errors (a `check` fails) and removed only when asked. ZWJ and VS16 inside
/// emoji are legitimate and never flagged.
struct SecurityCharactersRule: MarkdownRule {
    static let name = "security-characters"
    static let summary = "Report bidi controls, stray tag characters and stray variation selectors."
    static let kind = RuleKind.security
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        var outcome = RuleOutcome()
        let bytes = document.bytes
        // Bidi controls (E2 80 AA-AE, E2 81 A6-A9), variation selectors (EF B8 80-8F), tags and
        // the supplement (F3 A0 ..).
        let prefixes: [[UInt8]] = [[0xE2, 0x80, 0xAA], [0xE2, 0x80, 0xAB], [0xE2, 0x80, 0xAC], [0xE2, 0x80, 0xAD],
                                   [0xE2, 0x80, 0xAE], [0xE2, 0x81, 0xA6], [0xE2, 0x81, 0xA7], [0xE2, 0x81, 0xA8],
                                   [0xE2, 0x81, 0xA9], [0xEF, 0xB8], [0xF3, 0xA0]]
        for run in Bytes.runs(holding: prefixes, in: bytes) { check(Bytes.scalars(bytes, run), options, &outcome) }
        return outcome
    }

    private func check(_ scalars: [(offset: Int, scalar: UInt32, length: Int)], _ options: NormalizeOptions,
                       _ outcome: inout RuleOutcome) {
        var inFlagTags = false
        for (k, item) in scalars.enumerated() {
            let s = item.scalar
            var problem: String? = nil
            if (0x202A...0x202E).contains(s) || (0x2066...0x2069).contains(s) {
                problem = "bidi control \(Bytes.codePoint(s))"
            } else if (0xE0020...0xE007F).contains(s) {
                // Tags belong to a flag: 🏴 followed by tag letters and ended by CANCEL TAG.
                if k > 0 && (scalars[k - 1].scalar == 0x1F3F4 || (inFlagTags && (0xE0020...0xE007E).contains(scalars[k - 1].scalar))) {
                    inFlagTags = s != 0xE007F
                } else {
                    problem = "tag character \(Bytes.codePoint(s)) outside an emoji flag"
                }
            } else if s == 0xFE0E || s == 0xFE0F {
                let base = k > 0 ? scalars[k - 1].scalar : 0
                if !(ICUProperties.isEmoji(base) || base == 0x20E3) { problem = "variation selector \(Bytes.codePoint(s)) after a character it cannot vary" }
            } else if (0xE0100...0xE01EF).contains(s) {
                let base = k > 0 ? scalars[k - 1].scalar : 0
                if ICUProperties.script(of: base) != .han { problem = "variation selector \(Bytes.codePoint(s)) outside an ideographic variation sequence" }
            } else if (0xFE00...0xFE0D).contains(s) {
                let base = k > 0 ? scalars[k - 1].scalar : 0
                if base < 0x80 || ICUProperties.isDefaultIgnorable(base) { problem = "variation selector \(Bytes.codePoint(s)) with nothing to vary" }
            }
            guard let problem else { continue }
            if options.stripSecurityCharacters {
                outcome.edits.append(TextEdit(range: item.offset..<item.offset + item.length, replacement: [],
                                              message: "Remove the \(problem)"))
            } else {
                outcome.findings.append(Finding(offset: item.offset, rule: Self.name,
                                                message: "Remove the \(problem) (it can make text read differently from how it is stored)",
                                                severity: .error))
            }
        }
    }
}
