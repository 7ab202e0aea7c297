import Foundation
import MojifixTestSupport
import XCTest

/// A seeded fuzz run of `repair --jsonl` (one process, a few thousand lines): well-formed lines
/// whose `text` holds anything (garbled prose, random scalars, security characters, escapes),
/// lines that are not JSON, truncated objects, random bytes, empty lines and CRLF. Every line
/// comes back, in order; bytes outside the `text` literal never change; a line that is not a
/// valid object comes back whole; the output's `text` literals are valid JSON strings.
final class JSONLinesFuzzTests: XCTestCase {
    func testEveryLineSurvivesAndOnlyTheFieldChanges() throws {
        var rng = SeededGenerator(seed: 20261204)
        var generator = LineGenerator(seed: 77)
        var cases: [(prefix: [UInt8], literal: [UInt8], suffix: [UInt8], ending: [UInt8], valid: Bool)] = []
        let odd = ["\u{202E}", "\u{200B}", "\u{FFFD}", "\u{E0001}", "\\ud800", "\\\"", "\\u0000", "\u{7F}", "😀", "\u{F8FF}"]
        for _ in 0..<3000 {
            switch rng.next(6) {
            case 0:   // not an object, truncated, or random bytes (never a newline inside)
                var bytes = Array(rng.pick(["[1, 2]", "{\"text\": \"abc", "\"text\"", "{\"text\": 1}{", "", "null", "{\"text\":\"a\",\"text\":\"b\"}"]).utf8)
                if rng.next(2) == 0 { bytes += (0..<rng.next(40)).map { _ in UInt8([0x20, 0x7B, 0x22, 0x5C, 0xC3, 0xA9, 0xFF, 0x80][rng.next(8)]) } }
                cases.append(([], bytes, [], Array(rng.pick(["\n", "\r\n"]).utf8), false))
            case 1:   // a valid object whose text is odd
                let value = (0..<(1 + rng.next(8))).map { _ in rng.pick(odd + LineGenerator.words) }.joined()
                let literal = Array("\"\(value)\"".utf8)   // the odd pieces hold only valid escapes
                let wellFormed = (try? JSONSerialization.jsonObject(with: Data(Array("{\"text\": ".utf8) + literal + Array("}".utf8)))) != nil
                cases.append((Array("{\"text\": ".utf8), literal, Array("}".utf8), Array("\n".utf8), wellFormed))
            default:
                let c = generator.line()
                cases.append((c.prefix, c.literal, c.suffix, c.ending, true))
            }
        }
        let input = cases.flatMap { $0.prefix + $0.literal + $0.suffix + $0.ending }
        let result = try CLIRunner.run(["repair", "--jsonl"], stdin: input, timeout: 120)
        XCTAssertEqual(result.exitCode, 2, "lines that are not objects are passed through, and said so: \(result.summary)")
        let lines = result.stdout.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        XCTAssertEqual(lines.count, cases.count + 1, "line count")
        for (index, (c, out)) in zip(cases, lines).enumerated() {
            let original = c.prefix + c.literal + c.suffix + c.ending.dropLast()
            guard c.valid else { XCTAssertEqual(out, original, "#\(index): an invalid line changed"); continue }
            let tail = c.suffix + c.ending.dropLast()
            XCTAssertTrue(out.starts(with: c.prefix) && out.reversed().starts(with: tail.reversed()),
                          "#\(index): bytes outside the text literal changed:\n\(shortDiff(actual: out, expected: original))")
            let object = try? JSONSerialization.jsonObject(with: Data(out.count > 1 && out.last == 0x0D ? out.dropLast() : out[...]))
            XCTAssertNotNil(object, "#\(index): the output line is not JSON: \(String(decoding: out, as: UTF8.self).debugDescription)")
        }
    }
}
