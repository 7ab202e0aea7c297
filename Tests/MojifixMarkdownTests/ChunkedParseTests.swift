import XCTest
import MojifixText
import CMarkGFMShim
@testable import MojifixMarkdown

/// `ChunkedParse`: whenever it gives a tree, that tree is node for node cmark's parse of the whole
/// document, on corpus, generated and mutated documents and on pairs of them joined (any size
/// counts here: the size floor only says when two threads pay off); and a large document is
/// parsed in halves.
final class ChunkedParseTests: XCTestCase {
    private static func fields(_ n: mj_node) -> [Int32] {
        [n.kind, n.parent, n.depth, n.start_line, n.start_column, n.end_line, n.end_column, n.flags, n.level,
         n.fence_length, n.fence_offset, n.fence_char, n.text_length]
    }

    func testHalvesEqualTheWholeParse() {
        let documents = QuickStructureTests.documents(count: 600, seed: 29)
        var chunked = 0
        for (n, single) in documents.enumerated() {
            // A document alone, and joined to the next one (the cut then often falls between them).
            for bytes in [single, single + [0x0A] + documents[(n + 1) % documents.count]] {
                bytes.withUnsafeBufferPointer { s in
                    guard let tree = ChunkedParse.tree(s, LineTable(s), minimumBytes: 0) else { return }
                    chunked += 1
                    XCTAssertEqual(tree.nodes.map(Self.fields), CMarkTree(parsing: s).nodes.map(Self.fields),
                                   "#\(n) \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)")
                }
            }
        }
        XCTAssertGreaterThan(chunked, documents.count / 4, "chunked \(chunked) of \(2 * documents.count)")
    }

    func testLargeDocumentsAreParsedInHalves() {
        let paragraph = Array("# 제목\n\nA paragraph of text, long enough.\n- item\n- item\n\n".utf8)
        let bytes = Array(repeating: paragraph, count: ChunkedParse.minimumBytes / paragraph.count + 1).flatMap { $0 }
        bytes.withUnsafeBufferPointer { s in
            XCTAssertNil(ChunkedParse.tree(UnsafeBufferPointer(rebasing: s[0..<1000]), LineTable(UnsafeBufferPointer(rebasing: s[0..<1000]))))
            let tree = ChunkedParse.tree(s, LineTable(s))
            XCTAssertNotNil(tree)
            XCTAssertEqual(tree?.nodes.map(Self.fields), CMarkTree(parsing: s).nodes.map(Self.fields))
        }
    }
}
