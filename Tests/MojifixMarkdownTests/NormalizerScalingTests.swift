import MojifixMarkdown
import MojifixTestSupport
import XCTest

/// The normaliser stays linear where one edit or finding per line used to cost the whole
/// document: findings mapped back through the rounds' edits, heading pairs for the anchor report,
/// and the overlap test of a round's edits (`TakenRanges`).
final class NormalizerScalingTests: XCTestCase {
    func testManyEditedHeadingsGrowLinearly() {
        let normalizer = Normalizer()
        let ratio = growth(size: 300) { n in
            // NBSP after `#` and a trailing space: two rules edit every heading, over two rounds.
            let text = String(repeating: "#\u{A0}제목 \n본문의 한 줄\u{200B}\n", count: n)
            XCTAssertTrue(normalizer.normalize(Array(text.utf8)).changed)
        }
        XCTAssertLessThan(ratio, 24, "8x the headings took \(ratio)x the time")
    }

    func testManyFindingsOnOneLineGrowLinearly() {
        let normalizer = Normalizer()
        let ratio = growth(size: 300) { n in
            let text = String(repeating: "**모델(LLM)**의 ", count: n) + "\n끝\u{200B} \n"
            XCTAssertGreaterThan(normalizer.normalize(Array(text.utf8)).findings.count, n)
        }
        XCTAssertLessThan(ratio, 24, "8x the findings took \(ratio)x the time")
    }
}
