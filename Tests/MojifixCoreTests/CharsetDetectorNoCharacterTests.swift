import XCTest
@testable import MojifixCore

/// A reading that yields an unassigned code point beyond the BMP is not text: a single-byte file's sign, digit, sign, digit is a GB18030 four-byte sequence (`×4×7` in
/// CP850 read as U+3C5E9), which the model priced as one unknown ideograph, cheaper than the signs.
final class CharsetDetectorNoCharacterTests: XCTestCase {
    func testSignsBetweenDigitsAreNotAGB18030Character() throws {
        let text = "Maße 31×4×7 cm laut Hersteller.\n"
        let bytes = try legacyBytes(text, in: "IBM850")
        XCTAssertNotNil(try TextCodecs.codec(for: Charset("GB18030")).decode(bytes), "the bytes decode as GB18030 too")
        if let output = try? Repairer().repair(bytes).output {
            XCTAssertEqual(output, Array(text.utf8), String(decoding: output, as: Unicode.UTF8.self))
        }
        let readings = CharsetDetector().rank(CharsetDetector.sample(bytes))
        XCTAssertFalse(readings.contains { $0.charset == Charset("GB18030") })
    }

    func testNoCharacter() {
        XCTAssertTrue(CharsetDetector.containsNoCharacter([0x41, 0x3C5E9]))
        XCTAssertTrue(CharsetDetector.containsNoCharacter([0x50000]))
        // Private use is a GB18030 file's own characters; Ext B, emoji, BMP private use are text.
        XCTAssertFalse(CharsetDetector.containsNoCharacter([0x41, 0x20000, 0x1F600, 0xE000, 0xFFFD, 0xF0000, 0x10FFFD]))
    }
}
