import MojifixCore
import MojifixMarkdown
import MojifixTestSupport
import XCTest

/// `fix(fix(x)) == fix(x)` through the Markdown path (repair, then normalise; a refused repair
/// leaves the text as it is), over seeded Markdown documents whose paragraphs are garbled by the
/// registered misreadings: one or two layers, and documents garbled two ways (some paragraphs
/// one way, others another).
final class FixIdempotencePropertyTests: XCTestCase {
    static let documents = 240

    private func fix(_ text: [UInt8], _ repairer: Repairer, _ normalizer: Normalizer) -> [UInt8] {
        normalizer.normalize((try? repairer.repair(text).output) ?? text).output
    }

    func testFixOfGarbledMarkdownIsFinal() throws {
        let repairer = try Repairer()
        let normalizer = Normalizer()
        let replayer = PlanReplayer()
        let misreadings = Misreading.registry.filter { $0.content && $0.misreading.actual == .utf8 }.map(\.misreading)
        var rng = SeededGenerator(seed: 20261205)
        var failures: [String] = []
        for i in 0..<Self.documents {
            let ways = [misreadings.randomElement(using: &rng)!, misreadings.randomElement(using: &rng)!]
            let twoWays = i % 3 == 0, twoLayers = i % 4 == 1
            var paragraphs: [String] = []
            for k in 0..<Int.random(in: 1...6, using: &rng) {
                var paragraph = [FuzzText.syntax.randomElement(using: &rng)!]
                for _ in 0..<Int.random(in: 2...12, using: &rng) { paragraph.append(FuzzText.words.randomElement(using: &rng)!) }
                var bytes = Array(paragraph.joined(separator: " ").utf8)
                if Bool.random(using: &rng) || k == 0 {
                    let way = twoWays && k % 2 == 1 ? ways[1] : ways[0]
                    for _ in 0..<(twoLayers ? 2 : 1) {
                        guard let garbled = try? replayer.run([.decode(way.shownAs)], on: bytes) else { break }
                        bytes = garbled
                    }
                }
                paragraphs.append(String(decoding: bytes, as: UTF8.self))
            }
            let input = Array((paragraphs.joined(separator: "\n\n") + "\n").utf8)
            let once = fix(input, repairer, normalizer)
            let twice = fix(once, repairer, normalizer)
            if twice != once {
                failures.append("#\(i) \(ways) two ways \(twoWays) two layers \(twoLayers)\n  input \(String(decoding: input, as: UTF8.self).debugDescription)"
                                + "\n  once  \(String(decoding: once, as: UTF8.self).debugDescription)\n  twice \(String(decoding: twice, as: UTF8.self).debugDescription)")
            }
        }
        for failure in failures.prefix(10) { XCTFail(failure) }
    }
}
