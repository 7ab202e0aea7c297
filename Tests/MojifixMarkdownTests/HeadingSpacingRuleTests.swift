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
        assertUnchanged("#태그 #tag\n\n```\n#   not a heading  ##\n```\n", rules: rule)
    }

    func testTopLevelIndentationIsRemoved() {
        assertBytes(normalized("text\n\n  # Title\n", rules: rule), "text\n\n# Title\n")
    }

    func testKramdownIALStaysAttachedToItsHeading() {
        // just-the-docs: `{: .no_toc }` under a heading keeps it out of the table of contents.
        assertUnchanged("intro\n\n# Code\n{: .no_toc }\n\ntext\n\n{: .fs-9 }\n# Title\n\nmore\n", rules: rule)
    }

    func testHeadingsInsideListItemsKeepTheirIndentation() {
        // `  ### heading` after a blank line is still inside the item above (cmark, markdown-it).
        assertUnchanged("1. First\n\n   ### Inside\n   text\n2. Second\n- item\n  ## tight heading\n  more\n", rules: rule)
    }

    func testHeadingsInsideBlockQuotesGetNoBareBlankLines() {
        // A bare blank line would end the quote.
        assertUnchanged("   > text\n   > ##### Deadlock\n   > more\n", rules: rule)
    }

    /// kramdown reads a `#` line as a heading only at column 0: an indented top-level "heading"
    /// is paragraph text there, so under kramdown it is left as it is (CommonMark spec examples).
    func testIndentedHeadingIsTextForKramdown() {
        let text = ".\n ### foo\n  ## foo ##\n   # foo\n.\n"
        assertBytes(normalized(text, rules: ["heading-spacing"], flavor: .kramdown), text)
        assertBytes(normalized(text, rules: ["heading-spacing"]), ".\n\n### foo\n\n## foo\n\n# foo\n\n.\n")
    }
}
