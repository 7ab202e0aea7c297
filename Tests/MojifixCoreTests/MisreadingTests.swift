import XCTest
import MojifixCore
import MojifixICU

/// One test per repair the engine knows, on short, realistic strings.
final class MisreadingTests: XCTestCase {
    func repair(_ text: String) throws -> String {
        String(decoding: try Repairer().repair(Array(text.utf8)).output, as: UTF8.self)
    }

    func assertRepairs(_ garbled: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try Repairer().repair(Array(garbled.utf8)).output
        XCTAssertTrue(output == Array(expected.utf8), String(decoding: output, as: UTF8.self), file: file, line: line)
    }

    func testDecodeUTF8ReadAsMacRoman() throws {
        try assertRepairs("categories: [Daily Papers, ÏùºÍ∞Ñ]\n", "categories: [Daily Papers, 일간]\n")
        // A line holding only a garbled emoji follows a document that is clearly garbled.
        try assertRepairs("## \u{F8FF}üìä Ï¢ãÏïÑÏöî ÏàúÏúÑ\n\n- \u{F8FF}üëç 182\n", "## 📊 좋아요 순위\n\n- 👍 182\n")
    }

    func testDecodeUTF8ReadAsWindows1252() throws {
        try assertRepairs("ì•ˆë…•í•˜ì„¸ìš”\n", "안녕하세요\n")
        try assertRepairs("Itâ€™s a cafÃ© â€” naÃ¯ve\n", "It’s a café — naïve\n")
        try assertRepairs("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€\n", "Привет, мир\n")
        try assertRepairs("æ—¥æœ¬èªžã\u{81}®ãƒ†ã‚­ã‚¹ãƒˆ\n", "日本語のテキスト\n")
    }

    /// A lone garbled word whose bytes also read as one CP949 syllable (`Ã¶` is 철): a CP949 reading
    /// without a word repairs nothing, so it does not hide a reading whose evidence stands alone.
    func testALoneWordIsNotHiddenByACP949ReadingThatRepairsNothing() throws {
        try assertRepairs("a MalmÃ¶", "a Malmö")
        XCTAssertEqual(Array(try repair("(-1/2)! = √π").utf8), Array("(-1/2)! = √π".utf8))
    }

    func testDecodeUTF8ReadAsLatin1() throws {
        try assertRepairs("ì\u{95}\u{88}ë\u{85}\u{95}\n", "안녕\n")
    }

    /// CP437 as Windows and Python read it (0xE6 is the micro sign, which ICU reads as Greek mu),
    /// and box drawing right after a letter read as the middle of a word, not as line art.
    func testDecodeUTF8ReadAsCP437() throws {
        try assertRepairs("Σ╗èµùÑπü»πüäπüäσñ⌐µ░ùπüºπüÖπü¡πÇé\n", "今日はいい天気ですね。\n")
        try assertRepairs("Gr├╝├ƒe aus M├╝nchen!\n", "Grüße aus München!\n")
        XCTAssertEqual(Array(try repair("├┤a┼┐a┼┐a┼┐a\n").utf8), Array("├┤a┼┐a┼┐a┼┐a\n".utf8))
    }

    /// ISO-8859-2 shows the continuation bytes 80-9F as C1 controls and A0-BF as Central European letters.
    func testDecodeUTF8ReadAsISO88592() throws {
        try assertRepairs("ZaĹźĂłĹ\u{82}Ä\u{87} gÄ\u{99}Ĺ\u{9B}lÄ\u{85} jaĹşĹ\u{84}, pĹ\u{99}Ă\u{AD}liĹĄ ĹžluĹĽouÄ\u{8D}kĂ˝ kĹŻĹ\u{88}.\n",
                          "Zażółć gęślą jaźń, příliš žluťoučký kůň.\n")
    }

    /// KOI8-R is decided by the language model; once it has confirmed two lines, a line too short
    /// for it (`п·п╨`, Ок) follows the document, and clean Russian lines beside them stay.
    func testAShortKOI8RLineFollowsADocumentTheModelEstablished() throws {
        try assertRepairs("Сегодня встреча перенесена на завтра.\nп╓п╟п╧п╩ п╬я┌я┤я▒я┌п╟ я│п╬я┘я─п╟п╫я▒п╫ п╡ п©п╟п©п╨п╣ п╢п╬п╨я┐п╪п╣п╫я┌я▀.\n"
                          + "п÷п╦я│я▄п╪п╬ п╬я┌п©я─п╟п╡п╩п╣п╫п╬ п╡я┤п╣я─п╟ п╡п╣я┤п╣я─п╬п╪.\nп·п╨\nДа\n",
                          "Сегодня встреча перенесена на завтра.\nФайл отчёта сохранён в папке документы.\n"
                          + "Письмо отправлено вчера вечером.\nОк\nДа\n")
    }

    func testDecodeCP949ReadAsLatin1() throws {
        try assertRepairs("ÇÑ±¹¾î ÅØ½ºÆ®\n", "한국어 텍스트\n")
    }

    /// Document consistency: once a document is established as garbled through Windows-1252, a
    /// line whose only unit is a garbled NBSP (`Â` + NBSP) is repaired too.
    func testAGarbledNBSPAloneOnItsLineFollowsTheDocument() throws {
        try assertRepairs("Itâ€™s a cafÃ© â€” naÃ¯ve\nRÃ©sumÃ© de la rÃ©union prÃ©vue\n- il y a uneÂ\u{A0}seconde\n",
                          "It’s a café — naïve\nRésumé de la réunion prévue\n- il y a une\u{A0}seconde\n")
    }

