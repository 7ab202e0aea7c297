import XCTest
import MojifixMarkdown

final class ProseSpacesRuleTests: XCTestCase {
    func testNBSPAndDoubleSpacesInProseButNotCodeOrIndentation() {
        let text = "본문\u{A0}입니다  그리고   끝\n\n    code  with  spaces\n\n- item  `a  b`\n"
        assertBytes(normalized(text, rules: ["prose-spaces"]), "본문 입니다 그리고 끝\n\n    code  with  spaces\n\n- item `a  b`\n")
    }
}

final class ProseSpacesListMarkerTests: XCTestCase {
    func testSpacesAfterAListMarkerAreStructure() {
        let text = "*   항목  하나\n1.  둘\n"
        assertBytes(normalized(text, rules: ["prose-spaces"]), "*   항목 하나\n1.  둘\n")
    }

    func testInlineHTMLIsLeftAsWritten() {
        assertUnchanged("Use <code>a   b</code> and <span  class=\"x\">x  y</span>.\n", rules: ["prose-spaces"])
    }
}
