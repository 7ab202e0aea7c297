import Foundation
import MojifixCore
import MojifixMarkdown
import MojifixTestSupport
import XCTest

/// A seeded fuzz run over the library, bounded in time (`MOJIFIX_FUZZ_SECONDS`, default 20; the
/// seed of each input is in its failure message). Inputs mix clean Korean and English prose,
/// Markdown syntax (emphasis, brackets, code, headings with NBSP, lists, quotes, HTML, math,
/// Liquid), invisible and security characters, NFD jamo, U+FFFD, random scalars and random bytes,
/// with pieces or all of it garbled as UTF-8 read as Mac OS Roman or Windows-1252. Properties:
/// no crash; every plan replays on the input to the output and inverts on the output to the input
/// (what `explain --verify` checks); normalising is idempotent; `fix` (repair, then normalise) is
/// idempotent.
final class RepairNormalizeFuzzTests: XCTestCase {
    static let seconds = Double(ProcessInfo.processInfo.environment["MOJIFIX_FUZZ_SECONDS"] ?? "") ?? 20
    static let maxInputs = 20_000

    func testRepairPlansVerifyAndFixIsIdempotent() throws {
        let repairer = try Repairer()
        let replayer = PlanReplayer()
        let normalizer = Normalizer()
        let deadline = Date().addingTimeInterval(Self.seconds)
        var failures: [String] = []
        var count = 0, repaired = 0
        while count < Self.maxInputs && Date() < deadline && failures.count < 10 {
            let seed = UInt64(20261204 + count)
            count += 1
            var generator = FuzzText(seed: seed)
            let input = generator.input()
            func fail(_ what: String) { failures.append("seed \(seed): \(what)\n  input \(String(decoding: input, as: UTF8.self).debugDescription)") }
            guard let result = try? repairer.repair(input) else { continue }   // refusing is allowed
            if result.changed { repaired += 1 }
            if (try? replayer.replay(result.plan, on: input)) != result.output { fail("the plan does not replay to the output") }
            if (try? replayer.invert(result.plan, on: result.output)) != input { fail("the plan does not invert to the input") }
            let once = normalizer.normalize(result.output).output
            let twice = normalizer.normalize(once).output
            if twice != once { fail("normalize is not idempotent:\n  once  \(String(decoding: once, as: UTF8.self).debugDescription)\n  twice \(String(decoding: twice, as: UTF8.self).debugDescription)") }
            guard let again = try? repairer.repair(once) else { fail("repair refuses fix's own output"); continue }
            let fixedTwice = normalizer.normalize(again.output).output
            if fixedTwice != once { fail("fix is not idempotent:\n  once  \(String(decoding: once, as: UTF8.self).debugDescription)\n  twice \(String(decoding: fixedTwice, as: UTF8.self).debugDescription)") }
        }
        print("fuzz: \(count) inputs in \(Self.seconds) s, \(repaired) repaired")
        XCTAssertGreaterThan(count, 50, "too few inputs in \(Self.seconds) s")
        XCTAssertGreaterThan(repaired, count / 10, "the generator must produce mojibake")
        for failure in failures { print(failure); XCTFail(failure) }
    }
}

/// Random documents for the fuzz run (see `RepairNormalizeFuzzTests`).
struct FuzzText {
    private var rng: SeededGenerator
    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    static let words = ["모델", "학습", "데이터", "좋아요", "순위", "한국어", "텍스트", "일간", "회의는", "오후", "LLM", "API",
                        "model", "the", "café", "naïve", "—", "“quoted”", "😀", "🧑‍💻", "⚠️", "1️⃣", "50%", "a_b", "x*y"]
    static let syntax = ["\n", "\n\n", "# ", "## ", "#\u{A0}", "#\u{3000}", "**", "*", "_", "__", "[", "]", "](http://x.y/z)", "`",
                         "```\n", "    ", "> ", "- ", "1. ", "10. ", "   - ", "| a | b |\n|---|---|\n", "$$", "$", "{{ x }}",
                         "{% if %}", "<div>", "</div>", "<!-- c -->", "{: .c}", "---\n", "===\n", "  \n", "\r\n", "\t", "\\",
                         "(", ")", "의", "**모델(LLM)**의", "<https://a.b>", "![i](p.png)", "&amp;", "~~", "<br>"]
    static let odd: [String] = ["\u{A0}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{200F}",
                                "\u{FE0F}", "\u{200D}", "\u{E0001}", "\u{E0041}", "\u{3164}", "\u{1B}", "\u{85}", "\u{FFFD}",
                                "\u{1112}\u{1161}\u{11AB}", "\u{F8FF}", "\u{300}", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"]

    mutating func input() -> [UInt8] {
        // One misreading per document, either of pieces or of the whole (a document garbled two
        // ways, or twice with a piece garbled once, can keep a layer after one repair: the repair
        // engine's choice, outside this property).
        let macRoman = rng.next(2) == 0
        let whole = rng.next(4) == 0
        var text = ""
        for _ in 0..<(1 + rng.next(60)) {
            switch rng.next(10) {
            case 0...3: text += rng.pick(Self.words) + (rng.next(3) == 0 ? "" : " ")
            case 4...6: text += rng.pick(Self.syntax)
            case 7: text += rng.pick(Self.odd)
            case 8 where !whole: text += Garbling.garble((0..<(1 + rng.next(6))).map { _ in rng.pick(Self.words) }.joined(separator: " "), macRoman: macRoman)
            default:
                for _ in 0..<(1 + rng.next(8)) {
                    let v = UInt32(rng.next(3) == 0 ? 0x20 + rng.next(0x2E0) : 0xA0 + rng.next(0x2FF60))
                    if let scalar = Unicode.Scalar(v) { text.unicodeScalars.append(scalar) }
                }
            }
        }
        if whole { text = Garbling.garble(text, macRoman: macRoman) }
        var bytes = Array(text.utf8)
        if rng.next(12) == 0 {   // a few raw bytes: legacy or binary input, refused or transcoded
            for _ in 0..<(1 + rng.next(4)) { bytes.insert(UInt8(0x80 + rng.next(0x80)), at: rng.next(bytes.count + 1)) }
        }
        return bytes
    }
}
