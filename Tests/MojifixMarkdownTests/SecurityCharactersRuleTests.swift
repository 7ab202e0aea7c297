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

    func testLanguageTagAndTagsOutsideAnRGIFlagAreFlagged() {
        // U+E0001 LANGUAGE TAG; a black flag with tags that are not England, Scotland or Wales.
        XCTAssertEqual(findings("x\u{E0001}y\n", rules: rule).count, 1)
        let notAFlag = "🏴\u{E0067}\u{E0062}\u{E0078}\u{E0078}\u{E007F}\n"
        XCTAssertEqual(findings(notAFlag, rules: rule).count, 5)
        XCTAssertEqual(findings("🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F} 🏴\n", rules: rule).count, 0)
    }

    func testBidiMarksHangulFillersEscAndC1ControlsAreFlagged() {
        for text in ["a\u{200E}b", "a\u{200F}b", "a\u{061C}b", "name\u{3164}", "\u{FFA0}", "a\u{115F}", "a\u{1160}",
                     "red \u{1B}[31m", "a\u{9B}31m"] {
            let reported = findings(text + "\n", rules: rule)
            XCTAssertEqual(reported.count, 1, text.debugDescription)
            XCTAssertEqual(reported.first?.severity, .error)
        }
        // Fillers inside a conjoining jamo syllable (old Hangul) are part of it.
        XCTAssertEqual(findings("\u{115F}\u{1161} \u{1100}\u{1160}\n", rules: rule).count, 0)
    }

    func testFindingsInCodeAreReportedAndNeverStripped() {
        let text = "```\nlet a = \"\u{202E}x\"\n```\n\nprose \u{202E}y\n"
        let options = NormalizeOptions(enabledRules: rule, stripSecurityCharacters: true)
        let result = Normalizer(options: options).normalize(Array(text.utf8))
        assertBytes(result.output, "```\nlet a = \"\u{202E}x\"\n```\n\nprose y\n")
        XCTAssertEqual(result.findings.filter { $0.severity == .error }.count, 1)
    }
}
