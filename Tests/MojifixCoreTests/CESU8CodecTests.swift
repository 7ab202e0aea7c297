import XCTest
import MojifixCore

/// "Almost UTF-8": surrogates written as UTF-8 (CESU-8, lone ones) make a file UTF-8 to repair,
/// never a legacy charset; the plan gives the original bytes back.
final class CESU8CodecTests: XCTestCase {
    static let pair: [UInt8] = [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]  // U+1F600 as two surrogates

    func testSurrogatePairsAreJoinedAndTheInverseRestoresThem() throws {
        let input = Array("Ça va ".utf8) + Self.pair + Array(" très bien\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("Ça va \u{1F600} très bien\n".utf8))
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
    }

    func testMixedWithRealFourByteFormsAndLoneSurrogatesStaysUTF8() throws {
        let input = Array("한글 ".utf8) + Self.pair + Array(" \u{1F602} ".utf8) + [0xED, 0xB0, 0x80] + Array("\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("한글 \u{1F600} \u{1F602} \u{FFFD}\n".utf8))
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
    }

    func testOtherInvalidBytesAreNotAlmostUTF8() throws {
        // A windows-1252 é next to a surrogate: not UTF-8, so the detector decides.
        let input = Array("caf".utf8) + [0xE9] + Self.pair
        let result = try? Repairer().repair(input)
        XCTAssertNotEqual(result?.plan.inputEncoding, "CESU-8")
    }
}
