import XCTest
import MojifixText
import CMarkGFMShim
@testable import MojifixMarkdown

/// `PlainBlocks`: whenever it gives a tree, that tree is node for node cmark's parse of the whole
/// document, on corpus, generated and mutated documents and on seeded sequences of plain blocks
/// mixed with every construct the scan must leave to cmark (or refuse).
final class PlainBlocksTests: XCTestCase {
    typealias Generator = NormalizerPropertyTests.Generator

    static func fields(_ n: mj_node) -> [Int32] {
        [n.kind, n.parent, n.depth, n.start_line, n.start_column, n.end_line, n.end_column, n.flags, n.level,
         n.fence_length, n.fence_offset, n.fence_char, n.text_length]
    }

    /// Lines the scan reads itself, lines it must hand to cmark, and lines that end or continue
    /// its blocks in every way it must tell apart.
    static let lines = [
        "# Heading", "## Heading ##", "###### x #####  ", "# #", "#", "#tag line", "####### seven", "#\tTab", "  # indented",
        "Paragraph text.", "**굵게** 본문", "text with trailing  ", "2026-02-13 date", "1. one", "1) one", "10. ten", "-dash",
        "--", "- item", "- item two", "* star", "+ plus", "- [ ] task", "- [x] done", "-", "- ", "-\ttab", "-  two spaces",
        "- # heading", "- - nested", "- 1. nested", "- **bold** item", "  - sub", "    indented", "\tcode", "---", "***",
        "___", "- - -", "* * *", "===", "=", "| a | b |", "|---|---|", "--- | ---", ":--", "a | b", "```", "```python",
        "~~~", "`code` span", "<div>", "</div>", "<!-- open", "close -->", "<!-- one -->", "> quote", ">", "[ref]: /url",
        "[link] text", "![img](x.png)", "{% raw %}", "$$", "\u{FEFF}bom", "x\u{0C}y", "", "", "", "  ", "\t",
    ]

    static func plainDocument(_ g: inout Generator) -> [UInt8] {
        let newline = g.next(4) == 0 ? "\r\n" : "\n"
        var text = (0..<(1 + g.next(40))).map { _ in g.pick(Self.lines) }.joined(separator: newline)
        if g.next(3) != 0 { text += newline }
        return Array(text.utf8)
    }

    func testTreesEqualTheWholeParse() {
        var g = Generator(seed: 53)
        var documents = QuickStructureTests.documents(count: 600, seed: 29)
        for _ in 0..<3000 { documents.append(Self.plainDocument(&g)) }
        var scanned = 0
        for (n, bytes) in documents.enumerated() {
            bytes.withUnsafeBufferPointer { s in
                let table = LineTable(s)
                guard let tree = PlainBlocks.tree(s, table: table) else { return }
                scanned += 1
                let whole = CMarkTree(parsing: s)
                let what = "#\(n) \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)"
                XCTAssertEqual(tree.nodes.map(Self.fields), whole.nodes.map(Self.fields), what)
            }
        }
        // The comparison means something only if most documents are read by the scan.
        XCTAssertGreaterThan(scanned, documents.count * 2 / 3, "scanned \(scanned) of \(documents.count)")
    }
}
