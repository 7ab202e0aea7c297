import XCTest
import MojifixCore

final class C1AsWindows1252Tests: XCTestCase {
    func testC1ControlsBecomeWindows1252PunctuationInvertibly() throws {
        let input = Array("Il a dit \u{93}bonjour\u{94} \u{96} c\u{92}est tout\u{85} café\u{94}\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("Il a dit “bonjour” – c’est tout… café”\n".utf8))
        XCTAssertTrue(result.plan.isLossless)
        let replayer = PlanReplayer()
        XCTAssertEqual(try replayer.replay(result.plan, on: input), result.output)
        XCTAssertEqual(try replayer.invert(result.plan, on: result.output), input)
    }

    func testUndefinedBytesAndMisreadUTF8AreNotWindows1252Punctuation() throws {
        // U+0081 has no Windows-1252 character; `Ã\u{89}` is a UTF-8 É misread, not `Ã‰`.
        let result = try Repairer().repair(Array("a\u{81}b".utf8))
        XCTAssertTrue(result.output == Array("a\u{81}b".utf8))
        let misread = try Repairer().repair(Array("Ã\u{89}".utf8))
        XCTAssertFalse(misread.output == Array("Ã‰".utf8))
    }
}
