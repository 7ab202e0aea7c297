import XCTest
import MojifixMarkdown

/// The anchor-change report pairs each output heading with the input heading it came from, also
/// when a rule adds headings (a promoted bold line) before the ones whose text changed.
final class AnchorChangesTests: XCTestCase {
    func changes(_ text: String, profile: Profile) throws -> [String] {
        var options = NormalizeOptions(profile: profile)
        options.reportAnchorChanges = true
        return Normalizer(options: options).normalize(Array(text.utf8)).anchorChanges
            .map { "\($0.style.rawValue) \($0.offset): \($0.old) -> \($0.new)" }
    }

    func testPairsSurviveAHeadingAddedBeforeThem() throws {
        let text = "**1. 소개**\n\n본문.\n\n# 🥇 **제목**\n\n## 😀 끝\n"
        XCTAssertEqual(try changes(text, profile: .export), [
            "kramdown-gfm 24: -제목 -> 제목", "kramdown-gfm 43: -끝 -> 끝",
            "github 24: -제목 -> 제목", "github 43: -끝 -> 끝",
        ])
    }

    func testUnchangedIdsAndNewHeadingsAreNotReported() throws {
        XCTAssertEqual(try changes("**1. 소개**\n\n# 제목\n", profile: .export), [])
        XCTAssertEqual(try changes("#제목\n", profile: .safe), [])   // not a heading before: nothing to pair
        XCTAssertEqual(try changes("#  제목  #\n", profile: .safe), [])   // same text, same id
    }
}
