import XCTest
import MojifixMarkdown

final class InvisibleCharactersRuleTests: XCTestCase {
    func testStripsZWSPWordJoinerAndMidFileBOMOutsideCode() {
        assertBytes(normalized("a\u{200B}b\u{2060}c\u{FEFF}d `x\u{200B}y`\n", rules: ["invisible-characters"]), "abcd `x\u{200B}y`\n")
    }

    func testKeepsZWJInEmojiAndReportsReplacementCharacters() {
        assertBytes(normalized("🧑‍💻 ok\n", rules: ["invisible-characters"]), "🧑‍💻 ok\n")
        let reported = findings("broken \u{FFFD} text\n", rules: ["invisible-characters"])
        XCTAssertEqual(reported.map(\.rule), ["invisible-characters"])
        XCTAssertEqual(reported.first?.severity, .warning)
    }

    func testInvisibleCharactersInCodeAreErrorsAndStay() {
        let text = "```\nle\u{200B}t\n```\n\nuse `x\u{2060}y`\n"
        assertBytes(normalized(text, rules: ["invisible-characters"]), text)
        let reported = findings(text, rules: ["invisible-characters"])
        XCTAssertEqual(reported.count, 2, "\(reported)")
        XCTAssertTrue(reported.allSatisfy { $0.severity == .error })
    }
}
