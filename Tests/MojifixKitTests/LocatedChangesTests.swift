import XCTest
import MojifixCore
import MojifixKit
import MojifixTestSupport

/// `LocatedChanges`: withheld and quoted changes get the line:column of their own text, one
/// `LineIndex` per text (a long line holding many of them cost its length per change before).
final class LocatedChangesTests: XCTestCase {
    func testEachChangeIsPositionedInItsOwnText() {
        var g = SeededGenerator(seed: 21)
        // Two texts of the same length and different lines: a cache keyed on the length alone fails.
        let first = Array("ab\ncd\n한e".utf8), second = Array("a\nbcd\n한e".utf8)
        XCTAssertEqual(first.count, second.count)
        var located: [(change: RepairChange, text: [UInt8])] = []
        for _ in 0..<200 {
            let text = g.next(2) == 0 ? first : second
            let start = g.next(text.count + 1)
            let change = RepairChange(inputRange: start..<start, outputRange: 0..<0, steps: [], confidence: 1,
                                      lossless: true, before: nil, after: "")
            located.append((change, text))
        }
        let positioned = LocatedChanges.positioned(located)
        XCTAssertEqual(positioned.count, located.count)
        for (k, (change, text)) in located.enumerated() {
            let want = LineIndex(text).lineAndColumn(of: change.inputRange.lowerBound)
            XCTAssertTrue(positioned[k].line == want.line && positioned[k].column == want.column,
                          "change \(k) at \(change.inputRange.lowerBound): \(positioned[k]) != \(want)")
            XCTAssertEqual(positioned[k].change.inputRange, change.inputRange)
        }
    }

    func testManyChangesAlongOneLongLineGrowLinearly() {
        // One change every 24 bytes of one line: an index per change made this quadratic.
        let ratio = growth(size: 2_000) { n in
            let text = Array(String(repeating: "`ëª¨ë¸` 그리고 모델을 ", count: n).utf8)
            let located = stride(from: 0, to: text.count, by: 24).map { start in
                (change: RepairChange(inputRange: start..<start + 1, outputRange: 0..<0, steps: [], confidence: 1,
                                      lossless: true, before: nil, after: ""), text: text)
            }
            XCTAssertEqual(LocatedChanges.positioned(located).count, located.count)
        }
        XCTAssertLessThan(ratio, 24, "8x the line took \(ratio)x the time")
    }
}
