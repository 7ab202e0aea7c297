import XCTest
@testable import MojifixCore

/// A CP949 reading's line must read as Korean: clean character tables and symbol strings whose
/// bytes CP949 would make into rare syllables and Hanja, or whose bytes count up one by one, stay
/// as written; Korean garbled through
/// Latin-1 or Mac OS Roman (Python's codecs) is still repaired, a line of Hanja included when the
/// rest of the document establishes the reading.
final class CP949ReadingReadsAsKoreanTests: XCTestCase {
    func testCharacterTablesAndSymbolStringsStayAsWritten() throws {
        // Written for this test, in the shape of source code that lists characters.
        try assertLeftAsWritten("wordchars += 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ'\n")
        try assertLeftAsWritten("accents = \"ÁÂÃÀÇÉÊÍÓÔÕÚáâãàçéêíóôõú\"\n")
        try assertLeftAsWritten("option_keys = \"Ω≈ç√∫˜µ≤≥÷åß∂ƒ©˙∆˚¬…æœ∑´®†¥¨ˆøπ“‘¡™£¢∞§¶•ªº–≠\"\n")
        try assertLeftAsWritten("    (0x2A0C, 'M', '∫∫∫∫'),\n")
        // A Windows-1252 table in byte order: commoner syllables, but the bytes count up.
        try assertLeftAsWritten("    \"chars\": \"‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿\",\n")
    }

    /// A line longer than a window is decided across its windows: the same rule holds there.
    func testTheRuleHoldsWindowByWindow() throws {
        let repairer = try Repairer()
        repairer.mojibakeWindowBytes = 64
        for text in ["    \"chars\": \"‚ƒ„…†‡ˆ‰Š‹Œ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓ\",\n",
                     "option_keys = \"Ω≈ç√∫˜µ≤≥÷åß∂ƒ©˙∆˚¬…æœ∑´®†¥¨ˆøπ“‘¡™£¢∞§¶•ªº–≠Ω≈ç√∫˜µ≤≥÷åß∂ƒ©˙∆˚¬\"\n"] {
            XCTAssertEqual(try repairer.repair(Array(text.utf8)).output, Array(text.utf8), text)
        }
        let garbled = "¿À´Ã ¼\u{AD}¿ïÀÇ ³¯¾¾´Â ¸¼°í ±â¿ÂÀº 20µµÀÔ´Ï´Ù. ¿À´Ã ¼\u{AD}¿ïÀÇ ³¯¾¾´Â ¸¼°í ±â¿ÂÀº 20µµÀÔ´Ï´Ù.\n"
        XCTAssertEqual(try repairer.repair(Array(garbled.utf8)).output,
                       Array("오늘 서울의 날씨는 맑고 기온은 20도입니다. 오늘 서울의 날씨는 맑고 기온은 20도입니다.\n".utf8))
    }

    func testKoreanIsStillRepairedAndALineOfHanjaFollowsTheDocument() throws {
        try assertRepairsAndInverts(
            "¿À´Ã ¼\u{AD}¿ïÀÇ ³¯¾¾´Â ¸¼°í ±â¿ÂÀº 20µµÀÔ´Ï´Ù.\nÓÞùÛÚÅÏÐ úÊÛö ð¯ìéðÉ ÓÞùÛÚÅÏÐÀº ÚÅñ«ÍìûúÏÐÀÌ´Ù.\n",
            to: "오늘 서울의 날씨는 맑고 기온은 20도입니다.\n大韓民國 憲法 第一條 大韓民國은 民主共和國이다.\n")
        try assertRepairsAndInverts("≈ˆ≈ˆ ≈–∞Ì ¿œæÓ≥µ¥Ÿ.", to: "툭툭 털고 일어났다.")
    }

    func testTheFitPricesLettersOnly() {
        func units(_ scalars: [UInt32]) -> [DecodedUnit] {
            scalars.enumerated().map { DecodedUnit(start: 2 * $0.offset, end: 2 * $0.offset + 2, scalar: $0.element, width: 2) }
        }
        XCTAssertTrue(MojibakePass.lettersReadAsKorean(units(Array("오늘서울의날씨는".unicodeScalars.map(\.value)))))
        XCTAssertFalse(MojibakePass.lettersReadAsKorean(units(Array("읒쩠컵판훔墾勁卦今錄桐路描白繃".unicodeScalars.map(\.value)))))
        // Signs between the letters are word boundaries, not letters to price.
        XCTAssertTrue(MojibakePass.lettersReadAsKorean(units(Array("한국어★★★☆☆표시명※필독".unicodeScalars.map(\.value)))))
    }
}
