import XCTest
import MojifixMarkdown

final class DoubledVariationSelectorRuleTests: XCTestCase {
    func testTheDefaultProfileRemovesTheRepeatedSelector() {
        assertBytes(normalized("**사용되지 않음 ⛔\u{FE0F}\u{FE0F}**\n"), "**사용되지 않음 ⛔\u{FE0F}**\n")
        // Nothing else is reported once it is gone.
        let after = normalized("⛔\u{FE0F}\u{FE0F}\n")
        XCTAssertEqual(findings(String(decoding: after, as: UTF8.self)), [])
    }

    func testSingleSelectorsAndCodeAreLeftAlone() {
        assertUnchanged("⛔\u{FE0F} ok 👍\u{FE0F}\n\n```\n⛔\u{FE0F}\u{FE0F}\n```\n")
    }
}
