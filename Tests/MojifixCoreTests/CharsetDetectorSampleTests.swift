import XCTest
@testable import MojifixCore

/// The detector reads a sample of a long file; a file whose text is one long line (an RSS feed)
/// is sampled from its start, cut where no double-byte charset is inside a character, so that its
/// own charset still decodes the sample strictly (a cut through a CP949 character left only
/// single-byte readings: a Korean feed was read as ISO-8859-5).
final class CharsetDetectorSampleTests: XCTestCase {
    private func oneLongLine(_ offset: Int) -> String {
        let words = ["뉴스", "서비스", "계약을", "체결했다", "카드회원들은", "이제", "일본에서", "네트워크를", "사용할", "수", "있게", "된다"]
        var line = String(repeating: "x", count: offset) + "<rss><channel>"
        var k = 0
        while line.utf8.count < 3 * CharsetDetector.sampleLimit {
            line += "<item><title>\(words[k % words.count]) \(words[(k * 7 + 3) % words.count])</title><link>http://example.com/\(k)</link></item>"
            k += 1
        }
        return line + "</channel></rss>\n"
    }

    func testALongLineIsCutBetweenCharacters() throws {
        for offset in 0..<4 {  // the limit falls on each byte of a character in turn
            let text = oneLongLine(offset)
            let bytes = try TextCodecs.codec(for: Charset("windows-949")).encode(Array(text.utf8))
            let sample = CharsetDetector.sample(bytes)
            XCTAssertLessThanOrEqual(sample.count, CharsetDetector.sampleLimit)
            XCTAssertGreaterThan(sample.count, CharsetDetector.sampleLimit - 200)
            XCTAssertLessThan(sample.last ?? 0xFF, 0x30)
            XCTAssertEqual(try Repairer().repair(bytes).output, Array(text.utf8), "offset \(offset)")
        }
    }

    func testACutNeedsAByteBelow0x30() {
        XCTAssertEqual(Array(CharsetDetector.cutAtCharacterBoundary([0x41, 0x20, 0xB0, 0xA1, 0xB0][...], within: 4)), [0x41, 0x20])
        XCTAssertEqual(Array(CharsetDetector.cutAtCharacterBoundary([0xB0, 0xA1, 0xB0][...], within: 2)), [])
    }
}
