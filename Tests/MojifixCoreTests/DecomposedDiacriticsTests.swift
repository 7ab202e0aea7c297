import XCTest
@testable import MojifixCore

/// `UnitScoring.isDecomposedDiacritic` (bits) answers as the set `decomposedDiacritics`, for
/// every scalar.
final class DecomposedDiacriticsTests: XCTestCase {
    func testBitsAreTheSet() {
        var found = 0
        for s in UInt32(0)...0x10_FFFF {
            let inSet = UnitScoring.decomposedDiacritics.contains(s)
            if UnitScoring.isDecomposedDiacritic(s) != inSet { XCTFail("U+\(String(s, radix: 16))") }
            if inSet { found += 1 }
        }
        XCTAssertEqual(found, UnitScoring.decomposedDiacritics.count)
    }
}
