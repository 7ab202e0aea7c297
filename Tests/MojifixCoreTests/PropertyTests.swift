import MojifixTestSupport
import XCTest
import MojifixCore

/// Seeded properties on generated Korean and mixed text:
/// `repair(garble(x)) == x` for every supported misreading, `repair(clean) == clean`, and
/// `inverse(plan)(repair(x)) == x`.
final class PropertyTests: XCTestCase {
    static let iterations = 150

    /// Every misreading of the registry that detection tries, on text of the languages it meets
    /// (Korean for CP949; for UTF-8, Korean and eleven other languages in turn).
    func testRepairUndoesEveryMisreading() throws {
        let repairer = try Repairer()
        let replayer = PlanReplayer()
        var garbler = Garbler()
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261122))
        for entry in Misreading.registry where entry.content {
            let misreading = entry.misreading
            var repaired = 0, tried = 0
            var missed: [String] = []
            for i in 0..<Self.iterations {
                let cp949 = misreading.actual == .windows949
                let language = entry.texts == .korean ? "ko" : TextGenerator.languages[i % TextGenerator.languages.count]
                let text = Array(generator.text(words: 4 + i % 40, language: language, emoji: !cp949).utf8)
                guard let garbled = garbler.garble(text, misreading) else { continue }
                tried += 1
                let result = try repairer.repair(garbled)
                XCTAssertEqual(try replayer.invert(result.plan, on: result.output), garbled, "\(misreading) #\(i): inverse")
                if result.output == text { repaired += 1 } else { missed.append("#\(i) \(language): \(firstDifference(result.output, text))") }
            }
            // German through the box-drawing charsets and, where the language model alone decides,
            // emoji in Cyrillic text (see GoldenCorpusTests.knownLimits) are most of the rest.
            let share = entry.languageModelOnly ? 8 : 9
            // (Texts the shown charset cannot show, such as most Hangul in Windows-1257, are no case.)
            XCTAssertGreaterThan(tried, Self.iterations / 4, "\(misreading): too few texts it can show")
            XCTAssertGreaterThan(repaired, tried * share / 10, "\(misreading): \(missed.joined(separator: "\n"))")
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
