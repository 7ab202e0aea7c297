import XCTest
import MojifixMarkdown

final class EmphasisNextToHangulRuleTests: XCTestCase {
    func testReportsClosingDelimiterBetweenPunctuationAndHangul() {
        XCTAssertEqual(findings("**모델(LLM)**의 성능\n", rules: ["emphasis-flanking"]).count, 1)
        XCTAssertEqual(findings("**모델**의 성능과 **LLM** 모델\n", rules: ["emphasis-flanking"]).count, 0)
    }

    func testOpenersAfterPunctuationAreNotReported() {
        // Found on package docs: each `**` after `/` or `[` opens a new bold that renders.
        let text = "Update **DOCUMENTATION**/**EXAMPLES** and [**load events**](#load) or **a**와 **모델(LLM)**의\n"
        XCTAssertEqual(findings(text, rules: ["emphasis-flanking"]).count, 1)
    }
}
