import XCTest
import MojifixMarkdown

final class FinalNewlineRuleTests: XCTestCase {
    func testAddsAMissingNewlineAndRemovesExtraOnes() {
        assertBytes(normalized("text", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("text\n\n\n", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("text\n", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("", rules: ["final-newline"]), "")
    }

    func testBlankLinesEndingAnUnclosedFenceAreCode() {
        // cmark renders them inside the code block.
        assertUnchanged("- item\n\n``` \ncode\n\n\n")
    }
}
