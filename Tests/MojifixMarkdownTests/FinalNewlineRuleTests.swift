import XCTest
import MojifixMarkdown

final class FinalNewlineRuleTests: XCTestCase {
    func testAddsAMissingNewlineAndRemovesExtraOnes() {
        assertBytes(normalized("text", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("text\n\n\n", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("text\n", rules: ["final-newline"]), "text\n")
        assertBytes(normalized("", rules: ["final-newline"]), "")
    }
}