    func testDecodeUTF8ReadTwiceAsWindows1252() throws {
        try assertRepairs("Ã¬â€¢Ë†Ã«â€¦â€¢\n", "안녕\n")
    }

    /// Layers repaired to completion: what one layer repaired and still reads as mojibake is the
    /// next layer down, even a single word (`weiÃƒÆ’Ã…Â¸` three times through Windows-1252).
    func testAShortWordGarbledThreeTimesIsRepairedToTheEnd() throws {
        try assertRepairs("weiÃƒÆ’Ã…Â¸\n", "weiß\n")
    }

    func testCleanLookalikesStay() throws {
        for clean in ["OLÉ” and “École”", "SÃO PAULO, AÇÃO, NAÏVE", "25°C ± 0.5, ½ cup", "Å’s", "Ærø “Ålborg” ‘Øresund’",
                      "∑ ∏ ∞ √ ≈ ± ≠ ≤ ≥ π Ω µ ∂ ∆ ∫", "© ® ™ § ¶ † ‡ • … ‰ ‹ ›", "factor를 LLM의 ㅋㅋ ㄱㅏ", "⚠️ 🧑‍💻 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿"] {
            XCTAssertEqual(Array(try repair(clean).utf8), Array(clean.utf8), clean)
        }
    }

    /// Clean lines mixing scripts: a reading that would cut a few letters out of a clean word
    /// (`сове|щан|ие` through CP866 gives `頭`, plausible next to Japanese) is never made.
    func testCleanMixedScriptLinesStay() throws {
        for clean in ["今日は会議が午後三時に変更されました。 今日は会議が午後三時に変更されました。 Сегодня совещание перенесли на три часа.",
                      "회의가 오후 세 시로 바뀌었습니다. Сегодня совещание перенесли на три часа. 今日は会議が午後三時に変更されました。"] {
            XCTAssertEqual(Array(try repair(clean).utf8), Array(clean.utf8), clean)
        }
    }

    /// Line art and signs next to letters read as another alphabet's letters the language never
    /// writes (`ſ`, `ř` in English): the model prices an unseen letter of a language's own
    /// alphabet below its floor, but such a letter is foreign, never evidence of a repair.
    func testLookalikesDecodingToLettersTheLanguageNeverWritesStay() throws {
        for clean in ["┌┤o┼┐o┼┐o┼┐o┼┐o", "Meet SMÅ™, the new lamp from IKEA", "ele disse que ia pra lá´´ amanhã"] {
            XCTAssertEqual(Array(try repair(clean).utf8), Array(clean.utf8), clean)
        }
    }

    func testEveryChangeCarriesItsChainAndConfidence() throws {
        let result = try Repairer().repair(Array("Ï¥ù **10Í∞ú**Ïùò ÎÖºÎ¨∏\n".utf8))
        XCTAssertEqual(result.plan.passes.count, 1)
        for change in result.plan.passes[0].changes {
            XCTAssertEqual(change.steps, [.encode(.macintosh), .decode(.utf8)])
            XCTAssertGreaterThan(change.confidence, 0.5)
            XCTAssertTrue(change.lossless)
        }
        XCTAssertEqual(result.plan.passes[0].changes.map(\.after), ["총", "개", "의", "논문"])
    }
}

/// UTF-8 that a CP949 decoder mangled, replacing unpairable bytes with U+FFFD.
final class UTF8ReadAsCP949Tests: XCTestCase {
    func testLostBytesAreRebuiltAndTheChangeIsMarkedLossyAndUndoable() throws {
        let garbled = try Self.decodeCP949Replacing(Array("진화 데이터 연구\n".utf8))
        XCTAssertTrue(String(decoding: garbled, as: UTF8.self).contains("\u{FFFD}"))
        // Lossy repair is opt-in: by default the guess is only listed.
        let listed = try Repairer().repair(garbled)
        XCTAssertTrue(listed.output == garbled)
        XCTAssertFalse(listed.plan.withheld?.isEmpty ?? true)
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        let output = String(decoding: result.output, as: UTF8.self)
        XCTAssertTrue(output.hasPrefix("진화 "), output)  // the certain part is exact
        XCTAssertFalse(output.contains("\u{FFFD}"), output)
        XCTAssertFalse(result.plan.isLossless)
        XCTAssertTrue(try PlanReplayer().invert(result.plan, on: result.output) == garbled)
    }

    /// Python's `bytes.decode("cp949", errors="replace")`: a byte that cannot start a valid pair
    /// becomes one U+FFFD and decoding resumes at the next byte.
    static func decodeCP949Replacing(_ bytes: [UInt8]) throws -> [UInt8] {
        let cp949 = try ICUConverter("windows-949")
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { out.append(bytes[i]); i += 1; continue }
            if i + 1 < bytes.count, let pair = try? cp949.decode([bytes[i], bytes[i + 1]]) {
                out += pair
                i += 2
            } else {
                out += Array("\u{FFFD}".utf8)
                i += 1
            }
        }
        return out
    }

    func testCleanKoreanWithAReplacementCharacterIsLeftAlone() throws {
        let clean = Array("깨진 글자 � 예시입니다\n".utf8)
        XCTAssertTrue(try Repairer().repair(clean).output == clean)
    }
}
