import XCTest
import MojifixMarkdown

final class EmojiPresentationRuleTests: XCTestCase {
    func testAddsVS16WhereItMakesAnRGIEmoji() {
        assertBytes(normalized("주의 ⚠ 그리고 ⚠️ 그리고 ❤\n", rules: ["vs16-add"]), "주의 ⚠️ 그리고 ⚠️ 그리고 ❤️\n")
    }

    func testStripsVS16ButNotInsideZWJOrKeycapSequences() {
        assertBytes(normalized("⚠️ 1️⃣ ❤️‍🔥 🏳️‍🌈 ok\n", rules: ["vs16-strip"]), "⚠ 1️⃣ ❤️‍🔥 🏳️‍🌈 ok\n")
    }

    func testNoProfileTurnsThemOn() {
        for profile in Profile.allCases {
            XCTAssertFalse(profile.rules.contains("vs16-add"))
            XCTAssertFalse(profile.rules.contains("vs16-strip"))
        }
    }
}
