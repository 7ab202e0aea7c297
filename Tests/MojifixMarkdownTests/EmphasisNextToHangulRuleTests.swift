import XCTest
@testable import MojifixMarkdown

final class EmphasisNextToHangulRuleTests: XCTestCase {
    func testReportsClosingDelimiterBetweenPunctuationAndHangul() {
        XCTAssertEqual(findings("**모델(LLM)**의 성능\n", rules: ["emphasis-flanking"]).count, 1)
        XCTAssertEqual(findings("**모델**의 성능과 **LLM** 모델\n", rules: ["emphasis-flanking"]).count, 0)
    }

    func testOpenersAfterPunctuationAreNotReported() {
        // Found on package docs: each `**` after `/` or `[` opens a new bold that renders.
        let text = "Update **DOCUMENTATION**/**EXAMPLES** and [**load events**](#load) or **a**와 **모델(LLM)**의\n"
        XCTAssertEqual(findings(text, rules: ["emphasis-flanking"]).count, 1)
    }

    /// The byte-level look, which finds both delimiters in one pass, equals its definition: each
    /// delimiter searched on its own, on seeded lines of delimiters, punctuation, letters, Hangul.
    func testLineLookEqualsOneSearchPerDelimiter() {
        func definition(_ p: [UInt8], _ line: Range<Int>) -> Bool {
            for delimiter in [MDByte.star, MDByte.underscore] {
                var opener: Int? = nil
                var k = line.lowerBound
                while k < line.upperBound - 1 {
                    defer { k += 1 }
                    guard p[k] == delimiter, p[k + 1] == delimiter else { continue }
                    guard let open = opener else { opener = k; continue }
                    guard open + 1 < k, k + 2 < line.upperBound else { continue }
                    let before = p[k - 1], after = p[k + 2]
                    let punctuation = before >= 0x80 || (MDByte.isPunctuation(before) && before != MDByte.star && before != MDByte.underscore)
                    if punctuation && (after >= 0x80 || MDByte.isAlpha(after)) { return true }
                }
            }
            return false
        }
        var g = NormalizerPropertyTests.Generator(seed: 808)
        let pieces = ["*", "**", "_", "__", "(", ")", ".", "a", "의", " ", "x", "LLM", "***", "*_", ")**의", ".__a", "**모델", "__x", ")**", "**"]
        var held = 0
        for n in 0..<5000 {
            let bytes = Array((0..<g.next(14)).map { _ in g.pick(pieces) }.joined().utf8)
            let a = g.next(bytes.count + 1), b = a + g.next(bytes.count - a + 1)
            let want = definition(bytes, a..<b)
            if want { held += 1 }
            XCTAssertEqual(EmphasisNextToHangulRule.mayHold(bytes, a..<b), want, "#\(n) \(String(decoding: bytes[a..<b], as: UTF8.self))")
        }
        XCTAssertGreaterThan(held, 200)
    }
}
