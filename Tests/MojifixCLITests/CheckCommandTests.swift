import Foundation
import XCTest

/// `mojifix check`: writes nothing; exit 1 when a file would change or has a security finding,
/// 0 when clean (warnings alone do not fail), 2 when a file cannot be checked.
final class CheckCommandTests: XCTestCase {
    func testGarbledAndUnnormalisedFilesFailAndNothingIsWritten() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let garbled = try Fixtures.bytes("Corpus/seeds/002.garbled.md")
        try Data(garbled).write(to: directory.appendingPathComponent("post.md"))
        try Data("# 제목\n\n본문   \n".utf8).write(to: directory.appendingPathComponent("spaces.md"))
        let result = try CLIRunner.run(["check", "."], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let out = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertTrue(out.contains("./post.md:4:28: error: mojibake: Repair \"ÏùºÍ∞Ñ\" -> \"일간\""), out)
        XCTAssertTrue(out.contains("./spaces.md:3:3: error: trailing-whitespace: Remove trailing whitespace"), out)
        assertBytesEqual(try Data(contentsOf: directory.appendingPathComponent("post.md")).map { $0 }, garbled, "check wrote the file")
    }

    func testCleanFilesPassEvenWithWarnings() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("## 섹션만 있는 글\n\n본문입니다.\n".utf8).write(to: directory.appendingPathComponent("clean.md"))
        let result = try CLIRunner.run(["check", "clean.md"], directory: directory)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertTrue(String(decoding: result.stdout, as: UTF8.self).contains("info: heading-outline"))
        // The flavour and a per-rule summary on stderr; --quiet keeps only what fails.
        XCTAssertTrue(result.stderr.contains("flavor: gfm (default)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("heading-outline  info"), result.stderr)
        let quiet = try CLIRunner.run(["check", "--quiet", "clean.md"], directory: directory)
        XCTAssertEqual(quiet.exitCode, 0, quiet.summary)
        XCTAssertEqual(quiet.stdout, [], quiet.summary)
        XCTAssertEqual(quiet.stderr, "", quiet.summary)
    }

    func testFormatsAndFlavour() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("title: blog\n".utf8).write(to: directory.appendingPathComponent("_config.yml"))
        try Data("# 제목\n\n**모델(LLM)**의 본문   \n".utf8).write(to: directory.appendingPathComponent("post.md"))
        let github = try CLIRunner.run(["check", "--format", "github", "post.md"], directory: directory)
        XCTAssertEqual(github.exitCode, 1, github.summary)
        XCTAssertEqual(String(decoding: github.stdout, as: UTF8.self),
                       "::error file=post.md,line=3,col=16,title=trailing-whitespace::Remove trailing whitespace\n")
        // Jekyll site: kramdown renders that bold, so emphasis-flanking says nothing; GFM reports it.
        let json = try CLIRunner.run(["check", "--format", "json", "post.md"], directory: directory)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout)) as? [String: Any]
        XCTAssertEqual(object?["flavor"] as? String, "kramdown")
        XCTAssertEqual((object?["summary"] as? [[String: Any]])?.map { $0["rule"] as? String }, ["trailing-whitespace"])
        let gfm = try CLIRunner.run(["check", "--flavor", "gfm", "post.md"], directory: directory)
        XCTAssertTrue(String(decoding: gfm.stdout, as: UTF8.self).contains("warning: emphasis-flanking"), gfm.summary)
    }

    func testSecurityFindingsFail() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("# 제목\n\naccess \u{202E}level\n".utf8).write(to: directory.appendingPathComponent("bidi.md"))
        let result = try CLIRunner.run(["check", "bidi.md"], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertTrue(String(decoding: result.stdout, as: UTF8.self).contains("security-characters"))
    }

    func testUnreadablePathsAreErrors() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let result = try CLIRunner.run(["check", "missing.md"], directory: directory)
        XCTAssertEqual(result.exitCode, 2, result.summary)
        XCTAssertTrue(result.stderr.hasPrefix("mojifix: error: "), result.stderr)
    }

    func testFixFailsWhileASecurityFindingRemains() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let text = Array("# 제목\n\naccess \u{202E}level\n".utf8)
        try Data(text).write(to: directory.appendingPathComponent("bidi.md"))
        let result = try CLIRunner.run(["fix", "--no-progress", "--journal", "j", "bidi.md"], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        XCTAssertTrue(String(decoding: result.stdout, as: UTF8.self).contains("bidi.md:3:8: error: security-characters"), result.summary)
        assertBytesEqual(try Data(contentsOf: directory.appendingPathComponent("bidi.md")).map { $0 }, text, "fix edited a security finding")
        let stripped = try CLIRunner.run(["fix", "--no-progress", "--journal", "j", "--strip-security", "bidi.md"], directory: directory)
        XCTAssertEqual(stripped.exitCode, 1, stripped.summary)   // modified
        let again = try CLIRunner.run(["fix", "--no-progress", "--journal", "j", "bidi.md"], directory: directory)
        XCTAssertEqual(again.exitCode, 0, again.summary)
    }

    func testNamesWithBidiControlsArePrintedEscaped() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("a \u{202E}b\n".utf8).write(to: directory.appendingPathComponent("invoice\u{202E}dm.txt.md"))
        let result = try CLIRunner.run(["check", "--no-progress", "."], directory: directory)
        let out = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertFalse(out.unicodeScalars.contains("\u{202E}"), out)
        XCTAssertTrue(out.contains("invoice\\xE2\\x80\\xAEdm.txt.md:1:3: error: security-characters"), out)
        // Single-file commands name their input the same way in messages.
        let missing = try CLIRunner.run(["repair", "gone\u{202E}dm.md"], directory: directory)
        XCTAssertEqual(missing.exitCode, 2, missing.summary)
        XCTAssertTrue(missing.stderr.contains("gone\\xE2\\x80\\xAEdm.md: "), missing.stderr)
    }

    /// Every character that hides or reorders what a name shows is escaped, not only the bidi
    /// override: a mark (U+200F), a zero-width space, a tag character and a Hangul filler.
    func testNamesWithInvisibleCharactersArePrintedEscaped() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let hidden: [(String, String)] = [("\u{200F}", "\\xE2\\x80\\x8F"), ("\u{200B}", "\\xE2\\x80\\x8B"),
                                          ("\u{E0041}", "\\xF3\\xA0\\x81\\x81"), ("\u{3164}", "\\xE3\\x85\\xA4")]
        for (character, escaped) in hidden {
            let missing = try CLIRunner.run(["repair", "a\(character)b.md"], directory: directory)
            XCTAssertEqual(missing.exitCode, 2, missing.summary)
            XCTAssertTrue(missing.stderr.contains("a\(escaped)b.md: "), missing.stderr)
            XCTAssertFalse(missing.stderr.unicodeScalars.contains(character.unicodeScalars.first!), missing.stderr)
        }
    }
}
