import XCTest
@testable import MojifixMarkdown

/// `IncrementalStructure`: whenever it updates a structure after edits, the result is exactly the
/// full parse of the edited document (lines, kinds, zones, headings, list items, front matter,
/// labels), on corpus documents, generated ones and seeded mutations, under seeded edits that
/// insert, replace and delete every construct the quick-path tests use; and the normaliser gives
/// the same bytes, findings and anchors with and without the updates.
final class IncrementalStructureTests: XCTestCase {
    typealias Generator = NormalizerPropertyTests.Generator

    private static let snippets = QuickStructureTests.lines.map { $0 + "\n" } + QuickStructureTests.fragments
        + ["", "", "a", " ", "\n", "\n\n", "# ", "word ", "한국어 "]

    /// One to four sorted, disjoint edits on scalar boundaries.
    private static func edits(_ bytes: [UInt8], _ g: inout Generator) -> [TextEdit] {
        let boundaries = (0...bytes.count).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        var result: [TextEdit] = []
        var floor = 0
        for _ in 0..<(1 + g.next(4)) {
            let candidates = boundaries.filter { $0 >= floor }
            guard !candidates.isEmpty else { break }
            let start = g.pick(candidates)
            var end = start
            for _ in 0..<g.next(4) where end < bytes.count {
                end += 1
                while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            }
            result.append(TextEdit(range: start..<end, replacement: Array(g.pick(snippets).utf8), message: ""))
            floor = end + 1
        }
        return result
    }

    func testUpdatesEqualTheFullParse() {
        var g = Generator(seed: 20)
        var updated = 0, tried = 0
        for (n, bytes) in QuickStructureTests.documents(count: 700, seed: 12).enumerated() {
            let old = MarkdownStructure(parsing: bytes)
            for _ in 0..<3 {
                let edits = Self.edits(bytes, &g)
                guard !edits.isEmpty else { continue }
                tried += 1
                let new = Normalizer.apply(edits, to: bytes)
                guard let incremental = IncrementalStructure.update(old, from: bytes, edits: edits, to: new) else { continue }
                updated += 1
                let full = MarkdownStructure(parsing: new)
                let what = "#\(n) \(edits.map { "\($0.range) \(String(decoding: $0.replacement, as: UTF8.self).debugDescription)" }) in \(String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription)"
                assertSameStructure(incremental, full, what)
                XCTAssertFalse(incremental.isQuick)
            }
        }
        // The comparison means something only if many edits are updated rather than refused.
        XCTAssertGreaterThan(updated, tried / 20, "updated \(updated) of \(tried)")
    }

    func testNormaliserGivesTheSameResultWithAndWithoutUpdates() {
        let documents = QuickStructureTests.documents(count: 300, seed: 9)
        for options in QuickStructureTests.optionSets.prefix(2) {
            var full = Normalizer(options: options)
            full.usesIncrementalStructure = false
            let incremental = Normalizer(options: options)
            for (n, bytes) in documents.enumerated() {
                QuickStructureTests.assertSame(incremental.normalize(bytes), full.normalize(bytes),
                                               "#\(n): \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
    }
}
