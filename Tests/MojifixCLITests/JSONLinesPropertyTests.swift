import Foundation
import MojifixTestSupport
import XCTest

/// Seeded property of `repair --jsonl`: on random lines (random other fields, nested look-alike
/// `text` keys, both escaping styles, CRLF) every `text` decodes to the clean original, and every
/// byte outside the `text` literal is untouched. Garbling goes through Foundation's code pages,
/// independent of the ICU tables inside mojifix.
final class JSONLinesPropertyTests: XCTestCase {
    struct Case {
        var prefix: [UInt8], literal: [UInt8], suffix: [UInt8], ending: [UInt8]
        var clean: [UInt8]
        var garbled: Bool
        var asciiOnly: Bool
    }

    func testRandomLinesDecodeToTheCleanTextWithEverythingElseUntouched() throws {
        XCTAssertEqual(Garbling.macRoman.count, 256)
        XCTAssertEqual([Garbling.macRoman[0x80], Garbling.macRoman[0xF0], Garbling.macRoman[0xFF], Garbling.windows1252[0x80], Garbling.windows1252[0x81]],
                       ["\u{C4}", "\u{F8FF}", "\u{2C7}", "\u{20AC}", "\u{81}"], "code pages")
        var g = LineGenerator(seed: 20261122)
        let cases = (0..<400).map { _ in g.line() }
        XCTAssertGreaterThan(cases.filter(\.garbled).count, 100)
        let input = cases.flatMap { $0.prefix + $0.literal + $0.suffix + $0.ending }
        let result = try CLIRunner.run(["repair", "--jsonl"], stdin: input)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderrBytes, [], result.summary)
        let lines = result.stdout.split(separator: 0x0A, omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, cases.count + 1, "line count")  // + the empty piece after the last \n
        for (index, (c, out)) in zip(cases, lines).enumerated() {
            let out = Array(out), original = c.prefix + c.literal + c.suffix + c.ending.dropLast()
            guard c.garbled else { XCTAssertEqual(out, original, "#\(index): clean line changed"); continue }
            let tail = c.suffix + c.ending.dropLast()
            XCTAssertTrue(out.starts(with: c.prefix) && out.reversed().starts(with: tail.reversed()),
                          "#\(index): bytes outside the text literal changed:\n\(shortDiff(actual: out, expected: original))")
            let object = try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any]
            let text = (object?["text"] as? String).map { Array($0.utf8) }
            XCTAssertEqual(text, c.clean, "#\(index): \(String(decoding: out, as: UTF8.self))")
            if c.asciiOnly { XCTAssertTrue(out.allSatisfy { $0 < 0x80 }, "#\(index): ensure_ascii style lost") }
        }
    }
}

/// Random JSON lines around a `text` field, written without JSONSerialization (which would
/// pick one style); decoding goes through JSONSerialization, so the two sides are independent.
struct LineGenerator {
    private var rng: SeededGenerator
    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    private mutating func next(_ n: Int) -> Int { rng.next(n) }
    private mutating func pick<T>(_ items: [T]) -> T { rng.pick(items) }

    static let words = ["일간", "좋아요", "순위", "오늘", "회의는", "오후", "변경되었습니다", "파일", "이름이", "깨져서", "보입니다",
                        "배포", "완료", "다들", "수고하셨습니다", "서울특별시", "강남구", "테헤란로", "한국어", "텍스트", "모델을", "학습했다"]
    static let extras = ["🚀", "📊", "✅", "LLM", "API", "v2", "café", "naïve", "“quoted”", "—", "\"q\"", "a\\b", "\n", "\t", "50%"]

    /// Korean-led text (mojibake of very short strings is deliberately left alone by mojifix).
    mutating func text() -> String {
        (0..<(3 + next(10))).map { _ in next(4) == 0 ? pick(Self.extras) : pick(Self.words) }.joined(separator: " ")
    }

    mutating func line() -> JSONLinesPropertyTests.Case {
        let clean = text()
        let garbled = next(2) == 0
        let asciiOnly = next(2) == 0
        let value = garbled ? Garbling.garble(clean, macRoman: next(2) == 0) : clean
        var members = (0..<next(5)).map { _ in member(asciiOnly: asciiOnly) }
        let at = next(members.count + 1)
        members.insert("", at: at)  // where the text member goes
        let space = pick(["", " ", "  ", "\t"])
        let before = members[..<at].map { $0 + "," + space }.joined()
        let after = members[(at + 1)...].map { "," + space + $0 }.joined()
        return .init(prefix: Array("{\(space)\(before)\"text\"\(pick([":", ": ", " : "]))".utf8),
                     literal: Self.quote(value, asciiOnly: asciiOnly),
                     suffix: Array("\(after)\(space)}".utf8), ending: Array(pick(["\n", "\r\n"]).utf8),
                     clean: Array(clean.utf8), garbled: garbled, asciiOnly: asciiOnly)
    }

    /// Another member: numbers, literals, strings (some garbled), arrays and objects that may
    /// hold their own `text`.
    private mutating func member(asciiOnly: Bool) -> String {
        let key = String(decoding: Self.quote(pick(["id", "title", "meta", "tags", "Text", "texts", "lang", "본문"]) + String(next(1000)), asciiOnly: asciiOnly), as: UTF8.self)
        let garbledText = String(decoding: Self.quote(Garbling.garble(text(), macRoman: true), asciiOnly: asciiOnly), as: UTF8.self)
        let value = pick(["\(next(100_000))", "-0.5e-3", "true", "null", garbledText, "[1, \(garbledText), {}]",
                          "{\"text\": \(garbledText), \"n\": [[], {\"text\": 1}]}", "\"a\\/b \\u00e9\""])
        return "\(key):\(pick(["", " "]))\(value)"
    }

    /// A JSON string literal: raw UTF-8, or ensure_ascii style with upper-case hex.
    static func quote(_ s: String, asciiOnly: Bool) -> [UInt8] {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E):
                for unit in String(scalar).utf16 { out += "\\u" + String(format: "%04X", unit) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return Array((out + "\"").utf8)
    }
}
