import MojifixWorkspace
import XCTest

/// gitignore semantics, as git documents them (gitignore(5)), for --include/--exclude and .gitignore.
final class PathPatternTests: XCTestCase {
    func matches(_ pattern: String, _ path: String, directory: Bool = false) -> Bool {
        PathPattern(pattern, allowNegation: true)!.matches(Array(path.utf8), isDirectory: directory)
    }

    func testPatternWithoutSlashMatchesANameAtAnyDepth() {
        XCTAssertTrue(matches("*.md", "a.md"))
        XCTAssertTrue(matches("*.md", "posts/2020/a.md"))
        XCTAssertFalse(matches("*.md", "a.md.bak"))
        XCTAssertTrue(matches("drafts", "x/drafts", directory: true))
    }

    func testStarAndQuestionMarkStopAtSlash() {
        XCTAssertFalse(matches("posts/*.md", "posts/2020/a.md"))
        XCTAssertTrue(matches("posts/*.md", "posts/a.md"))
        XCTAssertTrue(matches("a?.md", "ab.md"))
        XCTAssertFalse(matches("a?c", "a/c"))
    }

    func testPatternWithSlashIsAnchored() {
        XCTAssertTrue(matches("/build", "build", directory: true))
        XCTAssertFalse(matches("/build", "src/build", directory: true))
        XCTAssertTrue(matches("doc/frotz", "doc/frotz"))
        XCTAssertFalse(matches("doc/frotz", "a/doc/frotz"))
    }

    func testGlobstar() {
        XCTAssertTrue(matches("**/foo", "foo"))
        XCTAssertTrue(matches("**/foo", "a/b/foo"))
        XCTAssertTrue(matches("abc/**", "abc/x/y"))
        XCTAssertFalse(matches("abc/**", "abc"))
        XCTAssertTrue(matches("a/**/b", "a/b"))
        XCTAssertTrue(matches("a/**/b", "a/x/y/b"))
        XCTAssertFalse(matches("a/**/b", "a/x/c"))
        XCTAssertTrue(matches("posts/**/*.md", "posts/2020/01/a.md"))
    }

    func testTrailingSlashMatchesFoldersOnly() {
        XCTAssertTrue(matches("tmp/", "tmp", directory: true))
        XCTAssertFalse(matches("tmp/", "tmp", directory: false))
    }

    func testBracketsEscapesAndNegation() {
        XCTAssertTrue(matches("[a-c]x", "bx"))
        XCTAssertFalse(matches("[!a-c]x", "bx"))
        XCTAssertTrue(matches("[!a-c]x", "dx"))
        XCTAssertTrue(matches("\\#notes", "#notes"))
        XCTAssertTrue(PathPattern("!keep.md", allowNegation: true)!.negated)
        XCTAssertFalse(PathPattern("!keep.md")!.negated)   // a literal `!` outside .gitignore
        XCTAssertNil(PathPattern("# comment"))
        XCTAssertNil(PathPattern("   "))
    }

    func testNonUTF8NamesMatchByBytes() {
        let name: [UInt8] = [0xC7, 0xD1, 0x2E, 0x74, 0x78, 0x74]   // CP949 `한` + ".txt"
        XCTAssertTrue(PathPattern("*.txt")!.matches(name, isDirectory: false))
        XCTAssertTrue(PathPattern("?.txt")!.matches([0xC7, 0x2E, 0x74, 0x78, 0x74], isDirectory: false))
    }
}
