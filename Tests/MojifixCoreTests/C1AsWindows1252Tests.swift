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

    /// C1 controls written on purpose (a code block listing code points, a pragma line) in an
    /// otherwise clean document stay; the same controls in prose are punctuation.
    func testC1ControlsInCodeOfACleanDocumentOrOnAnIgnoredLineStay() throws {
        let code = Array("Les codes de 128 à 132 :\n\n```js\n// \u{80}\u{81}\u{82}\u{83}\u{84}\n```\n".utf8)
        XCTAssertTrue(try Repairer().repair(code).output == code)
        let pragma = Array("Il a dit \u{93}bonjour\u{94} <!-- mojifix: ignore -->\n".utf8)
        XCTAssertTrue(try Repairer().repair(pragma).output == pragma)
        let prose = Array("Il a dit \u{93}bonjour\u{94}\n\n```\nx\u{85}\n```\n".utf8)
        XCTAssertTrue(try Repairer().repair(prose).output == Array("Il a dit “bonjour”\n\n```\nx…\n```\n".utf8))
    }
}
