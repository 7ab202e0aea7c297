/// One normalisation rule: a type with a stable kebab-case name that looks at a document and
/// proposes small byte-range edits (never a reprint) and findings to report.
///
/// The built-in rules are listed in `RuleRegistry.rules`. A client writes its own by conforming
/// a type to this protocol and giving it to a `Normalizer` (`rules: RuleRegistry.rules +
/// [MyRule.self]`, with `MyRule.name` in `NormalizeOptions.enabledRules`). The normaliser makes
/// a fresh instance (`init()`) for each document it reads, drops edits that touch a protected
/// zone (code, math, front matter, HTML, link destinations) or overlap an earlier rule's edit in
/// the same round (those wait for the next round), and reports each edit made as a `.fixed`
/// finding under the rule's name. Findings a rule reports itself should carry its `name` too.
public protocol MarkdownRule: Sendable {
    /// Stable kebab-case name, used in reports, flags and configuration.
    static var name: String { get }
    /// One line: what the rule does.
    static var summary: String { get }
    /// What the rule does on its own: fixes, or only reports (errors or warnings).
    static var kind: RuleKind { get }

    /// Whether its findings depend on the protected zones or the list items, which only the full
    /// parse knows (see `QuickStructure`). True unless a rule declares otherwise.
    static var findingsUseZones: Bool { get }

    /// Rules whose edits are one file-wide change (line endings): their fix findings are folded
    /// into one per file, with this message for `count` edits. Nil (the default): one per edit.
    static func fileFinding(count: Int) -> String?

    init()
    /// The edits and findings for `document` (offsets into `document.bytes`).
    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome
}

extension MarkdownRule {
    public static var findingsUseZones: Bool { true }
    public static func fileFinding(count: Int) -> String? { nil }
}

/// What a rule does with what it finds.
public enum RuleKind: String, Sendable {
    /// Edits the text.
    case fix
    /// Reports findings only.
    case report
    /// Reports errors (a `check` fails); edits only when asked explicitly.
    case security
}

/// Replace `range` of the document's bytes with `replacement`.
public struct TextEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var replacement: [UInt8]
    /// Short imperative message, e.g. "Remove trailing whitespace".
    public var message: String

    public init(range: Range<Int>, replacement: [UInt8], message: String) {
        self.range = range; self.replacement = replacement; self.message = message
    }
}

/// Something a rule reports, with its position in the document it saw.
public struct Finding: Sendable, Equatable {
    /// `fixed`: an edit was made (or `check`: would be); `error`: a `check` fails (security);
    /// `warning`: worth a look; `info`: advice (outline, suggestions).
    public enum Severity: String, Sendable { case fixed, warning, error, info }
    public var offset: Int
    public var rule: String
    public var message: String
    public var severity: Severity

    public init(offset: Int, rule: String, message: String, severity: Severity) {
        self.offset = offset; self.rule = rule; self.message = message; self.severity = severity
    }
}

/// What one rule proposes for one document: edits (offsets into the bytes it was given, sorted
/// or not, never overlapping each other) and findings to report.
public struct RuleOutcome: Sendable {
    public var edits: [TextEdit] = []
    public var findings: [Finding] = []
    public init(edits: [TextEdit] = [], findings: [Finding] = []) { self.edits = edits; self.findings = findings }
}
