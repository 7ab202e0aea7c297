import XCTest
import MojifixMarkdown

final class LineEndingsRuleTests: XCTestCase {
    func testConvertsCRLFAndCRToLF() {
        assertBytes(normalized("a\r\nb\rc\n", rules: ["line-endings"]), "a\nb\nc\n")
    }

    func testKeepsCRLFFilesWhenConfigured() {
        assertBytes(normalized("a\r\nb\r\n", rules: ["line-endings"], keepCRLF: true), "a\r\nb\r\n")
    }
}
