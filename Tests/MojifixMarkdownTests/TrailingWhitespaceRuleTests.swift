import XCTest
import MojifixMarkdown

final class TrailingWhitespaceRuleTests: XCTestCase {
    let rule: Set<String> = ["trailing-whitespace"]

    func testStripsSpacesTabsNBSPIdeographicSpaceAndZWSP() {
        assertBytes(normalized("a   \nb\t\nc\u{A0}\nd\u{3000}\ne\u{200B}\n", rules: rule), "a\nb\nc\nd\ne\n")
    }

    func testKeepsExactlyTwoSpaceHardBreaksBeforeProse() {
        assertBytes(normalized("line one  \nline two  \n\nend   \n", rules: rule), "line one  \nline two\n\nend\n")
    }

    func testNeverTouchesCodeBlocks() {
        let text = "para  \n\n```\ncode   \n  \t\n```\n\n    indented   \n"
        assertBytes(normalized(text, rules: rule), "para\n\n```\ncode   \n  \t\n```\n\n    indented   \n")
    }

    func testLeavesFrontMatterAlone() {
        assertBytes(normalized("---\ntitle: x   \n---\n\ntext  \n", rules: rule), "---\ntitle: x   \n---\n\ntext\n")
    }
}
