import XCTest
import MojifixMarkdown

final class HashtagLineRuleTests: XCTestCase {
    func testReportsHashtagLinesButNotHeadingsOrCode() {
        let text = "#태그 #tag\n\n# 제목\n\n```\n#include <x>\n```\n"
        let reported = findings(text, rules: ["hashtag-line"])
        XCTAssertEqual(reported.count, 1)
        XCTAssertEqual(reported.first?.offset, 0)
        assertBytes(normalized(text, rules: ["hashtag-line"]), text)
    }
}
