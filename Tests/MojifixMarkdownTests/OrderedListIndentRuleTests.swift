import XCTest
import MojifixMarkdown

final class OrderedListIndentRuleTests: XCTestCase {
    func testReportsThreeSpaceSubListUnderTwoDigitItem() {
        let text = "9. 아홉\n   - 하위\n10. 열\n   - 하위 항목\n"
        let reported = findings(text, rules: ["ordered-list-indent"])
        XCTAssertEqual(reported.count, 1, "\(reported)")
        assertBytes(normalized(text, rules: ["ordered-list-indent"]), text)
    }
}
