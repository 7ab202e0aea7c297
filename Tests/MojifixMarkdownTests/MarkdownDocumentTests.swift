import XCTest
import MojifixMarkdown

/// `MarkdownDocument.lineAndColumn`: 1-based, columns in characters, lines as the structure reads
/// them (a lone CR ends one, as for cmark), the end of the text on the last line.
final class MarkdownDocumentTests: XCTestCase {
    private func position(_ text: String, _ offset: Int) -> [Int] {
        let (line, column) = MarkdownDocument(Array(text.utf8)).lineAndColumn(of: offset)
        return [line, column]
    }

    func testLinesAndCharacterColumns() {
        XCTAssertEqual(position("", 0), [1, 1])
        XCTAssertEqual(position("é한x\n", 5), [1, 3])
        XCTAssertEqual(position("a\nb", 2), [2, 1])
        XCTAssertEqual(position("a\r\nb", 3), [2, 1])
        XCTAssertEqual(position("a\rb", 2), [2, 1])       // old Mac line end
        XCTAssertEqual(position("ab\n", 3), [1, 4])       // past the last line end: still the last line
        XCTAssertEqual(position("ab", 99), [1, 3])
    }
}
