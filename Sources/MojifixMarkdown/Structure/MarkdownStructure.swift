/// Where things are in a Markdown document, as byte ranges of its UTF-8 source: the lines, what
/// kind each line is, the zones normalisation must never edit, the headings and list items.
/// Built by `StructureBuilder` (CommonMark + GFM through cmark-gfm, plus the zones cmark does not
/// know: front matter, math, Liquid, kramdown IALs).
public struct MarkdownStructure: Sendable {
    /// What a line is, for rules that work line by line.
    public enum LineKind: UInt8, Sendable {
        case prose, blank, frontMatter, fencedCode, indentedCode, html, mathBlock, table
    }

    /// A byte range no rule may edit.
    public struct Zone: Sendable, Equatable {
        /// What the zone protects.
        public enum Kind: String, Sendable {
            case frontMatter, fencedCode, indentedCode, codeSpan, linkDestination, autolink
            case htmlBlock, inlineHTML, htmlComment, math, liquid, kramdownIAL
        }
        public var range: Range<Int>
        public var kind: Kind
        public init(range: Range<Int>, kind: Kind) { self.range = range; self.kind = kind }
    }

    /// An ATX (`## Title`) or setext (`Title` over `===`) heading.
    public struct Heading: Sendable, Equatable {
        public enum Style: String, Sendable { case atx, setext }
        public var level: Int
        public var style: Style
        /// Index of the heading's (first) line.
        public var line: Int
        /// The heading text: after the `#`s and their spaces, before any closing `#`s and trailing
        /// spaces (ATX); the text line (setext).
        public var textRange: Range<Int>
        /// Index of the `===`/`---` underline (setext only).
        public var underlineLine: Int?
        /// Block quotes around the heading, and whether a list item holds it (full parse only;
        /// the quick structure has top-level headings only). Additive, not in the `init`.
        public var quoteDepth = 0
        public var inListItem = false
        public var isTopLevel: Bool { quoteDepth == 0 && !inListItem }
        public init(level: Int, style: Style, line: Int, textRange: Range<Int>, underlineLine: Int?) {
            self.level = level; self.style = style; self.line = line; self.textRange = textRange
            self.underlineLine = underlineLine
        }
    }

    /// A list item's marker and where its content starts.
    public struct ListItem: Sendable, Equatable {
        public var line: Int
        public var ordered: Bool
        /// The marker (`-`, `*`, `10.`), without the space after it.
        public var markerRange: Range<Int>
        /// Column (in bytes from the line start) where the item's content starts.
        public var contentColumn: Int
        public init(line: Int, ordered: Bool, markerRange: Range<Int>, contentColumn: Int) {
            self.line = line; self.ordered = ordered; self.markerRange = markerRange; self.contentColumn = contentColumn
        }
    }

    /// Each line's content, without its terminator (`\n` or `\r\n`).
    public var lines: [Range<Int>]
    /// One per line.
    public var lineKinds: [LineKind]
    /// Sorted by start, non-overlapping.
    public var zones: [Zone]
    public var headings: [Heading]
    public var listItems: [ListItem]
    /// The front matter block including its `---` fences, if the document starts with one.
    public var frontMatter: Range<Int>?
    /// Lines (indices, ascending) of paragraphs that start, after their container prefix, with
    /// 1-6 `#` followed by NBSP or U+3000: written as headings, but not headings for CommonMark
    /// and GitHub (only a space or tab may follow the `#`s). Never lines of code, HTML, math or
    /// front matter. (Additive; not part of the memberwise `init`.)
    public var looksLikeHeadingLines: [Int] = []
    /// Built by `QuickStructure`: no inline zones and no list items (see there).
    var isQuick = false
    /// Labels of the link reference definitions (normalised as `InlineScanner` matches them; full
    /// parse only): what shortcut and full references are checked against.
    var definedLabels = Set<[UInt8]>()

    public init(lines: [Range<Int>], lineKinds: [LineKind], zones: [Zone], headings: [Heading],
                listItems: [ListItem], frontMatter: Range<Int>?) {
        self.lines = lines; self.lineKinds = lineKinds; self.zones = zones; self.headings = headings
        self.listItems = listItems; self.frontMatter = frontMatter
    }

    /// Parses `bytes` (valid UTF-8).
    public init(parsing bytes: [UInt8]) {
        self = StructureBuilder.build(bytes)
    }

    /// The zone containing `offset`, if any (binary search).
    public func zone(containing offset: Int) -> Zone? {
        var low = 0, high = zones.count
        while low < high {
            let mid = (low + high) / 2
            if zones[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < zones.count && zones[low].range.contains(offset) ? zones[low] : nil
    }

    /// True when any byte of `range` is inside a zone.
    public func touchesZone(_ range: Range<Int>) -> Bool {
        var low = 0, high = zones.count
        while low < high {
            let mid = (low + high) / 2
            if zones[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < zones.count && zones[low].range.lowerBound < range.upperBound
    }
}
