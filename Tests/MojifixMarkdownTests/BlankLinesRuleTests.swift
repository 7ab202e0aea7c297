import XCTest
import MojifixMarkdown

final class BlankLinesRuleTests: XCTestCase {
    func testCollapsesRunsOutsideCode() {
        let text = "a\n\n\n\nb\n\n```\nx\n\n\n\ny\n```\n"
        assertBytes(normalized(text, rules: ["blank-lines"]), "a\n\nb\n\n```\nx\n\n\n\ny\n```\n")
    }

    func testBlankLinesWithSpacesCount() {
        assertBytes(normalized("a\n  \n\t\n\nb\n", rules: ["blank-lines"]), "a\n  \nb\n")
    }
}
