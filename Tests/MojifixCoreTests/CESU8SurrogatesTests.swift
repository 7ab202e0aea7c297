import XCTest
import MojifixCore

final class CESU8SurrogatesTests: XCTestCase {
    func testSurrogatePairsBecomeTheirCharacterAndTheInverseGivesTheBytesBack() throws {
        // 😍 as CESU-8 (its two UTF-16 surrogates, three bytes each) inside valid UTF-8 text.
        let input: [UInt8] = Array("Très bien ".utf8) + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x8D] + Array(" fin\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("Très bien 😍 fin\n".utf8))
        XCTAssertEqual(result.plan.inputEncoding, "CESU-8")
        let replayer = PlanReplayer()
        XCTAssertEqual(try replayer.replay(result.plan, on: input), result.output)
        XCTAssertEqual(try replayer.invert(result.plan, on: result.output), input)
    }

    /// A lone surrogate has no character to give: the lossless pair repair leaves it, and the file
    /// is still "almost UTF-8", never a single-byte charset: the surrogate becomes U+FFFD, and the
    /// plan keeps the original bytes so the inverse gives them back.
    func testALoneSurrogateIsUTF8WithAReplacementCharacterNeverASingleByteCharset() throws {
        let input: [UInt8] = Array("x ".utf8) + [0xED, 0xA0, 0xBD] + Array(" y".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("x \u{FFFD} y".utf8))
        XCTAssertEqual(result.plan.inputEncoding, "CESU-8")
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
    }

    func testCESU8MisreadAsWindows1252IsRepairedThroughTheCESU8Decoder() throws {
        let input = Array("Hi guys \u{ED}\u{A0}\u{BD}\u{ED}\u{B8}\u{8D}\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertTrue(result.output == Array("Hi guys 😍\n".utf8), String(decoding: result.output, as: UTF8.self))
        XCTAssertEqual(result.plan.passes.first?.changes.first?.steps, [.encode(.windows1252), .decode(Charset("CESU-8"))])
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
    }
}
