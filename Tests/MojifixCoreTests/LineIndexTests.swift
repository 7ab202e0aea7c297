import MojifixCore
import MojifixTestSupport
import XCTest

/// `LineIndex`: line and column (in scalars) of byte offsets, the same as counting from the start,
/// at a cost that does not grow with the line's length (one long line with a finding every few
/// characters made `explain` and `check` quadratic).
final class LineIndexTests: XCTestCase {
    func testAgreesWithCountingFromTheStart() {
        var g = SeededGenerator(seed: 11)
        let pieces = ["a", "한", "😀", "\n", "é", " ", "\r\n"]
        for _ in 0..<40 {
            let text = Array((0..<g.next(900)).map { _ in g.pick(pieces) }.joined().utf8)
            let index = LineIndex(text)
            var line = 1, column = 1
            for offset in 0...text.count {
                if offset == text.count || text[offset] & 0xC0 != 0x80 {
                    let got = index.lineAndColumn(of: offset)
                    XCTAssertTrue(got == (line, column), "offset \(offset): \(got) != \((line, column))")
                }
                guard offset < text.count else { break }
                if text[offset] == 0x0A { line += 1; column = 1 } else if text[offset] & 0xC0 != 0x80 { column += 1 }
            }
        }
    }

    func testWalkAgreesWithSeparateLookups() {
        var g = SeededGenerator(seed: 12)
        let pieces = ["a", "한", "😀", "\n", "é", " ", "\r\n", "\n\n"]
        for _ in 0..<40 {
            let text = Array((0..<g.next(2_000)).map { _ in g.pick(pieces) }.joined().utf8)
            let index = LineIndex(text)
            var walk = LineIndex.Walk(index)
            // Mostly ascending, as a pass's changes are, with a few steps back and past the end.
            var offset = 0
            for _ in 0..<300 {
                offset = g.next(10) == 0 ? g.next(text.count + 5) : offset + g.next(40)
                let got = walk.lineAndColumn(of: offset), want = index.lineAndColumn(of: offset)
                XCTAssertTrue(got == want, "offset \(offset): \(got) != \(want)")
            }
        }
    }

    func testLookupsAlongOneLongLineGrowLinearly() {
        let ratio = growth(size: 20_000) { n in
            let text = Array(String(repeating: "모델 ", count: n).utf8)
            let index = LineIndex(text)
            var sum = 0
            for offset in stride(from: 0, to: text.count, by: 7) { sum &+= index.lineAndColumn(of: offset).column }
            XCTAssertGreaterThan(sum, 0)
        }
        XCTAssertLessThan(ratio, 24, "8x the line took \(ratio)x the time")
    }
}
