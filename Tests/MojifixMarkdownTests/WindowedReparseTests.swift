import XCTest
import MojifixText
import CMarkGFMShim
@testable import MojifixMarkdown

/// `WindowedReparse`: whenever it gives a tree for a blanked copy, that tree is node for node
/// cmark's parse of the whole copy, under seeded blanking of line runs and parts of lines (as math
/// and Liquid blocks are blanked) on corpus, generated and mutated documents; and structures built
/// with it equal those built with whole second parses.
final class WindowedReparseTests: XCTestCase {
    typealias Generator = NormalizerPropertyTests.Generator

    private static func fields(_ n: mj_node) -> [Int32] {
        [n.kind, n.parent, n.depth, n.start_line, n.start_column, n.end_line, n.end_column, n.flags, n.level,
         n.fence_length, n.fence_offset, n.fence_char, n.text_length]
    }

    /// One to three blanked ranges: whole lines, or from inside one line to inside a later one.
    private static func blanking(_ bytes: [UInt8], _ table: LineTable, _ g: inout Generator) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for _ in 0..<(1 + g.next(3)) {
            let first = g.next(table.count), last = min(table.count - 1, first + g.next(6))
            var range = table.lines[first].lowerBound..<table.lines[last].upperBound
            if g.next(3) == 0 { range = (range.lowerBound + g.next(max(table.lines[first].count, 1)))..<range.upperBound }
            ranges.append(min(range.lowerBound, range.upperBound)..<range.upperBound)
        }
        return ranges
    }

    func testWindowsEqualTheWholeParse() {
        var g = Generator(seed: 41)
        var windowed = 0, tried = 0
        for (n, bytes) in QuickStructureTests.documents(count: 500, seed: 17).enumerated() where !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { s in
                let table = LineTable(s)
                guard table.count > 0 else { return }
                let old = CMarkTree(parsing: s)
                for _ in 0..<3 {
                    let ranges = Self.blanking(bytes, table, &g)
                    var copy = bytes
                    for range in ranges { for k in range where copy[k] != 0x0A && copy[k] != 0x0D { copy[k] = 0x20 } }
                    tried += 1
                    guard let tree = WindowedReparse.tree(old: old, source: s, blanked: BlankedCopy(s, blanking: ranges, filling: []), changed: ranges, table: table) else { continue }
                    windowed += 1
                    let whole = copy.withUnsafeBufferPointer { CMarkTree(parsing: $0) }
                    let what = "#\(n) \(ranges) in \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)"
                    XCTAssertEqual(tree.nodes.map(Self.fields), whole.nodes.map(Self.fields), what)
                }
            }
        }
        // The comparison means something only if many blankings are windowed rather than refused.
        XCTAssertGreaterThan(windowed, tried / 10, "windowed \(windowed) of \(tried)")
    }

    func testStructuresEqualThoseOfWholeParses() throws {
        var g = Generator(seed: 43)
        let blocks = ["$$\nx = 1\n$$\n", "{% highlight ruby %}\n- a\n{% endhighlight %}\n", "{% comment %}\n# no\n{% endcomment %}\n",
                      "$$\n| a |\n|---|\n$$ after\n", "{::comment}\n* x\n{:/comment}\n", "text $$\ny\n$$\n"]
        for (n, base) in QuickStructureTests.documents(count: 250, seed: 19).enumerated() {
            var lines = base.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            for _ in 0..<(1 + g.next(3)) {
                lines.insert(Array(g.pick(blocks).utf8.dropLast()), at: g.next(lines.count + 1))
            }
            let bytes = Array(lines.joined(separator: [0x0A]))
            let what = "#\(n) \(String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription)"
            assertSameStructure(StructureBuilder.build(bytes), StructureBuilder.build(bytes, windowed: false), what)
        }
    }
}
