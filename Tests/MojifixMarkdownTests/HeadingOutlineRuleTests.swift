import XCTest
import MojifixMarkdown

final class HeadingOutlineRuleTests: XCTestCase {
    let rule: Set<String> = ["heading-outline"]

    func testReportsJumpsMissingH1AndDuplicates() {
        let messages = findings("## 요약\n\n#### 세부\n\n## 요약\n", rules: rule).map(\.message)
        XCTAssertEqual(messages.count, 3, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("H2 to H4") })
        XCTAssertTrue(messages.contains { $0.contains("no title") })
        XCTAssertTrue(messages.contains { $0.contains("distinct") })
    }

    func testH1RepeatingTheFrontMatterTitle() {
        let text = Array("---\ntitle: \"Daily Papers\"\n---\n\n# Daily Papers\n\n## A\n".utf8)
        for (flavor, count) in [(MarkdownFlavor.kramdown, 1), (.goldmark, 1), (.gfm, 0)] {
            var options = NormalizeOptions(enabledRules: rule)
            options.flavor = flavor
            let messages = Normalizer(options: options).normalize(text).findings.map(\.message)
            XCTAssertEqual(messages.filter { $0.contains("front-matter title") }.count, count, "\(flavor)")
        }
    }

    func testReportsOnlyAndChangesNothing() {
        let text = "## a\n\n#### b\n"
        assertBytes(normalized(text, rules: rule), text)
    }

    func testTitlesFromTOMLAndJSONFrontMatterCount() {
        for text in ["+++\ntitle = \"Rust 2024\"\ndate = 2024-01-01\n+++\n\n## Part\n",
                     "{\n  \"title\": \"Hugo page\",\n  \"draft\": false\n}\n\n## Part\n",
                     "---\ntitle: Plain\n---\n\n## Part\n"] {
            XCTAssertEqual(findings(text, rules: rule).map(\.message).filter { $0.contains("no title") }, [], text)
        }
    }

    func testChangelogSectionsRepeatingHeadingsAreFine() {
        let text = "# Changelog\n\n## 1.1\n\n### Fixed\n\n## 1.0\n\n### Fixed\n\n### Fixed\n"
        XCTAssertEqual(findings(text, rules: rule).map(\.message).filter { $0.contains("distinct") }.count, 1)
        let h1s = findings("# A\n\n# B\n\n# C\n", rules: rule).map(\.message)
        XCTAssertEqual(h1s, ["Use one H1 per document (3 H1s)"])
    }
}
