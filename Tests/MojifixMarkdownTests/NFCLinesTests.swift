import XCTest
@testable import MojifixMarkdown

/// `NFCLines`: after seeded edits, looking only where the lines found before (moved through the
/// edits) and the edits' new bytes allow finds exactly the lines a look at the whole document
/// finds; and the normaliser gives the same results with and without that scope.
final class NFCLinesTests: XCTestCase {
    static let pieces = ["plain ", "한국어 ", "漢字", "📌", "e\u{301}", "\u{301}", "\u{1112}\u{1161}\u{11AB}", "\u{1161}", "ﬀ",
                         "\u{0915}\u{093C}", "’", "\u{FE0F}", "⚠️", "\u{212B}", "\n", "\r\n", "\n\n", "# ", "`e\u{301}`", "- ", "  "]

    static func lines(_ bytes: [UInt8], within scope: [Range<Int>]?) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { NFCLines.find($0, within: scope) }
    }

    func testScopedLinesEqualTheWholeLook() {
        var g = NormalizerPropertyTests.Generator(seed: 67)
        var scoped = 0
        for n in 0..<3000 {
            let before = Array((0..<(1 + g.next(40))).map { _ in g.pick(Self.pieces) }.joined().utf8)
            // Edits at scalar boundaries, sorted and apart: replacements, insertions, removals.
            let boundaries = before.indices.filter { before[$0] & 0xC0 != 0x80 } + [before.count]
            var edits: [TextEdit] = []
            var floor = 0
            for _ in 0..<g.next(6) {
                let candidates = boundaries.filter { $0 >= floor }
                guard !candidates.isEmpty else { break }
                let start = g.pick(candidates)
                let ends = candidates.filter { $0 >= start && $0 <= start + 12 }
                let end = g.pick(ends)
                let replacement = g.next(3) == 0 ? [] : Array(g.pick(Self.pieces).utf8)
                edits.append(TextEdit(range: start..<end, replacement: replacement, message: ""))
                floor = end + 1
            }
            let after = Normalizer.apply(edits, to: before)
            let scope = NFCLines.scope(of: Self.lines(before, within: nil), after: edits)
            if scope.reduce(0, { $0 + $1.count }) < after.count { scoped += 1 }
            XCTAssertEqual(Self.lines(after, within: scope), Self.lines(after, within: nil),
                           "#\(n) \(String(decoding: before, as: UTF8.self).debugDescription) \(edits.map { ($0.range, String(decoding: $0.replacement, as: UTF8.self)) })")
        }
        XCTAssertGreaterThan(scoped, 1000)
    }

    func testNormaliserGivesTheSameResultWithAndWithoutTheScope() {
        let documents = QuickStructureTests.documents(count: 300, seed: 71)
        for options in QuickStructureTests.optionSets.prefix(2) {
            let scoped = Normalizer(options: options)
            var whole = Normalizer(options: options)
            whole.usesNFCScope = false
            for (n, bytes) in documents.enumerated() {
                QuickStructureTests.assertSame(scoped.normalize(bytes), whole.normalize(bytes),
                                               "#\(n) \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
    }
}
