import XCTest
import MojifixMarkdown

final class MarkdownFlavorTests: XCTestCase {
    func testDetected() throws {
        XCTAssertEqual(MarkdownFlavor.detect { $0 == "Gemfile" }.flavor, .kramdown)
        XCTAssertEqual(MarkdownFlavor.detect { $0 == "hugo.toml" }.flavor, .goldmark)
        XCTAssertEqual(MarkdownFlavor.detect { $0 == "config.toml" }.flavor, .gfm, "config.toml alone is not Hugo")
        XCTAssertEqual(MarkdownFlavor.detect { $0 == "config.toml" || $0 == "content" }.flavor, .goldmark)
        XCTAssertEqual(MarkdownFlavor.detect { _ in false }.flavor, .gfm)
    }

    func testEmphasisFlankingOnlyWhereTheFlavourLeavesAsterisks() {
        let text = Array("**모델(LLM)**의 성능\n".utf8)
        func reported(_ flavor: MarkdownFlavor) -> Int {
            var options = NormalizeOptions(enabledRules: ["emphasis-flanking"])
            options.flavor = flavor
            return Normalizer(options: options).normalize(text).findings.count
        }
        XCTAssertEqual(reported(.gfm), 1)
        XCTAssertEqual(reported(.goldmark), 1)
        XCTAssertEqual(reported(.kramdown), 0)
    }

    func testKramdownGetsNoBlankLinesAroundHeadings() {
        let text = Array("1. item\n#### heading\ntext\n".utf8)
        var options = NormalizeOptions(enabledRules: ["heading-spacing"])
        options.flavor = .kramdown
        assertBytes(Normalizer(options: options).normalize(text).output, "1. item\n#### heading\ntext\n")
        let table = Array("### Plugins\nName | Description\n--- | ---\na | b\n".utf8)
        assertBytes(Normalizer(options: options).normalize(table).output, String(decoding: table, as: UTF8.self))
        options.flavor = .gfm
        assertBytes(Normalizer(options: options).normalize(text).output, "1. item\n\n#### heading\n\ntext\n")
    }
}
