import MojifixTestSupport
import MojifixText
import XCTest

/// The eight-byte tests say yes exactly when a byte of the word is the one asked for or below the
/// limit: seeded words of bytes near every limit, against a byte-by-byte check.
final class ByteWordsTests: XCTestCase {
    func testAWordHoldsAByteExactlyWhenOneOfItsBytesIs() {
        var rng = SeededGenerator(seed: 20261205)
        var holding = 0, checked = 0
        for limit in [1, 0x20, 0x21, 0x60, 0x7F, 0x80].map(UInt8.init) {
            for _ in 0..<20_000 {
                // Bytes around the limit and around the byte (so that both answers are common).
                let bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: Int(limit) + Int.random(in: -3...40, using: &rng)) }
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let below = bytes.contains { $0 < limit }
                XCTAssertEqual(ByteWords.holdsByte(below: limit, in: word), below, "\(bytes) below \(limit)")
                XCTAssertEqual(ByteWords.holds(limit, in: word), bytes.contains(limit), "\(bytes) holding \(limit)")
                if below { holding += 1 }
                checked += 1
            }
        }
        XCTAssertGreaterThan(holding, checked / 10)
        XCTAssertLessThan(holding, checked * 9 / 10)
    }
}
