import XCTest
import MojifixMarkdown

final class SetextToATXRuleTests: XCTestCase {
    func testTurnsSetextHeadingsIntoATX() {
        assertBytes(normalized("Title\n=====\n\nSub\n---\n\ntext\n", rules: ["setext-to-atx"]), "# Title\n\n## Sub\n\ntext\n")
    }

    func testLeavesThematicBreaksAlone() {
        let text = "para\n\n---\n\nmore\n"
        assertBytes(normalized(text, rules: ["setext-to-atx"]), text)
    }
}
