import XCTest
import MojifixCore
import MojifixICU
import MojifixText

/// Raw input that is not UTF-8: BOMs, UTF-16/32, CP949, ISO-2022-KR, Johab, binary, ambiguity.
final class LegacyDecodingTests: XCTestCase {
    let korean = "안녕하세요, 일간 데이터입니다. 똠양꿍은 맛있다!\n"

    func testCP949FileIsTranscodedAndTheInverseGivesTheBytesBack() throws {
        let bytes = try ICUConverter("windows-949").encode(Array(korean.utf8))
        let result = try Repairer().repair(bytes)
        XCTAssertEqual(result.output, Array(korean.utf8))
        XCTAssertEqual(result.plan.inputEncoding, "windows-949")
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), bytes)
    }

    func testByteOrderMarksAreStrippedAndRestoredByTheInverse() throws {
        let text = Array(korean.utf8)
        let utf16le = try [0xFF, 0xFE] + ICUConverter("UTF-16LE").encode(text)
        let utf16be = try [0xFE, 0xFF] + ICUConverter("UTF-16BE").encode(text)
        let utf32le = try [0xFF, 0xFE, 0x00, 0x00] + ICUConverter("UTF-32LE").encode(text)
        for input in [[0xEF, 0xBB, 0xBF] + text, utf16le, utf16be, utf32le] {
            let result = try Repairer().repair(input)
            XCTAssertEqual(result.output, text)
            XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
        }
    }

    func testUTF16WithoutBOM() throws {
        let input = try ICUConverter("UTF-16LE").encode(Array("Hello, 세계! 일간 데이터\n".utf8))
        XCTAssertEqual(try Repairer().repair(input).output, Array("Hello, 세계! 일간 데이터\n".utf8))
    }

    func testISO2022KRAndJohab() throws {
        let text = Array("한글 ISO-2022-KR 테스트\\경로\n".utf8)
        let replayer = PlanReplayer()
        let iso = try replayer.run([.encode(.iso2022KR)], on: text)
        XCTAssertEqual(Array(iso.prefix(4)), [0x1B, 0x24, 0x29, 0x43])
        XCTAssertEqual(try Repairer().repair(iso).output, text)
        let johab = try replayer.run([.encode(.johab)], on: Array("뷁 ㅋㅋ 한글".utf8))
        XCTAssertEqual(johab.prefix(2), [0xA6, 0xCA])  // 뷁, as Python's johab codec has it
        XCTAssertEqual(try Repairer(options: RepairOptions(from: .johab)).repair(johab).output, Array("뷁 ㅋㅋ 한글".utf8))
    }

    /// UTF-8 with a stray Latin-1 byte is no legacy file: the readings `--from` could choose
    /// (GB18030, Big5) garble its UTF-8 (`caf茅`). It is refused saying where the byte is.
    func testUTF8WithAStrayByteIsRefusedAsSuch() throws {
        let bytes = Array("Le café est très bon. Il est na".utf8) + [0xEF] + Array("ve.\n".utf8)
        XCTAssertThrowsError(try Repairer().repair(bytes)) { error in
            XCTAssertEqual(error as? RepairError, .mostlyUTF8(strayBytes: 1, firstAt: 33))
        }
        XCTAssertEqual(UTF8Bytes.tally(bytes).sequences, 2)
        // A legacy file's bytes seldom make sequences: CP949 text is still read as such.
        let cp949 = try ICUConverter("windows-949").encode(Array(korean.utf8))
        XCTAssertLessThan(UTF8Bytes.tally(cp949).sequences, UTF8Bytes.tally(cp949).strayBytes)
    }

    func testBinaryInputIsRefused() throws {
        let repairer = try Repairer()
        XCTAssertThrowsError(try repairer.repair([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x01])) { error in
            guard case .binary = error as? RepairError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try repairer.repair([UInt8](repeating: 0, count: 4096)))
    }

    func testForcedCharsetThatDoesNotFitIsRefused() throws {
        XCTAssertThrowsError(try Repairer(options: RepairOptions(from: .windows949)).repair([0xC7, 0x20])) { error in
            guard case .undecodable = error as? RepairError else { return XCTFail("\(error)") }
        }
    }

    func testShortRareInputIsEitherRightOrRefusedNeverSilentlyWrong() throws {
        // Three rare syllables read as CP949, Johab, GB18030 ... : a guess would be a coin toss.
        let text = Array("똠\n뷁\n똭\n".utf8)
        let bytes = try ICUConverter("windows-949").encode(text)
        do {
            let output = try Repairer().repair(bytes).output
            XCTAssertTrue(output == text, String(decoding: output, as: UTF8.self))
        } catch let error as RepairError {
            guard case .ambiguous = error else { return XCTFail("\(error)") }
        }
    }

    func testHanjaOnlyBytesAreAmbiguousOrCP949() throws {
        // Two Hanja in CP949 are two other Han characters in GB18030 and EUC-JP.
        let text = Array("\u{8A18}\u{8A3B} A".utf8)
        let bytes = try ICUConverter("windows-949").encode(text)
        XCTAssertFalse(UTF8Check.isValid(bytes))
        do {
            let output = try Repairer().repair(bytes).output
            XCTAssertTrue(output == text, String(decoding: output, as: UTF8.self))
        } catch let error as RepairError {
            guard case .ambiguous = error else { return XCTFail("\(error)") }
        }
    }

    func testTooLargeInputIsRefused() throws {
        XCTAssertThrowsError(try Repairer(options: RepairOptions(maxInputBytes: 10)).repair(Array(korean.utf8))) { error in
            XCTAssertEqual(error as? RepairError, .tooLarge(bytes: korean.utf8.count, limit: 10))
        }
    }
}

