import XCTest
@testable import MojifixCore

/// `CP949PairBounds` works each pair out once and answers it afterwards; pairs do not mix.
/// (`ReadingBoundTests` checks that the bounds it gives are exactly those of the units.)
final class CP949PairBoundsTests: XCTestCase {
    func testWorksEachPairOutOnce() {
        let pairs = CP949PairBounds()
        var workedOut = 0
        for round in 0..<3 {
            for pair in [0x8141, 0xB0A1, 0xFEFE, 0xC8FE] {
                let value = pairs.most(pair) { workedOut += 1; return Float(pair % 97) / 4 }
                XCTAssertEqual(value, Float(pair % 97) / 4, "round \(round), pair \(pair)")
            }
        }
        XCTAssertEqual(workedOut, 4)
        // Zero is a value like any other (only NaN means not worked out).
        XCTAssertEqual(pairs.most(0x8142) { 0 }, 0)
        XCTAssertEqual(pairs.most(0x8142) { 5 }, 0)
    }
}
