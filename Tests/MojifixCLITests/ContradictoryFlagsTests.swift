import Foundation
import XCTest

/// Flags that contradict each other are usage errors (exit 64, one `mojifix: error:` line, nothing
/// written), never silently ignored; `check`'s hint names a flag `check` accepts.
final class ContradictoryFlagsTests: XCTestCase {
    func testContradictionsAreUsageErrors() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let post = directory.appendingPathComponent("a.md")
        try Data("# T\n\ntext   \n".utf8).write(to: post)
        for arguments in [["fix", "--stdout", "--dry-run", "a.md"], ["fix", "--stdout", "--diff", "a.md"],
                          ["fix", "--stdout", "--journal", "j", "a.md"], ["fix", "--as", "text", "a.md"],
                          ["fix", "--no-normalize", "--enable", "prose-spaces", "a.md"], ["fix", "--no-normalize", "--profile", "export", "a.md"],
                          ["fix", "--enable", "prose-spaces", "--disable", "prose-spaces", "a.md"],
                          ["check", "--enable", "prose-spaces", "--disable", "prose-spaces", "a.md"],
                          ["fix", "--diff", "--apply", "--names", "a.md"], ["fix", "--names", "--no-normalize", "a.md"]] {
            let result = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(result.exitCode, 64, result.summary)
            XCTAssertTrue(result.stderr.hasPrefix("mojifix: error: ") && result.stderrLines.count == 1, result.summary)
            assertBytesEqual([UInt8](try Data(contentsOf: post)), Array("# T\n\ntext   \n".utf8), result.summary)
        }
    }

    /// An ambiguous legacy file: the hint says `--from`, and `check` takes `--from`.
    func testChecksHintNamesAFlagCheckAccepts() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data([0xC7, 0xD1, 0x0A]).write(to: directory.appendingPathComponent("one.txt"))   // `한` in CP949, alone
        let check = try CLIRunner.run(["check", "one.txt"], directory: directory)
        XCTAssertEqual(check.exitCode, 3, check.summary)
        XCTAssertTrue(check.stderr.contains("--from"), check.summary)
        let chosen = try CLIRunner.run(["check", "--from", "cp949", "one.txt"], directory: directory)
        XCTAssertEqual(chosen.exitCode, 1, chosen.summary)   // would be transcoded
    }
}