enum UTF8Check {
    static func isValid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }
}

/// `--from`: only for input that is not UTF-8 text, only where it decodes strictly.
final class ForcedCharsetTests: XCTestCase {
    func testForcedCharsetLeavesUTF8TextAloneSoASecondRunChangesNothing() throws {
        let text = Array("비 오는 날 \n".utf8)
        let repairer = try Repairer(options: RepairOptions(from: .eucKR))
        let euckr = try ICUConverter("EUC-KR").encode(text)
        let once = try repairer.repair(euckr).output
        XCTAssertEqual(once, text)
        XCTAssertEqual(try repairer.repair(once).output, text)
        XCTAssertEqual(try Repairer(options: RepairOptions(from: .utf16LE)).repair(text).output, text)
    }

    func testForcedCharsetThatDoesNotDecodeIsAnError() throws {
        XCTAssertThrowsError(try Repairer(options: RepairOptions(from: .eucKR)).repair(Array("caf".utf8) + [0xE9, 0x0A])) { error in
            guard case .undecodable(let charset, _) = error as? RepairError else { return XCTFail("\(error)") }
            XCTAssertEqual(charset, "EUC-KR")
        }
    }

    /// A plan's offsets are 32 bits: however large a limit is asked for, inputs a transcoding
    /// could grow past them (a Windows-1252 byte becomes up to three) are refused (`tooLarge`)
    /// instead of trapping when their changes are recorded.
    func testTheInputLimitNeverExceedsWhatAPlanCanHold() throws {
        XCTAssertEqual(RepairOptions(maxInputBytes: Int.max).inputLimit, RepairOptions.largestInput)
        XCTAssertEqual(RepairOptions(maxInputBytes: 10).inputLimit, 10)
        // The most a byte of any legacy charset grows by, measured: Windows-1252's 0x80 is `€`.
        let growth = try (0x80...0xFF).map { byte in try Repairer().repair([UInt8(byte)], from: .windows1252).output.count }.max()!
        XCTAssertEqual(growth, 3)
        XCTAssertLessThanOrEqual(RepairOptions.largestInput * growth, Int(UInt32.max))
    }
}
