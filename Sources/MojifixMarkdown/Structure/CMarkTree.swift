internal import CMarkGFMShim

/// cmark-gfm's tree as a flat array of `mj_node` (pre-order, parents first), from the C shim.
struct CMarkTree {
    enum Kind: Int32 {
        case other = 0, document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
        case heading, thematicBreak, footnoteDefinition, table, tableRow, tableCell
        case text = 32, softbreak, linebreak, code, htmlInline, emph, strong, link, image, strikethrough
        case footnoteReference, customInline
    }

    var nodes: [mj_node]

    /// Parses `bytes` (the copy in which front matter, math blocks ... were blanked). With
    /// `inlines`, inline nodes are reported too (tests compare them with the scanners).
    init(parsing bytes: UnsafeBufferPointer<UInt8>, inlines: Bool = false) {
        var tree = mj_tree()
        // Bare URLs are found by InlineScanner (cmark gives the autolink extension's links no
        // positions), so the extension is left out: it costs about a fifth of the parse.
        let options = Int32(MJ_OPT_FOOTNOTES) | Int32(MJ_OPT_NO_AUTOLINK) | (inlines ? Int32(MJ_OPT_INLINES) : 0)
        let status = mj_parse(bytes.baseAddress, bytes.count, options, &tree)
        defer { mj_tree_free(&tree) }
        if status == 0, let base = tree.nodes, tree.count > 0 {
            nodes = Array(UnsafeBufferPointer(start: base, count: Int(tree.count)))
        } else {
            nodes = []
        }
    }

    init(nodes: [mj_node]) { self.nodes = nodes }

    static func kind(_ node: mj_node) -> Kind { Kind(rawValue: node.kind) ?? .other }
}

extension mj_node {
    var mjKind: CMarkTree.Kind { CMarkTree.Kind(rawValue: kind) ?? .other }
    func has(_ flag: Int32) -> Bool { flags & flag != 0 }
    /// cmark's end line corrected for its "column 0 = end of the previous line" convention.
    var correctedEndLine: Int32 {
        let end = end_column == 0 ? end_line - 1 : end_line
        return max(end, start_line)
    }
}
