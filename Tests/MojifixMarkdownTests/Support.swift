import XCTest
@testable import MojifixMarkdown

/// Normalises `text` with only `rules` enabled (all rules when nil) and returns the bytes.
func normalized(_ text: String, rules: Set<String>? = nil, keepCRLF: Bool = false, stripSecurity: Bool = false,
                flavor: MarkdownFlavor = .gfm) -> [UInt8] {
    var options = NormalizeOptions(enabledRules: rules ?? RuleRegistry.defaultEnabled, keepCRLF: keepCRLF,
                                   stripSecurityCharacters: stripSecurity)
    options.flavor = flavor
    return Normalizer(options: options).normalize(Array(text.utf8)).output
}

func findings(_ text: String, rules: Set<String>? = nil) -> [Finding] {
    Normalizer(options: NormalizeOptions(enabledRules: rules ?? RuleRegistry.defaultEnabled)).normalize(Array(text.utf8)).findings
}

/// Byte comparison with a readable failure message (never String ==, which hides NFC/NFD).
func assertBytes(_ got: [UInt8], _ want: String, file: StaticString = #filePath, line: UInt = #line) {
    if got != Array(want.utf8) {
        XCTFail("got \(String(decoding: got, as: UTF8.self).debugDescription)\nwant \(want.debugDescription)", file: file, line: line)
    }
}

/// Normalising `text` with `rules` gives it back byte for byte.
func assertUnchanged(_ text: String, rules: Set<String>? = nil, file: StaticString = #filePath, line: UInt = #line) {
    assertBytes(normalized(text, rules: rules), text, file: file, line: line)
}

/// Two structures of one document are equal in everything rules read.
func assertSameStructure(_ a: MarkdownStructure, _ b: MarkdownStructure, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.lines, b.lines, what, file: file, line: line)
    XCTAssertEqual(a.lineKinds, b.lineKinds, what, file: file, line: line)
    XCTAssertEqual(a.zones, b.zones, what, file: file, line: line)
    XCTAssertEqual(a.headings, b.headings, what, file: file, line: line)
    XCTAssertEqual(a.listItems, b.listItems, what, file: file, line: line)
    XCTAssertEqual(a.frontMatter, b.frontMatter, what, file: file, line: line)
    XCTAssertEqual(a.looksLikeHeadingLines, b.looksLikeHeadingLines, what, file: file, line: line)
    XCTAssertEqual(a.definedLabels, b.definedLabels, what, file: file, line: line)
}
