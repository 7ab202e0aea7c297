import XCTest
import MojifixMarkdown

final class HeadingEmojiRuleTests: XCTestCase {
    func testStripsLeadingAndTrailingEmojiButKeepsEmojiOnlyHeadings() {
        assertBytes(normalized("## 🚀 바로 실험할 액션 ⚠️\n### 🧑‍💻\n", rules: ["heading-emoji"]), "## 바로 실험할 액션\n### 🧑‍💻\n")
    }

    func testIsOffByDefault() {
        XCTAssertFalse(RuleRegistry.defaultEnabled.contains("heading-emoji"))
        XCTAssertTrue(Profile.export.rules.contains("heading-emoji"))
    }
}
