/// Every rule, in the order the normaliser runs them (file-level first, then characters, then
/// line shape, then the final newline).
public enum RuleRegistry {
    public static let rules: [MarkdownRule.Type] = [
        LineEndingsRule.self,
        LeadingBOMRule.self,
        InvisibleCharactersRule.self,
        SecurityCharactersRule.self,
        UnicodeNFCRule.self,
        EmojiZWJRule.self,
        HeadingSpacingRule.self,
        TrailingWhitespaceRule.self,
        BlankLinesRule.self,
        FinalNewlineRule.self,
        HeadingOutlineRule.self,
        HashtagLineRule.self,
        EmphasisNextToHangulRule.self,
        OrderedListIndentRule.self,
    ]

    /// On unless configured otherwise (every rule implemented so far is safe by default).
    public static let defaultEnabled: Set<String> = Set(rules.map { $0.name })

    /// Rules whose edits are file-level and may cross protected zones: line terminators and a
    /// leading BOM are not part of any code block's text.
    static let crossesZones: Set<String> = [LineEndingsRule.name, LeadingBOMRule.name, FinalNewlineRule.name]

    public static func rule(named name: String) -> MarkdownRule.Type? { rules.first { $0.name == name } }
}
