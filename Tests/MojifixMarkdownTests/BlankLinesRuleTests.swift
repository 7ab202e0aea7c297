import XCTest
import MojifixMarkdown

final class BlankLinesRuleTests: XCTestCase {
    func testCollapsesRunsOutsideCode() {
        let text = "a\n\n\n\nb\n\n```\nx\n\n\n\ny\n```\n"
        assertBytes(normalized(text, rules: ["blank-lines"]), "a\n\nb\n\n```\nx\n\n\n\ny\n```\n")
    }

    func testBlankLinesWithSpacesCount() {
        assertBytes(normalized("a\n  \n\t\n\nb\n", rules: ["blank-lines"]), "a\n  \nb\n")
    }

    /// Under kramdown, blank lines between indented lines of a list item are inside an indented
    /// code block (kramdown keeps them in the `<pre>`); outside such a run they still collapse.
    func testKramdownIndentedCodeKeepsItsBlankLines() {
        let text = "* Clone the repo:\n\n        git clone x\n    * Go to the root.\n\n\n            pip install .\n\n\nAfter.\n"
        assertBytes(normalized(text, rules: ["blank-lines"], flavor: .kramdown),
                    "* Clone the repo:\n\n        git clone x\n    * Go to the root.\n\n\n            pip install .\n\nAfter.\n")
    }
}
