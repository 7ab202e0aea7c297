import MojifixTestSupport
import XCTest
@testable import MojifixMarkdown

/// The round's overlap test: the same answers as testing every range taken so far.
final class TakenRangesTests: XCTestCase {
    func testAgreesWithTestingEveryTakenRange() {
        var g = SeededGenerator(seed: 5)
        for _ in 0..<300 {
            var taken = TakenRanges()
            var all: [Range<Int>] = []
            for _ in 0..<(1 + g.next(60)) {
                let start = g.next(40)
                let range = start..<(start + [0, 0, 1, 2, 3, 5][g.next(6)])
                let free = !all.contains { TakenRanges.overlaps($0, range) }
                XCTAssertEqual(taken.take(range), free, "\(range) after \(all)")
                if free { all.append(range) }
            }
        }
    }

    func testOverlapRules() {
        XCTAssertTrue(TakenRanges.overlaps(3..<3, 3..<3))      // two insertions at one offset
        XCTAssertTrue(TakenRanges.overlaps(2..<5, 3..<3))      // an insertion strictly inside
        XCTAssertFalse(TakenRanges.overlaps(2..<5, 5..<5))     // an insertion at the edge
        XCTAssertFalse(TakenRanges.overlaps(2..<5, 5..<7))
        XCTAssertTrue(TakenRanges.overlaps(2..<5, 4..<7))
    }
}
