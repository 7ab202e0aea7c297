import MojifixWorkspace
import XCTest

/// HMAC-SHA256 against RFC 4231's test vectors (a short key, a text key, a key longer than a block).
final class HMACSHA256Tests: XCTestCase {
    func testRFC4231Vectors() {
        let cases: [(key: [UInt8], data: String, mac: String)] = [
            ([UInt8](repeating: 0x0B, count: 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xAA, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First",
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ]
        for (key, data, mac) in cases {
            XCTAssertEqual(HMACSHA256.hex(key: key, message: Array(data.utf8)), mac, data)
        }
    }

    func testEqualComparesEveryByte() {
        let mac = HMACSHA256.mac(key: [1, 2, 3], message: [4])
        XCTAssertTrue(HMACSHA256.equal(mac, mac))
        XCTAssertFalse(HMACSHA256.equal(mac, mac.dropLast() + [mac.last! ^ 1]))
        XCTAssertFalse(HMACSHA256.equal(mac, Array(mac.dropLast())))
    }
}
