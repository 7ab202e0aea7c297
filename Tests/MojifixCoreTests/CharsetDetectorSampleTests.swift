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
            let bytes = try legacyBytes(text, in: "windows-949")
            let sample = CharsetDetector.sample(bytes)
            XCTAssertLessThanOrEqual(sample.count, CharsetDetector.sampleLimit)
            XCTAssertGreaterThan(sample.count, CharsetDetector.sampleLimit - 200)
            XCTAssertLessThan(sample.last ?? 0xFF, 0x30)
            XCTAssertEqual(try Repairer().repair(bytes).output, Array(text.utf8), "offset \(offset)")
        }
    }

    /// Chinese prose has no byte below 0x30 for 4 KiB: the sample is the first 4 KiB, as it was.
    func testALongLineWithoutSuchAByteIsReadAsBefore() throws {
        let text = String(repeating: "中文测试", count: 1100) + "\n"
        let bytes = try legacyBytes(text, in: "GB18030")
        XCTAssertEqual(CharsetDetector.sample(bytes).count, CharsetDetector.sampleLimit)
        XCTAssertTrue(try Repairer().repair(bytes).output == Array(text.utf8))
    }

    func testACutNeedsAByteBelow0x30() {
        XCTAssertEqual(Array(CharsetDetector.cutAtCharacterBoundary([0x41, 0x20, 0xB0, 0xA1, 0xB0][...], within: 4)), [0x41, 0x20])
        XCTAssertEqual(Array(CharsetDetector.cutAtCharacterBoundary([0xB0, 0xA1, 0xB0][...], within: 2)), [0xB0, 0xA1])
    }
}

/// The first look that prunes hopeless readings also prices the window where a reading's
/// non-ASCII text is densest (the languages a long reading is scored in still come from the look
/// around its first non-ASCII character).
final class CharsetDetectorFirstLookTests: XCTestCase {
    func testTheDensestLookIsTheWindowHoldingMostNonASCII() {
        let markup = Array("<item><pubDate>03 ".unicodeScalars.map(\.value))
        let text = Array("ย้ายบ้านแล้วครับ คราวนี้ไปจดโดเมนเรียบร้อย".unicodeScalars.map(\.value))
        var scalars = markup + [0xE1F] + Array(repeating: 0x61, count: 300)
        let start = scalars.count
        scalars += Array(repeating: text, count: 6).flatMap { $0 } + Array(repeating: 0x61, count: 300)
        let look = CharsetDetector.densestLook(scalars)
        XCTAssertTrue(look >= start && look + CharsetDetector.firstLook <= start + 6 * text.count, "\(look)")
        XCTAssertEqual(CharsetDetector.densestLook(Array(repeating: 0x61, count: 400)), 0)
    }
}
