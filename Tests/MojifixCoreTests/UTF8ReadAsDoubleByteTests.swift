import XCTest
@testable import MojifixCore
import MojifixICU
import MojifixTestSupport

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
                XCTAssertTrue(result.output == Array(text.utf8), "\(charset): \(String(decoding: result.output, as: Unicode.UTF8.self))")
                XCTAssertEqual(try replayer.invert(result.plan, on: result.output), garbled, charset)
            }
        }
    }

    /// Windows (and Python's `cp932`) map five single CP932 bytes ICU leaves out: 0x80 to U+0080
    /// and 0xA0 to U+F8F0. Russian `р` (D1 80) and an NBSP (C2 A0) shown that way re-encode only
    /// through Microsoft's table. Garbled forms: Python's `encode('utf-8').decode('cp932')`.
    func testCP932AsWindowsMapsItsSingleBytes() throws {
        let cases = [
            ("\u{FF90}\u{6E72}\u{80}\u{FF90}\u{FF7E}\u{FF90}\u{FF72}\u{FF90}\u{FF75}\u{FF91}\u{80}\u{FF90}\u{FF7A}\u{FF90}\u{FF70} "
                + "\u{FF91}\u{80}\u{FF90}\u{FF70}\u{FF90}\u{FF77}\u{FF91}\u{80}\u{FF90}\u{FF75}\u{FF91}\u{5A01}\u{FF75}\u{FF90}\u{FF7D}\u{FF90}\u{FF78}\u{FF90}\u{FF79}\n",
             "Проверка разрешений\n"),
            ("Le caf\u{FF83}\u{FF69}\u{FF82}\u{F8F0}: ferm\u{FF83}\u{FF69} le lundi\n", "Le café\u{A0}: fermé le lundi\n"),
        ]
        for (garbled, clean) in cases {
            let input = Array(garbled.utf8)
            let result = try Repairer().repair(input)
            XCTAssertTrue(result.output == Array(clean.utf8), String(decoding: result.output, as: Unicode.UTF8.self))
            XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
        }
    }

    /// A charset whose repertoire lacks a character of the text's first run of non-ASCII is not
    /// asked to encode it: the same repairs as asking ICU every time, on clean and garbled texts
    /// of every language of the generator (garbled through each charset by ICU's strict decoder).
    func testRepertoiresChangeNoRepair() throws {
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261205))
        var texts: [[UInt8]] = []
        for (n, language) in TextGenerator.languages.enumerated() {
            for words in [3, 12, 40] {
                let clean = Array(generator.text(words: words, language: language, emoji: n % 3 == 0).utf8)
                texts.append(clean)
                for charset in UTF8ReadAsDoubleByte.charsets {
                    if let garbled = try? ICUConverter(charset.icuName).decode(clean) { texts.append(garbled) }
                }
            }
        }
        let asked = try Repairer(), shortcut = try Repairer()
        asked.doubleByteReader.textsBeforeRepertoires = .max
        shortcut.doubleByteReader.textsBeforeRepertoires = 0
        var repaired = 0
        for (n, text) in texts.enumerated() {
            let a = Result { try asked.repair(text) }, b = Result { try shortcut.repair(text) }
            switch (a, b) {
            case (.success(let x), .success(let y)):
                XCTAssertEqual(x.output, y.output, "text \(n)")
                XCTAssertEqual(try ReadingBoundTests.encoded(x.plan), try ReadingBoundTests.encoded(y.plan), "text \(n): plan")
                if x.plan.passes.contains(where: { $0.chain.contains(.decode(.utf8)) && $0.chain.count == 2 }) { repaired += 1 }
            case (.failure(let x), .failure(let y)):
                XCTAssertEqual("\(x)", "\(y)", "text \(n)")
            default:
                XCTFail("text \(n): \(a) vs \(b)")
            }
        }
        XCTAssertGreaterThan(repaired, 20)
        // The repertoires did leave charsets out.
        XCTAssertGreaterThan(shortcut.doubleByteReader.leftOutByRepertoire, 100)
    }

    func testCleanCJKTextIsNotReadAsMisreadUTF8() throws {
        for text in ["東京都の天気は晴れです。", "我们今天去公园散步。", "這是一個測試。", "서울 날씨가 좋습니다.", "茅台酒"] {
            let bytes = Array(text.utf8)
            XCTAssertTrue(try Repairer().repair(bytes).output == bytes, text)
        }
    }
}
