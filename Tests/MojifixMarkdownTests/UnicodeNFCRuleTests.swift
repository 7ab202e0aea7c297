import XCTest
@testable import MojifixMarkdown

final class UnicodeNFCRuleTests: XCTestCase {
    func testComposesProseButNotCode() {
        let text = "cafe\u{301} \u{1112}\u{1161}\u{11AB} `e\u{301}`\n"
        assertBytes(normalized(text, rules: ["unicode-nfc"]), "café 한 `e\u{301}`\n")
    }

    func testNeverCompatibilityForms() {
        let text = "ㄱㅏ ℓ ① \u{F900}\n"
        assertBytes(normalized(text, rules: ["unicode-nfc"]), text)
    }

    func testMarkAfterALineFeedOrAtTheStartStaysAlone() {
        assertBytes(normalized("\u{301}a\n\u{301}b\n", rules: ["unicode-nfc"]), "\u{301}a\n\u{301}b\n")
    }

    /// Checking and walking only the lines beyond plain starters gives the edits of checking and
    /// walking the whole document, on seeded mixes of plain starters, marks, jamo, compatibility
    /// ideographs, code and line breaks.
    func testLineByLineEqualsTheWholeDocument() {
        let pieces = ["plain ", "한국어 ", "漢字", "📌", "e\u{301}", "e\u{301}\u{323}", "\u{301}", "\u{1112}\u{1161}\u{11AB}", "\u{1161}",
                      "가\u{11A8}", "\u{F900}\u{301}", "`e\u{301}`", "ﬀ", "\u{0915}\u{093C}", "\u{0B47}\u{0B3E}", "’", "\u{3000}",
                      "\u{FE0F}", "⚠️", "Å", "\u{212B}", "\n", "\r\n", "\n\n", "# ", "```\ne\u{301}\n```\n", "- ", "\u{3099}か",
                      // The edges of ICU's quick check for Hangul (16 and 32 bytes at a time): the first and last
                      // syllables, jamo just outside them, a syllable and a trailing jamo it composes with.
                      "가", "힣", "\u{D7B0}", "\u{A960}", "힣\u{11A8}", "각각각각각", "a", "ab "]
        var g = NormalizerPropertyTests.Generator(seed: 61)
        var changed = 0
        for n in 0..<3000 {
            let text = (0..<(1 + g.next(60))).map { _ in g.pick(pieces) }.joined()
            let document = MarkdownDocument(Array(text.utf8))
            let fast = UnicodeNFCRule.edits(document, lineByLine: true), slow = UnicodeNFCRule.edits(document, lineByLine: false)
            XCTAssertEqual(fast, slow, "#\(n) \(text.debugDescription)")
            if !slow.isEmpty { changed += 1 }
        }
        XCTAssertGreaterThan(changed, 1000)
    }
}
