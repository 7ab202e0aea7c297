import XCTest
import MojifixMarkdown

final class InvisibleCharactersRuleTests: XCTestCase {
    func testStripsZWSPWordJoinerAndMidFileBOMOutsideCode() {
        assertBytes(normalized("a\u{200B}b\u{2060}c\u{FEFF}d `x\u{200B}y`\n", rules: ["invisible-characters"]), "abcd `x\u{200B}y`\n")
    }

    /// Outside a word such a character may be there on purpose, to keep Markdown or the site from
    /// reading syntax: a defanged link, a mention, a reference, a line start. It is left (reported).
    func testKeepsThemWhereRemovingThemWouldMakeSyntax() {
        for text in ["Do not visit https:\u{200B}//evil.example/x today.\n", "Thanks @\u{200B}team, see #\u{200B}123.\n",
                     "Type\n\n\u{200B}# not a heading\n", "a\n\n\u{200B}- not a list\n", "a\n\n\u{200B}> not a quote\n", "a\n\n\u{200B}```\n\nthe rest\n",
                     "http\u{200B}s://example.org\n", "www\u{200B}.example.org\n", "mail me\u{200B}@example.org\n", "word\u{200B} space\n",
                     "user\u{2060}name@example.org\n", "issue\u{200B}#12\n"] {
            assertBytes(normalized(text, rules: ["invisible-characters"]), text)
            XCTAssertFalse(findings(text, rules: ["invisible-characters"]).isEmpty, text.debugDescription)
        }
        assertBytes(normalized("Stra\u{200B}ße 일\u{200B}간 v1\u{2060}2\n", rules: ["invisible-characters"]), "Straße 일간 v12\n")
        // Thai, Khmer and Japanese write no spaces: there a ZWSP is the word boundary, kept.
        for text in ["ภาษา\u{200B}ไทย\n", "ភាសា\u{200B}ខ្មែរ\n", "日本語\u{200B}です\n"] {
            assertBytes(normalized(text, rules: ["invisible-characters"]), text)
        }
        // A byte order mark at a line start is what concatenating two files leaves.
        assertBytes(normalized("# One\n\ntext\n\u{FEFF}# Two\n", rules: ["invisible-characters"]), "# One\n\ntext\n# Two\n")
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
