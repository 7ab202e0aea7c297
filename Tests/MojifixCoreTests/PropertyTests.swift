import MojifixTestSupport
import XCTest
import MojifixCore

/// Seeded properties on generated Korean and mixed text:
/// `repair(garble(x)) == x` for every supported misreading, `repair(clean) == clean`, and
/// `inverse(plan)(repair(x)) == x`.
final class PropertyTests: XCTestCase {
    static let iterations = 150

    func testRepairUndoesEveryMisreading() throws {
        let repairer = try Repairer()
        let replayer = PlanReplayer()
        var garbler = Garbler()
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261122))
        let misreadings = [Charset.macintosh, .windows1252, .latin1].map { Misreading(actual: .utf8, shownAs: $0) }
            + [Charset.latin1, .windows1252, .macintosh].map { Misreading(actual: .windows949, shownAs: $0) }
        for misreading in misreadings {
            var repaired = 0
            for i in 0..<Self.iterations {
                let cp949 = misreading.actual == .windows949
                let text = Array(generator.text(words: 4 + i % 40, latin: true, emoji: !cp949).utf8)
                guard let garbled = garbler.garble(text, misreading) else { continue }
                let result = try repairer.repair(garbled)
                XCTAssertTrue(result.output == text, "\(misreading) #\(i): \(firstDifference(result.output, text))")
                XCTAssertEqual(try replayer.invert(result.plan, on: result.output), garbled, "\(misreading) #\(i): inverse")
                if result.output == text { repaired += 1 }
            }
            XCTAssertGreaterThan(repaired, Self.iterations * 9 / 10, "\(misreading)")
        }
    }

    func testRepairUndoesTwoLayers() throws {
        let repairer = try Repairer()
        var garbler = Garbler()
        var generator = TextGenerator(rng: SeededGenerator(seed: 7))
        let layers: [(Charset, Charset)] = [(.windows1252, .windows1252), (.macintosh, .windows1252), (.latin1, .latin1)]
        for (first, second) in layers {
            for i in 0..<Self.iterations / 3 {
                let text = Array(generator.text(words: 5 + i % 30).utf8)
                guard let once = garbler.garble(text, Misreading(actual: .utf8, shownAs: first)),
                      let twice = garbler.garble(once, Misreading(actual: .utf8, shownAs: second)) else { continue }
                let result = try repairer.repair(twice)
                XCTAssertTrue(result.output == text, "\(first) then \(second) #\(i): \(firstDifference(result.output, text))")
            }
        }
    }

    func testGeneratedCleanTextIsUntouched() throws {
        let repairer = try Repairer()
        var generator = TextGenerator(rng: SeededGenerator(seed: 99))
        for i in 0..<Self.iterations * 2 {
            let text = Array(generator.text(words: 1 + i % 60).utf8)
            let result = try repairer.repair(text)
            XCTAssertTrue(result.output == text, "#\(i)")
            XCTAssertTrue(result.plan.isEmpty)
        }
    }

    func testRandomLatin1AndSymbolSoupIsNeverMadeWorse() throws {
        // Clean text built from the very characters mojibake is made of: any change made must
        // still be exactly invertible.
        let repairer = try Repairer()
        let replayer = PlanReplayer()
        var rng = SeededGenerator(seed: 4242)
        let alphabet = Array("abcdeéèêàçñöüßÀÉÎÕÜ«»“”‘’–—…€£©®™°±µ¶·¿¡ ,.;:!?\n".unicodeScalars)
        for i in 0..<Self.iterations * 2 {
            var text = ""
            for _ in 0..<(5 + i % 80) { text.unicodeScalars.append(alphabet.randomElement(using: &rng)!) }
            let input = Array(text.utf8)
            let result = try repairer.repair(input)
            XCTAssertEqual(try replayer.invert(result.plan, on: result.output), input, "#\(i)")
            XCTAssertEqual(try replayer.replay(result.plan, on: input), result.output, "#\(i)")
        }
    }
}
