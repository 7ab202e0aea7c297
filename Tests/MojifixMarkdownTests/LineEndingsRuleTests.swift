import XCTest
import MojifixMarkdown

final class LineEndingsRuleTests: XCTestCase {
    func testConvertsCRLFAndCRToLF() {
        assertBytes(normalized("a\r\nb\rc\n", rules: ["line-endings"]), "a\nb\nc\n")
    }

    func testKeepsCRLFFilesWhenConfigured() {
        assertBytes(normalized("a\r\nb\r\n", rules: ["line-endings"], keepCRLF: true), "a\r\nb\r\n")
    }

    func testLoneCREndsALineForEveryRule() {
        // Old Mac line ends: the heading is followed by a list, not by a run-on line.
        assertBytes(normalized("## H\r- a\r\t- b\r\rtext  \r"), "## H\n\n- a\n\t- b\n\ntext\n")
    }

    func testOneFindingPerFileWithTheCount() {
        let reported = findings("a\r\nb\r\nc\rd\n", rules: ["line-endings"])
        XCTAssertEqual(reported.map(\.message), ["Use LF line endings (3 line ends)"])
    }
}
