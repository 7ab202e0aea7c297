import XCTest
import MojifixMarkdown

final class EmphasisNextToHangulRuleTests: XCTestCase {
    func testReportsClosingDelimiterBetweenPunctuationAndHangul() {
        XCTAssertEqual(findings("**모델(LLM)**의 성능\n", rules: ["emphasis-flanking"]).count, 1)
        XCTAssertEqual(findings("**모델**의 성능과 **LLM** 모델\n", rules: ["emphasis-flanking"]).count, 0)
    }
}
