internal import MojifixICU

/// Opt-in: emoji presentation selectors (VS16, U+FE0F) made uniform in prose.
/// `vs16-add` adds VS16 where the character alone is not an RGI emoji but is one with it
/// (`⚠` -> `⚠️`); `vs16-strip` removes VS16 after emoji for pipelines that compare plain text
/// (`⚠️` -> `⚠`), except inside ZWJ and keycap sequences, which need it. Neither is in a profile:
/// choose one with `--enable` (if both are on, stripping wins).
struct AddVS16Rule: MarkdownRule {
    static let name = "vs16-add"
    static let summary = "Add VS16 where it makes a character an RGI emoji (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        guard !options.enabledRules.contains(StripVS16Rule.name) else { return RuleOutcome() }
        let bytes = document.bytes
        var edits: [TextEdit] = []
        for run in Bytes.runs(holdingLeads: [0xE2, 0xE3, 0xC2], in: document) {
            let scalars = Bytes.scalars(bytes, run)
            for (k, item) in scalars.enumerated() where item.scalar >= 0xA9 && ICUProperties.isEmoji(item.scalar) {
                let next = k + 1 < scalars.count ? scalars[k + 1].scalar : 0
                guard next != 0xFE0F, next != 0xFE0E, next != 0x200D, next != 0x20E3 else { continue }
                let alone = Bytes.utf8(item.scalar)
                guard !ICUProperties.isRGIEmoji(alone), ICUProperties.isRGIEmoji(alone + [0xEF, 0xB8, 0x8F]) else { continue }
                let end = item.offset + item.length
                edits.append(TextEdit(range: end..<end, replacement: [0xEF, 0xB8, 0x8F], message: "Add VS16 (emoji presentation)"))
            }
        }
        return RuleOutcome(edits: edits)
    }
}

struct StripVS16Rule: MarkdownRule {
    static let name = "vs16-strip"
    static let summary = "Remove VS16 after emoji, outside ZWJ and keycap sequences (opt-in)."
    static let kind = RuleKind.fix

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var edits: [TextEdit] = []
        for run in Bytes.runs(holding: [[0xEF, 0xB8, 0x8F]], in: document) {
            let scalars = Bytes.scalars(bytes, run)
            for (k, item) in scalars.enumerated() where item.scalar == 0xFE0F && k > 0 {
                let next = k + 1 < scalars.count ? scalars[k + 1].scalar : 0
                guard next != 0x200D, next != 0x20E3, scalars[k - 1].scalar != 0x200D else { continue }
                edits.append(TextEdit(range: item.offset..<item.offset + item.length, replacement: [],
                                      message: "Remove VS16 (plain-text presentation)"))
            }
        }
        return RuleOutcome(edits: edits)
    }
}
