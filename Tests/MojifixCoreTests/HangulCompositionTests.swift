import XCTest
import MojifixCore
import MojifixICU

final class HangulCompositionTests: XCTestCase {
    func testDecomposedHangulIsComposedAndTheInverseDecomposesIt() throws {
        let text = Array("macOS 파일 이름: 한글 문서.md\n".utf8)
        let nfd = try ICUNormalizer.normalize(text, to: .nfd)
        let result = try Repairer().repair(nfd)
        XCTAssertEqual(result.output, text)
        XCTAssertEqual(result.plan.passes.last?.kind, .composeHangul)
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), nfd)
    }

    func testCompatibilityIdeographsAndJamoAreNeverTouched() throws {
        // NFC would change U+F900; a change NFD cannot undo is not made.
        let nfdHangul = try ICUNormalizer.normalize(Array("한글".utf8), to: .nfd)
        let input = nfdHangul + Array(" \u{F900} ㄱㅏ ℓ\n".utf8)
        let result = try Repairer().repair(input)
        XCTAssertEqual(result.output, Array("한글 \u{F900} ㄱㅏ ℓ\n".utf8))
    }

    func testDecomposedLatinWithoutHangulIsLeftAlone() throws {
        let input = Array("cafe\u{301} and re\u{301}sume\u{301}\n".utf8)
        XCTAssertEqual(try Repairer().repair(input).output, input)
    }
}
