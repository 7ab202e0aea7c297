import XCTest
import MojifixMarkdown

final class BoldLineHeadingRuleTests: XCTestCase {
    func testPromotesStandaloneBoldLinesOneLevelBelowThePreviousHeading() {
        let text = "# Daily\n\n**1. 첫 번째 논문**\n\n본문 **강조** 포함\n\n## 섹션\n\n**2. 두 번째**\n"
        assertBytes(normalized(text, rules: ["bold-line-heading"]),
                    "# Daily\n\n## 1. 첫 번째 논문\n\n본문 **강조** 포함\n\n## 섹션\n\n### 2. 두 번째\n")
    }

    func testNoMarkersArePromotedIntoAnExistingHeading() {
        // The Rust blog: a bold setext heading, and a bold line holding `###`.
        let export = Profile.export.rules
        assertBytes(normalized("# Blog\n\n**Rust LATAM**\n---\n\ntext\n", rules: export), "# Blog\n\n## Rust LATAM\n\ntext\n")
        assertUnchanged("# Blog\n\n**### Rust LATAM**\n\ntext\n", rules: ["bold-line-heading"])
    }
}

final class BoldLineStartingAParagraphTests: XCTestCase {
    func testABoldFirstLineBecomesAHeadingAndTheRestItsParagraph() {
        assertBytes(normalized("# T\n\n**1. 제목**\n본문입니다.\n", rules: ["bold-line-heading"]), "# T\n\n## 1. 제목\n\n본문입니다.\n")
    }
}
