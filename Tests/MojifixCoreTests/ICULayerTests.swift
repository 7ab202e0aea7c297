import XCTest
import MojifixICU

/// The ICU layer's traps listed in Documentation/ICU.md, pinned down.
final class ICULayerTests: XCTestCase {
    /// NFC's composition of a letter and a combining mark: `a` + ogonek is `ą`, `s` + comma
    /// below is `ș`; `e` + comma below is no letter.
    func testComposePairIsNFCsCompositeOrNothing() {
        XCTAssertEqual(ICUNormalizer.composePair(0x61, 0x328), 0x105)
        XCTAssertEqual(ICUNormalizer.composePair(0x73, 0x326), 0x219)
        XCTAssertNil(ICUNormalizer.composePair(0x65, 0x326))
        XCTAssertNil(ICUNormalizer.composePair(0x20, 0x301))
    }

    /// The table of scripts kept below U+3000, and the Hangul syllables answered without ICU, give
    /// ICU's own answer for every code point.
    func testScriptLookupIsICUsForEveryCodePoint() {
        var differing: [UInt32] = []
        for s: UInt32 in 0...0x10FFFF where ICUProperties.script(of: s) != ICUProperties.scriptFromICU(of: s) { differing.append(s) }
        XCTAssertEqual(differing, [])
        XCTAssertEqual(ICUProperties.script(of: 0xC77C), .hangul)
        XCTAssertEqual(ICUProperties.script(of: 0x416), .cyrillic)
        XCTAssertEqual(ICUProperties.script(of: 0x41), .latin)
    }

    func testMacintoshMapsF0ToAppleLogoBothWays() throws {
        let mac = try ICUConverter("macintosh")
        XCTAssertEqual(try mac.decode([0xF0]), Array("\u{F8FF}".utf8))
        XCTAssertEqual(try mac.encode(Array("\u{F8FF}".utf8)), [0xF0])
    }

    func testWindows1252PassesTheFiveUndefinedBytesThrough() throws {
        let cp1252 = try ICUConverter("windows-1252")
        for byte: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            let text = try cp1252.decode([byte])
            XCTAssertEqual(text, Array(String(Unicode.Scalar(byte)).utf8))
            XCTAssertEqual(try cp1252.encode(text), [byte])
        }
    }

    func testEncodingIsStrictForDefaultIgnorables() throws {
        // ICU's STOP callback silently drops these; the shim's callback must refuse them.
        let cp1252 = try ICUConverter("windows-1252")
        for scalar in ["\u{200B}", "\u{FE0F}", "\u{FEFF}", "\u{200D}"] {
            XCTAssertThrowsError(try cp1252.encode(Array(scalar.utf8)), "encoded \(scalar.unicodeScalars.first!.value)")
        }
        XCTAssertThrowsError(try cp1252.encode(Array("일".utf8)))
    }

    func testDecodingIsStrict() throws {
        let cp949 = try ICUConverter("windows-949")
        XCTAssertThrowsError(try cp949.decode([0xC7]))        // truncated pair
        XCTAssertThrowsError(try cp949.decode([0xC7, 0x20]))  // invalid trail
        let utf8 = try ICUConverter("UTF-8")
        XCTAssertThrowsError(try utf8.decode([0xED, 0xA0, 0x80]))  // surrogate
    }

    func testWindows949IsMicrosoftsUHCAndCp949IsNot() throws {
        XCTAssertEqual(try ICUConverter("windows-949").encode(Array("똠".utf8)), [0x8C, 0x63])
        XCTAssertThrowsError(try ICUConverter("cp949").encode(Array("똠".utf8)))
    }

    func testCanonicalNameAndUnknownCharset() throws {
        XCTAssertFalse(try ICUConverter("windows-1252").canonicalName.isEmpty)
        XCTAssertThrowsError(try ICUConverter("no-such-charset-x")) { error in
            XCTAssertEqual(error as? ICUError, .unknownCharset("no-such-charset-x"))
        }
    }

    func testNormalizerComposesHangulAndNeverUsesCompatibilityForms() throws {
        let nfd: [UInt8] = [0xE1, 0x84, 0x92, 0xE1, 0x85, 0xA1, 0xE1, 0x86, 0xAB]  // ᄒ ᅡ ᆫ
        XCTAssertEqual(try ICUNormalizer.normalize(nfd, to: .nfc), Array("한".utf8))
        XCTAssertEqual(try ICUNormalizer.normalize(Array("한".utf8), to: .nfd), nfd)
        // Compatibility jamo and ℓ stay (NFKC would turn them into 가 and l).
        XCTAssertEqual(try ICUNormalizer.normalize(Array("ㄱㅏ ℓ".utf8), to: .nfc), Array("ㄱㅏ ℓ".utf8))
    }

    func testRGIEmojiZWJSequences() {
        XCTAssertTrue(ICUProperties.isRGIEmojiZWJSequence(Array("🧑‍💻".utf8)))
        XCTAssertFalse(ICUProperties.isRGIEmojiZWJSequence(Array("🧑💻".utf8)))
        XCTAssertTrue(ICUProperties.isRGIEmoji(Array("⚠️".utf8)))
    }

    func testScripts() {
        XCTAssertEqual(ICUProperties.script(of: 0xD55C), .hangul)
        XCTAssertEqual(ICUProperties.script(of: 0x0416), .cyrillic)
        XCTAssertEqual(ICUProperties.script(of: 0x41), .latin)
        XCTAssertEqual(ICUProperties.script(of: 0x2E), .common)
    }
}
