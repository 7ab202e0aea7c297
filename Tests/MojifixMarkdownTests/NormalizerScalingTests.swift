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

    /// One long line with many edits in it (invisible characters removed): after a round,
    /// `unicode-nfc` looks at the line once, not once per edit on it.
    func testManyEditsOnOneLongLineGrowLinearly() {
        let normalizer = Normalizer()
        let ratio = growth(size: 300) { n in
            let text = "e\u{301}\n" + String(repeating: "본문\u{200B} ", count: n) + "\n"
            XCTAssertTrue(normalizer.normalize(Array(text.utf8)).changed)
        }
        XCTAssertLessThan(ratio, 24, "8x the edits took \(ratio)x the time")
    }

    /// The structure scan: one line of inline math or of unclosed `{:` (a search to the line's end
    /// per delimiter), and thousands of `>` lines outside every block (each line used to re-read the
    /// rest of the run for reference definitions).
    func testStructureOfRepeatedConstructsGrowsLinearly() {
        for (name, unit, lines) in [("inline math", "$a$ ", false), ("unclosed IAL", "{: a ", false), ("empty quotes", ">\n", true)] {
            let ratio = growth(size: 2_000) { n in
                let text = String(repeating: unit, count: n) + (lines ? "" : "\n")
                XCTAssertFalse(MarkdownStructure(parsing: Array(text.utf8)).lines.isEmpty)
            }
            XCTAssertLessThan(ratio, 24, "\(name): 8x the input took \(ratio)x the time")
        }
    }
}
