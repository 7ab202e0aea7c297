import MojifixTestSupport
import XCTest
import MojifixCore

/// `repair(repair(x)) == repair(x)`: a repaired text has nothing left to repair, over generated
/// garbled text (every misreading, one and two layers, lossy guesses on) and fuzzed soups of the
/// characters mojibake is made of.
final class IdempotenceTests: XCTestCase {
    static let iterations = 120

    /// A refused input is left as it is (what `fix` does), which is trivially final.
    private func assertIdempotent(_ repairer: Repairer, _ input: [UInt8], _ label: String) throws {
        let once = (try? repairer.repair(input).output) ?? input
        let twice = (try? repairer.repair(once).output) ?? once
        XCTAssertTrue(twice == once, "\(label): \(firstDifference(twice, once))")
    }

    func testRepairOfGarbledTextIsFinal() throws {
        for lossy in [false, true] {
            let repairer = try Repairer(options: RepairOptions(lossy: lossy))
            var garbler = Garbler()
            var generator = TextGenerator(rng: SeededGenerator(seed: 1010))
            let shownAs = Misreading.registry.filter { $0.content && $0.misreading.actual == .utf8 }.map(\.misreading.shownAs)
            for i in 0..<Self.iterations {
                let text = Array(generator.text(words: 2 + i % 30).utf8)
                let first = shownAs[i % shownAs.count]
                guard let once = garbler.garble(text, Misreading(actual: .utf8, shownAs: first)) else { continue }
                try assertIdempotent(repairer, once, "\(first) #\(i) lossy \(lossy)")
                if let twice = garbler.garble(once, Misreading(actual: .utf8, shownAs: shownAs[(i / 6) % 3])) {
                    try assertIdempotent(repairer, twice, "\(first) twice #\(i) lossy \(lossy)")
                }
            }
        }
    }

    func testRepairOfFuzzedSoupIsFinal() throws {
        let repairer = try Repairer(options: RepairOptions(lossy: true))
        var rng = SeededGenerator(seed: 31337)
        let pieces = ["Ã©", "Ã", "Â", "\u{A0}", " ", "â€œ", "â€", "™", "ì•ˆ", "ë…•", "Ã¼", "Ð¿", "Ñ€", "\u{92}", "\u{85}",
                      "\u{FFFD}", "ï¿½", "é", "한국", "😀", "ðŸ", "˜€", "a", "b", "\n", "`", "> ", "“", "”", "«", "»", "ÇÑ±¹",
                      "¾î", "√", "∂", "Ω", "╨", "┐", "µ", "è", "₧", "Œ", "ž", "ÿ", "\u{81}", "\u{8D}"]
        for i in 0..<Self.iterations * 4 {
            var text = ""
            for _ in 0..<(1 + i % 50) { text += pieces.randomElement(using: &rng)! }
            try assertIdempotent(repairer, Array(text.utf8), "#\(i) \(text.debugDescription)")
        }
    }
}
