import XCTest
import MojifixCore

/// In-file charset declarations: strong evidence for the detector (still decoded strictly), and
/// rewritten to UTF-8 when the file is transcoded, in a pass whose inverse restores them.
/// The bytes are Python's codecs' (`'…'.encode('gb2312')`, `'…'.encode('cp1250')`).
final class CharsetDeclarationTests: XCTestCase {
    let gb2312: [UInt8] = Array("<meta charset=\"gb2312\"><title>".utf8) + [207, 181, 205, 179, 185, 164, 190, 223] + Array("</title>\n".utf8)
    // `łódź` in windows-1250: ź is 0x9F there and ISO-8859-2 has no character at 0x9F; `ľ`/`ź`
    // at 0xBC would make the two readings equally plausible, the declaration decides.
    let css: [UInt8] = Array("@charset \"windows-1250\";\n/* ".utf8) + [179, 243, 100, 159] + Array(" */\n".utf8)

    func testDeclaredCharsetIsReadAndTheDeclarationRewrittenToUTF8() throws {
        let result = try Repairer().repair(gb2312)
        XCTAssertEqual(result.output, Array("<meta charset=\"UTF-8\"><title>系统工具</title>\n".utf8))
        XCTAssertEqual(try PlanReplayer().replay(result.plan, on: gb2312), result.output)
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), gb2312)
    }

    func testCSSCharsetRule() throws {
        let result = try Repairer().repair(css)
        XCTAssertEqual(result.output, Array("@charset \"UTF-8\";\n/* łódź */\n".utf8))
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), css)
    }

    func testADeclarationThatDoesNotDecodeIsNotFollowed() throws {
        // Declares UTF-8 but holds a windows-1252 é: the declaration cannot be right.
        let bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<p>Le caf".utf8) + [0xE9] + Array(" est fermé le lundi.</p>\n".utf8).map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }
        let result = try? Repairer().repair(bytes)
        XCTAssertNotEqual(result?.plan.inputEncoding, "UTF-8")
    }

    func testUTF8TextKeepsItsDeclaration() throws {
        let text = Array("<meta charset=\"euc-kr\"><p>한글</p>\n".utf8)
        XCTAssertEqual(try Repairer().repair(text).output, text)
    }
}
