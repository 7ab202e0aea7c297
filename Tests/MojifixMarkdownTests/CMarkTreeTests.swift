import XCTest
import CMarkGFMShim
@testable import MojifixMarkdown

/// `CMarkTree`: the block-only parse (which leaves cmark's footnotes out when no `[^` could start
/// a definition) reports the same blocks as the parse with inlines (footnotes always on).
final class CMarkTreeTests: XCTestCase {
    private static func blocks(_ tree: CMarkTree) -> [[Int32]] {
        tree.nodes.filter { $0.kind < CMarkTree.Kind.text.rawValue }.map {
            [$0.kind, $0.depth, $0.start_line, $0.start_column, $0.end_line, $0.end_column, $0.flags, $0.level,
             $0.fence_length, $0.fence_offset, $0.fence_char]
        }
    }

    func testBlocksEqualThoseOfTheParseWithFootnotesAndInlines() {
        let footnotes = ["Text[^1] and [\\^2] and [^x]\n\n[^1]: note\n    more\n\n[^y]: unused\n", "[\\^a]: b\n"]
        for (n, bytes) in (QuickStructureTests.documents(count: 300, seed: 23) + footnotes.map { Array($0.utf8) }).enumerated() {
            bytes.withUnsafeBufferPointer { s in
                XCTAssertEqual(Self.blocks(CMarkTree(parsing: s)), Self.blocks(CMarkTree(parsing: s, inlines: true)),
                               "#\(n) \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
    }
}
