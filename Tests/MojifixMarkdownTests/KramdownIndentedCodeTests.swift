import XCTest
@testable import MojifixMarkdown

final class KramdownIndentedCodeTests: XCTestCase {
    /// A run starts at a line indented by four columns (a tab counts to the next stop) after a
    /// blank line, goes on over any non-blank line, and over blank lines only when an indented
    /// line follows them. An indented line right under text continues that text.
    func testRuns() {
        let text = "a\n    not after a blank\n\n\tcode\nlazy\n\n\n     more code\n\nafter\n"
        XCTAssertEqual(KramdownIndentedCode.lines(MarkdownDocument(Array(text.utf8))),
                       [false, false, false, true, true, true, true, true, false, false])
    }
}
