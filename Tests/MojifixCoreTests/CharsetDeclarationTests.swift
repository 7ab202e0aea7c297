import XCTest
@testable import MojifixCore

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

    /// A declaration counts only where tools read it: `<meta>` in a file of markup, an Emacs
    /// cookie on the first two lines, a Vim modeline on the first five. Elsewhere (prose, a
    /// Markdown code block) it is text about a declaration, transcoded like the rest, never
    /// rewritten. (Korean in CP949, from Python's codec.)
    func testADeclarationInProseOrACodeBlockIsTextNotADeclaration() throws {
        let markdown = "# 설명서\n\n예전 한국어 웹 페이지는 이렇게 선언했습니다. 오늘은 날씨가 좋습니다.\n\n```html\n<meta charset=\"euc-kr\">\n```\n"
        let prose = "예전 웹 페이지는 <meta charset=\"euc-kr\"> 처럼 선언했고, 오늘은 날씨가 좋습니다.\n"
        for text in [markdown, prose, "첫 줄\n둘째 줄\n# -*- coding: euc-kr -*- 은 셋째 줄에서는 아무것도 아닙니다.\n"] {
            let bytes = try legacyBytes(text, in: "windows-949")
            XCTAssertNil(CharsetDeclaration.name(in: bytes), text)
            let result = try Repairer().repair(bytes)
            XCTAssertEqual(result.output, Array(text.utf8))
        }
        let html = try legacyBytes("\u{FEFF}\n<!DOCTYPE html>\n<meta charset=\"euc-kr\"><p>한글</p>\n".replacingOccurrences(of: "\u{FEFF}", with: ""), in: "windows-949")
        XCTAssertEqual(CharsetDeclaration.name(in: html), "euc-kr")
        XCTAssertEqual(CharsetDeclaration.name(in: Array("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n".utf8)), "latin-1")
        XCTAssertEqual(CharsetDeclaration.name(in: Array("a\nb\nc\nd\n/* vim: set fileencoding=cp1250 : */\n".utf8)), "cp1250")
        XCTAssertNil(CharsetDeclaration.name(in: Array("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n/* vim: set fileencoding=cp1250 : */\nl\nm\nn\no\np\n".utf8)))
        // Vim reads the last five lines too; templates and front matter come before a real <meta>.
        XCTAssertEqual(CharsetDeclaration.name(in: Array("a\nb\nc\nd\ne\nf\n# vim: set fileencoding=cp1251 :\n".utf8)), "cp1251")
        for page in ["{% extends \"base.html\" %}\n<html>\n<head>\n<meta charset=\"windows-1255\">\n",
                     "---\nlayout: default\n---\n<!DOCTYPE html>\n<html><head><meta charset=\"windows-1255\"><title>",
                     "Subject: newsletter\n\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1255\">\n"] {
            XCTAssertEqual(CharsetDeclaration.name(in: Array(page.utf8)), "windows-1255", page)
        }
        XCTAssertNil(CharsetDeclaration.name(in: Array("<p align=\"center\"></p>\n\n```html\n<meta charset=\"euc-kr\">\n```\n".utf8)))
    }

    func testUTF8TextKeepsItsDeclaration() throws {
        let text = Array("<meta charset=\"euc-kr\"><p>한글</p>\n".utf8)
        XCTAssertEqual(try Repairer().repair(text).output, text)
    }
}
