import MojifixWorkspace
import XCTest

final class BraceExpansionTests: XCTestCase {
    func testAlternativesExpandInOrder() {
        XCTAssertEqual(BraceExpansion.expand("*.{md,txt}"), ["*.md", "*.txt"])
        XCTAssertEqual(BraceExpansion.expand("{_site,vendor}/"), ["_site/", "vendor/"])
        XCTAssertEqual(BraceExpansion.expand("a{b,c}d{e,f}"), ["abde", "abdf", "acde", "acdf"])
    }

    func testNestedGroupsAndEmptyAlternatives() {
        XCTAssertEqual(BraceExpansion.expand("*.{md,mark{down,dn}}"), ["*.md", "*.markdown", "*.markdn"])
        XCTAssertEqual(BraceExpansion.expand("notes{,.bak}"), ["notes", "notes.bak"])
    }

    func testLiteralBracesStay() {
        XCTAssertEqual(BraceExpansion.expand("*.md"), ["*.md"])
        XCTAssertEqual(BraceExpansion.expand("{single}.md"), ["{single}.md"])
        XCTAssertEqual(BraceExpansion.expand("open{a,b"), ["open{a,b"])
        XCTAssertEqual(BraceExpansion.expand("\\{a,b}"), ["\\{a,b}"])
    }

    func testExpandedGlobsMatchWhatTheyName() throws {
        let patterns = BraceExpansion.expand("*.{md,txt}").compactMap { PathPattern($0) }
        XCTAssertEqual(patterns.count, 2)
        for name in ["a.md", "dir/b.txt"] {
            XCTAssertTrue(patterns.contains { $0.matches(Array(name.utf8), isDirectory: false) }, name)
        }
        XCTAssertFalse(patterns.contains { $0.matches(Array("c.rst".utf8), isDirectory: false) })
    }
}
