import XCTest
@testable import MojifixCore

/// A charset the file declares is weighed in full and, against a reading in another script,
/// wins unless that reading also fits its language clearly better: the ASCII markup of a feed
/// (written for this test) costs less in a Cyrillic language than in Thai, so Cyrillic nonsense of
/// a Thai feed's bytes came out cheaper without fitting any better. In one script the cost alone
/// decides, as before (guards: a wrong declaration in one script still loses).
final class CharsetDetectorDeclaredTests: XCTestCase {
    private func feed(_ charset: String, _ items: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"\(charset)\"?>\n<rss version=\"2.0\"><channel><title>blog</title>\n"
            + items.enumerated().map { k, text in
                "\t<item>\n\t\t<pubDate>พฤ., \(k + 10) พ.ย. 2005 21:24:18 +0000</pubDate>\n\t\t<link>http://example.com/\(k)</link>\n"
                    + "\t\t<description>\(text)</description>\n\t</item>\n"
            }.joined() + "</channel></rss>\n"
    }

    /// `text` written in `charset` (ICU's table, as the detector reads it), repaired.
    private func repaired(_ text: String, writtenIn charset: String) throws -> RepairResult {
        try Repairer().repair(try legacyBytes(text, in: charset))
    }

    func testADeclaredThaiFeedIsReadAsDeclared() throws {
        let prose = ["ย้ายบ้านแล้วครับ คราวนี้ไปจดโดเมนเรียบร้อย", "วันนี้อากาศดีมาก ไปเที่ยวทะเลกับเพื่อนๆ สนุกมากครับ",
                     "ผมยังมีชีวิตอยู่นะครับ เพียงแต่ช่วงนี้ยุ่งมาก เลยไม่มีเวลามาอัพเดท"]
        let text = feed("windows-874", (0..<12).map { prose[$0 % 3] })
        let result = try repaired(text, writtenIn: "windows-874")
        XCTAssertEqual(result.plan.inputEncoding, "windows-874")
        XCTAssertTrue(result.output == Array(text.replacingOccurrences(of: "windows-874", with: "UTF-8").utf8))
    }

    /// In one script the languages price the markup alike, and the cost alone decides as before.
    func testAWrongDeclarationInTheSameScriptLosesOnCostAlone() throws {
        let text = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<catalogue>\n"
            + (0..<6).map { "<produit><nom>Chaise en chêne numéro \($0)</nom><prix>\(40 + $0) €</prix><remise>5 € de réduction, livraison à 9 €</remise></produit>\n" }.joined()
            + "</catalogue>\n"
        XCTAssertEqual(try repaired(text, writtenIn: "ISO-8859-15").plan.inputEncoding, "ISO-8859-15")
    }

    func testAWrongDeclarationStillLoses() throws {
        let text = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss><channel>\n"
            + (0..<8).map { "<item><title>Příliš žluťoučký kůň úpěl ďábelské ódy \($0)</title><description>Večerní zprávy: vláda schválila nový zákon o ochraně přírody.</description></item>\n" }.joined()
            + "</channel></rss>\n"
        XCTAssertEqual(try repaired(text, writtenIn: "windows-1250").plan.inputEncoding, "windows-1250")
    }
}
