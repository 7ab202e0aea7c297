/// How the normaliser runs: which rules, and the few switches rules read.
public struct NormalizeOptions: Sendable {
    /// Rules to run (by name); `RuleRegistry.defaultEnabled` unless configured. A client's own
    /// rule (given to `Normalizer(options:rules:)`) runs only when its name is here too.
    public var enabledRules: Set<String>
    /// Keep CRLF line endings in files that use them (default: convert to LF).
    public var keepCRLF: Bool
    /// Let security rules remove what they report (default: report only).
    public var stripSecurityCharacters: Bool
    /// Compute the heading anchors that changed (for reports; off saves the work).
    public var reportAnchorChanges: Bool = false
    /// Fixing rules that only report what they would change, as warnings (profile `precommit`:
    /// the opt-in rules are suggested, never applied). A rule also in `enabledRules` fixes.
    public var suggestedRules: Set<String> = []
    /// The site's renderer (see `MarkdownFlavor`).
    public var flavor: MarkdownFlavor = .gfm

    public init(enabledRules: Set<String> = RuleRegistry.defaultEnabled, keepCRLF: Bool = false,
                stripSecurityCharacters: Bool = false) {
        self.enabledRules = enabledRules
        self.keepCRLF = keepCRLF
        self.stripSecurityCharacters = stripSecurityCharacters
    }
}
