import XCTest
import MojifixMarkdown

final class HashtagLineRuleTests: XCTestCase {
    func testReportsALoneHashLineButNotHeadingsOrCode() {
        let text = "##해시테이블의 장점\n\n# 제목\n\n```\n#include <x>\n```\n"
        let reported = findings(text, rules: ["hashtag-line"])
        XCTAssertEqual(reported.count, 1)
        XCTAssertEqual(reported.first?.offset, 0)
        assertBytes(normalized(text, rules: ["hashtag-line"]), text)
    }

    func testIssueReferencesSentencesAndHashtagListsAreNotReported() {
        let text = "#135 by @someone\n\nWe asked attendees to tweet at the\n#RustAllHands hashtag; the team will\ngather it.\n\n#태그 #tag\n\n#. pandoc item\n"
        XCTAssertEqual(findings(text, rules: ["hashtag-line"]), [])
    }
}
