import XCTest
@testable import MojifixCore
import MojifixTestSupport

/// The shared UTF-8 decoder and encoder (`MojifixText.UTF8Bytes`, `UTF8` inside MojifixCore): the
/// scalars of seeded valid text are those Swift decodes, encoding gives the bytes back, and a
/// sequence cut by the end of the buffer is decoded from the bytes there are (no read past it).
final class UTF8BytesTests: XCTestCase {
    func testDecodesAndEncodesLikeTheStandardLibrary() {
        var generator = SeededGenerator(seed: 8)
        let pool: [Unicode.Scalar] = ["a", "\n", "é", "ß", "한", "字", "€", "\u{FEFF}", "😀", "\u{10FFFF}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}"]
        for _ in 0..<200 {
            let scalars = (0..<generator.next(40)).map { _ in generator.pick(pool) }
            let bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
            XCTAssertEqual(UTF8.scalars(bytes), scalars.map(\.value))
            var encoded: [UInt8] = []
            for scalar in scalars { UTF8.append(scalar.value, to: &encoded) }
            XCTAssertEqual(encoded, bytes)
        }
    }

    func testCutSequenceIsDecodedFromTheBytesThereAre() {
        XCTAssertEqual(UTF8.decode([0xED, 0x95], at: 0).scalar, 0x0D << 6 | 0x15)   // 한 without its last byte
        XCTAssertEqual(UTF8.decode([0xED, 0x95], at: 0).length, 3)
        XCTAssertEqual(UTF8.decode([0x41, 0xC3], at: 1).scalar, 0x03)
        XCTAssertEqual(UTF8.decode([0xF0, 0x9F, 0x98], at: 0).scalar, (0x1F << 6 | 0x18))
    }
}
