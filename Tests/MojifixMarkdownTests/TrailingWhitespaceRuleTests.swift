import XCTest
import MojifixMarkdown

final class TrailingWhitespaceRuleTests: XCTestCase {
    let rule: Set<String> = ["trailing-whitespace"]

    func testStripsSpacesTabsNBSPIdeographicSpaceAndZWSP() {
        assertBytes(normalized("a \t\nb\t\nc\u{A0}\nd\u{3000}\ne\u{200B}\n", rules: rule), "a\nb\nc\nd\ne\n")
    }

    func testKeepsExactlyTwoSpaceHardBreaksBeforeProse() {
        assertBytes(normalized("line one  \nline two  \n\nend   \n", rules: rule), "line one  \nline two\n\nend\n")
    }

    func testNeverTouchesCodeBlocks() {
        let text = "para  \n\n```\ncode   \n  \t\n```\n\n    indented   \n"
        assertBytes(normalized(text, rules: rule), "para\n\n```\ncode   \n  \t\n```\n\n    indented   \n")
    }

    func testLeavesFrontMatterAlone() {
        assertBytes(normalized("---\ntitle: x   \n---\n\ntext  \n", rules: rule), "---\ntitle: x   \n---\n\ntext\n")
    }

    func testHardBreaksOfThreeOrMoreSpacesStayOneHardBreak() {
        assertBytes(normalized("gcloud!   \nnext    \nlast\u{A0}  \nend   \n", rules: rule), "gcloud!  \nnext  \nlast  \nend\n")
    }

    func testBackslashBeforeTrailingSpacesIsLeftAlone() {
        // `a\ ` is a literal backslash; without the space it would be a hard break.
        assertUnchanged("path C:\\dir\\ \nnext\n", rules: rule)
    }

    func testEmptyListItemsKeepTheirWhitespace() {
        // `-` alone under a text line is a setext underline for kramdown.
        assertUnchanged("- item\n  text\n- \t\n1. \n", rules: rule)
    }

    func testNBSPOnlyLinesStayText() {
        // The NBSP holds the paragraph together; removing it would split it.
        assertUnchanged("one\n\u{A0}\ntwo\n> a\n> \u{A0}\n> b\n", rules: rule)
    }

    func testMathAfterAMathBlockEndingMidLineIsKept() {
        // `$$..$$, $$\theta = …` : the second formula spans lines; its spaces are math.
        assertUnchanged("text\n\n$$X = a \\\\\nb$$, $$\\theta = \\begin{bmatrix}\n\\theta_n \n\\end{bmatrix}\n$$\n", rules: rule)
    }

    /// kramdown's indented code goes on over lazy lines and blank lines before indented ones
    /// (found in CTAN READMEs): under kramdown their spaces are code and stay; under GFM,
    /// where the lines are a list item's text, they go.
    func testKramdownIndentedCodeKeepsItsSpaces() {
        let text = "Intro.\n\n    To install the package:\n- run: latex x.ins \n  and refresh the \n      \n      more\n\nAfter.  \n"
        assertBytes(normalized(text, rules: ["trailing-whitespace"], flavor: .kramdown),
                    "Intro.\n\n    To install the package:\n- run: latex x.ins \n  and refresh the \n      \n      more\n\nAfter.\n")
        assertBytes(normalized(text, rules: ["trailing-whitespace"]),
                    "Intro.\n\n    To install the package:\n- run: latex x.ins\n  and refresh the\n\n      more\n\nAfter.\n")
    }
}
