/// A variation selector repeated (`⛔️️`: U+FE0F twice, left by copy-paste or an editor adding
/// one to text that had one) varies nothing the first one did not: the extra ones are removed.
/// Safe by default; `security-characters` would otherwise report the stray one for ever.
struct DoubledVariationSelectorRule: MarkdownRule {
    static let name = "doubled-variation-selector"
    static let summary = "Remove a variation selector repeated right after another (U+FE0F U+FE0F)."
    static let kind = RuleKind.fix
    static let findingsUseZones = false

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        var edits: [TextEdit] = []
        // U+FE00-FE0F are EF B8 80-8F; only runs holding EF B8 are decoded.
        for run in Bytes.runs(holding: [[0xEF, 0xB8]], in: document) {
            let scalars = Bytes.scalars(bytes, run)
            for k in scalars.indices.dropFirst() where Self.isSelector(scalars[k].scalar) && Self.isSelector(scalars[k - 1].scalar) {
                edits.append(TextEdit(range: scalars[k].offset..<scalars[k].offset + scalars[k].length, replacement: [],
                                      message: "Remove the repeated variation selector \(Bytes.codePoint(scalars[k].scalar))"))
            }
        }
        return RuleOutcome(edits: edits)
    }

    static func isSelector(_ scalar: UInt32) -> Bool { (0xFE00...0xFE0F).contains(scalar) }
}
