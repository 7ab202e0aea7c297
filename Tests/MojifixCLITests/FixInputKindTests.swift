import Foundation
import XCTest

/// `fix --stdout FILE` and `fix -` print what `fix` would write: by the file's type (`--as` for
/// stdin), and `--no-normalize` repairs without normalising.
final class FixInputKindTests: XCTestCase {
    var directory: URL!
    // Garbled (UTF-8 read as Mac OS Roman) and with trailing spaces and extra blank lines, which
    // only the Markdown rules change.
    let input = "ÏùºÍ∞Ñ Î≥¥Í≥†   \n\n\n\nÏò§ÎäòÏùò ÎÖºÎ¨∏\n"
    let repairedOnly = "일간 보고   \n\n\n\n오늘의 논문\n"
    let normalised = "일간 보고\n\n오늘의 논문\n"

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
        for name in ["post.md", "notes.txt"] { try Data(input.utf8).write(to: directory.appendingPathComponent(name)) }
    }

    func fix(_ arguments: [String], stdin: String? = nil) throws -> [UInt8] {
        let result = try CLIRunner.run(["fix"] + arguments, stdin: stdin.map { Array($0.utf8) }, directory: directory)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        return result.stdout
    }

    func testStdoutFollowsTheFileType() throws {
        assertBytesEqual(try fix(["--stdout", "post.md"]), Array(normalised.utf8))
        assertBytesEqual(try fix(["--stdout", "notes.txt"]), Array(repairedOnly.utf8))
        assertBytesEqual(try fix(["--stdout", "--as", "markdown", "notes.txt"]), Array(normalised.utf8))
    }

    func testStdinIsMarkdownUnlessToldOtherwise() throws {
        assertBytesEqual(try fix(["-"], stdin: input), Array(normalised.utf8))
        assertBytesEqual(try fix(["-", "--as", "text"], stdin: input), Array(repairedOnly.utf8))
    }

    func testNoNormalizeRepairsOnly() throws {
        assertBytesEqual(try fix(["--no-normalize", "--stdout", "post.md"]), Array(repairedOnly.utf8))
        let inPlace = try CLIRunner.run(["fix", "--no-normalize", "post.md"], directory: directory)
        XCTAssertEqual(inPlace.exitCode, 1, inPlace.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("post.md"))), Array(repairedOnly.utf8))
    }
}
