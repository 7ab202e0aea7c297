/// The renderer the site uses, which decides what is a problem (emphasis CommonMark does not
/// parse is bold for kramdown; an H1 repeating the title shows twice only where layouts print it) and how edits are made (kramdown nests a heading lazily in the
/// list above it: no blank line is put between them). `flavor = "…"` in `.mojifix.toml`, else
/// detected from the repository's files.
public enum MarkdownFlavor: String, Sendable, CaseIterable {
    /// GitHub Flavored Markdown (cmark-gfm): GitHub, most tools. The default.
    case gfm
    /// CommonMark without extensions.
    case commonmark
    /// kramdown, Jekyll's renderer (GitHub Pages).
    case kramdown
    /// goldmark, Hugo's renderer (CommonMark with GFM extensions).
    case goldmark

    /// Whether a closing `**` after punctuation and before a letter (`**모델(LLM)**의`) is left
    /// as literal asterisks: CommonMark's flanking rules; kramdown has none of them.
    public var followsFlankingRules: Bool { self != .kramdown }

    /// Whether the site's layouts print the front matter's title above the page (Jekyll, Hugo),
    /// so an H1 repeating it shows twice.
    public var printsTitle: Bool { self == .kramdown || self == .goldmark }

    /// The flavour the files of a repository point to, and which file said so: Jekyll
    /// (`_config.yml`, `Gemfile`) is kramdown, Hugo (`hugo.toml|yaml|json`, or `config.toml|yaml`
    /// next to a `content` folder) is goldmark, anything else GFM. `exists` says whether a path
    /// (relative to the repository root) exists.
    public static func detect(exists: (String) -> Bool) -> (flavor: MarkdownFlavor, reason: String) {
        for name in ["_config.yml", "_config.yaml", "Gemfile"] where exists(name) { return (.kramdown, name) }
        for name in ["hugo.toml", "hugo.yaml", "hugo.json"] where exists(name) { return (.goldmark, name) }
        for name in ["config.toml", "config.yaml"] where exists(name) && exists("content") { return (.goldmark, name + " and content/") }
        return (.gfm, "default")
    }
}
