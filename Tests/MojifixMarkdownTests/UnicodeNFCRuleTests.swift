import XCTest
import MojifixMarkdown

final class UnicodeNFCRuleTests: XCTestCase {
    func testComposesProseButNotCode() {
        let text = "cafe\u{301} \u{1112}\u{1161}\u{11AB} `e\u{301}`\n"
        assertBytes(normalized(text, rules: ["unicode-nfc"]), "café 한 `e\u{301}`\n")
    }

    func testNeverCompatibilityForms() {
        let text = "ㄱㅏ ℓ ① \u{F900}\n"
        assertBytes(normalized(text, rules: ["unicode-nfc"]), text)
    }
}
