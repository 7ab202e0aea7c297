import XCTest
import MojifixText
@testable import MojifixMarkdown

/// `LineTable.markdown`, the faster line table for CRLF text, gives `LineTable`'s lines, on
/// seeded mixes of LF, CRLF, lone CR and CR at the end.
final class LineTableMarkdownTests: XCTestCase {
    func testEqualsTheGeneralLineTable() {
        var g = NormalizerPropertyTests.Generator(seed: 73)
        let pieces = ["a", "한", "\n", "\r\n", "\r", "  ", "\r\n\r\n", ""]
        for n in 0..<2000 {
            let bytes = Array((0..<g.next(30)).map { _ in g.pick(pieces) }.joined().utf8)
            bytes.withUnsafeBufferPointer { s in
                XCTAssertEqual(LineTable.markdown(s).lines, LineTable(s).lines, "#\(n) \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }
}
