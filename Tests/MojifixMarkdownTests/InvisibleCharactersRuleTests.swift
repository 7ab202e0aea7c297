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
}
