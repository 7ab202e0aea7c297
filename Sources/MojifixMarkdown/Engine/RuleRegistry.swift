/// The built-in rules and the sets of them the profiles enable. A `Normalizer` runs these unless
/// it is given another list (a client's own rules added to them, see `MarkdownRule`).
public enum RuleRegistry {
    /// Every built-in rule, in the order the normaliser runs them (file-level first, then
    /// characters, then line shape, then the final newline).
    public static let rules: [MarkdownRule.Type] = [
        LineEndingsRule.self,
        LeadingBOMRule.self,
        InvisibleCharactersRule.self,
        DoubledVariationSelectorRule.self,
        SecurityCharactersRule.self,
        UnicodeNFCRule.self,
        EmojiZWJRule.self,
        AddVS16Rule.self,
        StripVS16Rule.self,
        SetextToATXRule.self,
        BoldLineHeadingRule.self,
        HeadingEmojiRule.self,
        HeadingEmphasisRule.self,
        HeadingSpacingRule.self,
        ProseSpacesRule.self,
        TrailingWhitespaceRule.self,
        BlankLinesRule.self,
        FinalNewlineRule.self,
        HeadingOutlineRule.self,
        HashtagLineRule.self,
        EmphasisNextToHangulRule.self,
        OrderedListIndentRule.self,
    ]

    /// Rules that change content a reader may care about: only on request (profile `export` or
    /// `--enable`).
    public static let optIn: Set<String> = [SetextToATXRule.name, BoldLineHeadingRule.name, HeadingEmphasisRule.name,
                                            HeadingEmojiRule.name, ProseSpacesRule.name, AddVS16Rule.name, StripVS16Rule.name]

    /// Opt-in rules no profile turns on (they are a choice between opposites).
    static let onRequestOnly: Set<String> = [AddVS16Rule.name, StripVS16Rule.name]

    /// The safe default: every rule but the opt-in ones.
    public static let defaultEnabled: Set<String> = Set(rules.map { $0.name }).subtracting(optIn)

    /// Rules whose edits are file-level and may cross protected zones: line terminators and a
    /// leading BOM are not part of any code block's text. They read neither zones nor list items,
    /// so their edits on the quick structure are the ones they make on the full parse.
    static let crossesZones: Set<String> = [LineEndingsRule.name, LeadingBOMRule.name, FinalNewlineRule.name]

    /// The built-in rule with this name, if any.
    public static func rule(named name: String) -> MarkdownRule.Type? { rules.first { $0.name == name } }
}
