import XCTest
import MojifixMarkdown

final class HeadingEmphasisRuleTests: XCTestCase {
    func testUnwrapsEmphasisAroundTheWholeHeading() {
        assertBytes(normalized("# 🥇 **Title**\n## **a** and **b**\n", rules: ["heading-emphasis"]), "# 🥇 Title\n## **a** and **b**\n")
    }
}

final class HeadingEmphasisShortHeadingTests: XCTestCase {
    func testShortHeadingsDoNotTrap() {
        assertBytes(normalized("# a\n## **\n### ab\n", rules: ["heading-emphasis"]), "# a\n## **\n### ab\n")
    }
}
