import XCTest
import MojifixMarkdown

final class SecurityCharactersRuleTests: XCTestCase {
    let rule: Set<String> = ["security-characters"]

    func testReportsBidiControlsAsErrorsWithoutChangingTheText() {
        let text = "access \u{202E}level\u{202C} check \u{2066}x\u{2069}\n"
        assertBytes(normalized(text, rules: rule), text)
        let reported = findings(text, rules: rule)
        XCTAssertEqual(reported.count, 4)
        XCTAssertTrue(reported.allSatisfy { $0.severity == .error })
    }

    func testStripsOnlyWhenAsked() {
        assertBytes(normalized("a\u{202E}b\n", rules: rule, stripSecurity: true), "ab\n")
    }

    func testLegitimateEmojiSequencesAreNeverFlagged() {
        let text = "⚠️ 🧑‍💻 1️⃣ #️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 👋🏻 葛󠄀\n"
        XCTAssertEqual(findings(text, rules: rule).count, 0, "\(findings(text, rules: rule))")
    }

    func testStrayTagsAndSelectorsAreFlagged() {
        XCTAssertEqual(findings("a\u{E0041}b x\u{FE0F} y\u{E0100}\n", rules: rule).count, 3)
    }
}
