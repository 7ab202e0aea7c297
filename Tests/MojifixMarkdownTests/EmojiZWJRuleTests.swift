import XCTest
import MojifixMarkdown

final class EmojiZWJRuleTests: XCTestCase {
    func testRestoresALostZWJ() {
        assertBytes(normalized("### 🧑💻 개발자 관점\n", rules: ["emoji-zwj"]), "### 🧑‍💻 개발자 관점\n")
        assertBytes(normalized("👩🔬 and 👨👩👧👦\n", rules: ["emoji-zwj"]), "👩‍🔬 and 👨‍👩‍👧‍👦\n")
    }

    func testLeavesOtherEmojiPairsAndVS16Alone() {
        let text = "⚠️ 👍👍 📊📌 🧑‍💻\n"
        assertBytes(normalized(text, rules: ["emoji-zwj"]), text)
    }
}
