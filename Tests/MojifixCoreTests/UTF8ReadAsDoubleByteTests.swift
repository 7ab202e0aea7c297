import XCTest
import MojifixCore
import MojifixICU

/// UTF-8 read by a strict double-byte decoder (GBK, CP932, EUC-KR, Big5) and saved again.
final class UTF8ReadAsDoubleByteTests: XCTestCase {
    func testEachCharsetIsUndoneAndTheInverseGivesTheTextBack() throws {
        let replayer = PlanReplayer()
        let texts = ["Le café est fermé depuis lundi, désolé pour la gêne.\n", "한국어 텍스트를 보여 드립니다.\n",
                     "Привет, как дела? Всё хорошо.\n"]
        for charset in ["GBK", "windows-31j", "EUC-KR", "Big5"] {
            for text in texts {
                // Only texts a strict decoder reads whole make this chain (as in the wild).
                guard let garbled = try? ICUConverter(charset).decode(Array(text.utf8)) else { continue }
                let result = try Repairer().repair(garbled)
                XCTAssertTrue(result.output == Array(text.utf8), "\(charset): \(String(decoding: result.output, as: UTF8.self))")
                XCTAssertEqual(try replayer.invert(result.plan, on: result.output), garbled, charset)
            }
        }
    }

    func testCleanCJKTextIsNotReadAsMisreadUTF8() throws {
        for text in ["東京都の天気は晴れです。", "我们今天去公园散步。", "這是一個測試。", "서울 날씨가 좋습니다.", "茅台酒"] {
            let bytes = Array(text.utf8)
            XCTAssertTrue(try Repairer().repair(bytes).output == bytes, text)
        }
    }
}
