import XCTest
import MojifixMarkdown

final class HeadingSpacingRuleTests: XCTestCase {
    let rule: Set<String> = ["heading-spacing"]

    func testOneSpaceAfterTheMarkersAndNoClosingSequence() {
        assertBytes(normalized("#   Title   ##  \n", rules: rule), "# Title\n")
        assertBytes(normalized("##\tSub\n", rules: rule), "## Sub\n")
    }

    func testNBSPAndIdeographicSpaceAfterTheMarkers() {
        assertBytes(normalized("##\u{A0}주의사항\n", rules: rule), "## 주의사항\n")
        assertBytes(normalized("#\u{3000}제목\n", rules: rule), "# 제목\n")
        assertBytes(normalized("## 주의\u{A0}사항\n", rules: rule), "## 주의 사항\n")
    }

    func testBlankLinesAroundHeadings() {
        assertBytes(normalized("text\n# A\nmore\n## B\n## C\n", rules: rule), "text\n\n# A\n\nmore\n\n## B\n\n## C\n")
    }

    func testHashtagsAndCodeAreNotHeadings() {
        let text = "#태그 #tag\n\n```\n#   not a heading  ##\n```\n"
        assertBytes(normalized(text, rules: rule), text)
    }

    func testTopLevelIndentationIsRemoved() {
        assertBytes(normalized("text\n\n  # Title\n", rules: rule), "text\n\n# Title\n")
    }
}
