import Foundation
import XCTest

/// The folder options of `fix` and `check`: brace globs, --include adding to the defaults,
/// --include-only replacing them, the count of what the filters left out, and .gitignore honoured
/// by default inside a git repository.
final class FolderOptionsTests: XCTestCase {
    var directory: URL!
    let garbled = "ÏùºÍ∞Ñ Î≥¥Í≥†: Ïò§ÎäòÏùò ÎÖºÎ¨∏ÏùÄ Î™®Îëê ÏàòÏßëÎêòÏóàÏäµÎãàÎã§.\n"

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
        for file in ["a.md", "b.txt", "c.rst", "d.adoc", "_site/e.md"] {
            let url = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(garbled.utf8).write(to: url)
        }
    }

    /// The files `fix --dry-run ARGS .` would change, by name, and its stderr.
    func wouldFix(_ arguments: [String]) throws -> (files: Set<String>, stderr: String) {
        let result = try CLIRunner.run(["fix", "--dry-run"] + arguments + ["."], directory: directory)
        XCTAssertTrue(result.exitCode == 1 || result.exitCode == 0, result.summary)
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        return (Set(lines.map { String($0.split(separator: " ")[2].dropFirst(2)) }), result.stderr)
    }

    func leftOut(_ stderr: String) -> Int? {
        stderr.split(separator: "\n").first { $0.hasPrefix("left out") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    func testBraceGlobsAddToTheDefaults() throws {
        let run = try wouldFix(["--include", "*.{rst,adoc}"])
        XCTAssertEqual(run.files, ["a.md", "b.txt", "c.rst", "d.adoc", "_site/e.md"])
        XCTAssertEqual(leftOut(run.stderr), 0)
    }

    func testIncludeOnlyReplacesTheDefaultsAndTheSummaryCountsTheRest() throws {
        let run = try wouldFix(["--include-only", "*.rst"])
        XCTAssertEqual(run.files, ["c.rst"])
        XCTAssertEqual(leftOut(run.stderr), 4, run.stderr)   // a.md, b.txt, d.adoc, and _site/e.md (the folder is entered)
        let defaults = try wouldFix([])
        XCTAssertEqual(defaults.files, ["a.md", "b.txt", "_site/e.md"])
        XCTAssertEqual(leftOut(defaults.stderr), 2, defaults.stderr)
    }

    func testGitignoreIsHonouredByDefaultInsideARepository() throws {
        try Data("_site/\n".utf8).write(to: directory.appendingPathComponent(".gitignore"))
        XCTAssertEqual(try wouldFix([]).files, ["a.md", "b.txt", "_site/e.md"])   // not a repository: .gitignore does not apply
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let inRepository = try wouldFix([])
        XCTAssertEqual(inRepository.files, ["a.md", "b.txt"])
        XCTAssertEqual(leftOut(inRepository.stderr), 3, inRepository.stderr)   // _site, c.rst, d.adoc
        XCTAssertEqual(try wouldFix(["--no-gitignore"]).files, ["a.md", "b.txt", "_site/e.md"])
    }

    func testTheReportCountsWhatWasLeftOut() throws {
        let result = try CLIRunner.run(["check", "--report", "r.json", "."], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let report = String(decoding: try Data(contentsOf: directory.appendingPathComponent("r.json")), as: UTF8.self)
        XCTAssertTrue(report.contains("\"left_out\": 2"), report)   // c.rst, d.adoc (r.json is written after the walk)
    }

    /// A file reached twice (a folder and the file in it, two spellings) is processed once: once
    /// rewritten, journaled once, and its run undoes cleanly.
    func testAFileGivenTwiceIsProcessedOnce() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let fix = try CLIRunner.run(["fix", ".", "a.md", "./a.md", "../\(directory.lastPathComponent)/a.md"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let output = String(decoding: fix.stdout, as: UTF8.self) + fix.stderr
        XCTAssertEqual(output.split(separator: "\n").filter { $0.hasPrefix("fixed") && $0.contains("a.md") }.count, 1, output)
        XCTAssertFalse(output.contains("changed while mojifix ran"), output)
        let run = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(".mojifix/journal").path)
            .first { $0.hasSuffix(".jsonl") }!
        let show = try CLIRunner.run(["journal", "show", run], directory: directory)
        XCTAssertEqual(String(decoding: show.stdout, as: UTF8.self).split(separator: "\n").filter { $0.hasPrefix("content a.md") }.count, 1,
                       show.summary)
        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("a.md"), encoding: .utf8).utf8.elementsEqual(garbled.utf8), true)
    }

    /// `exclude` (configured or --exclude) holds for files and folders named on the command line,
    /// which is how pre-commit calls the hook: matched by their path from the current folder and
    /// each folder on the way, as the walk of `.` matches them.
    func testExcludeHoldsForNamedFilesAndFolders() throws {
        for file in ["tests/fixtures/garbled.md", "tests/other.md"] {
            let url = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(garbled.utf8).write(to: url)
        }
        let fixture = directory.appendingPathComponent("tests/fixtures/garbled.md")
        func leavesTheFixture(_ arguments: [String], _ expected: Int32 = 0) throws {
            let run = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(run.exitCode, expected, run.summary)
            XCTAssertEqual(try Data(contentsOf: fixture), Data(garbled.utf8), "\(arguments) rewrote the excluded fixture")
        }
        try leavesTheFixture(["fix", "--exclude", "tests/fixtures/**", "tests/fixtures/garbled.md"])
        try leavesTheFixture(["fix", "--exclude", "fixtures/", "./tests/fixtures/garbled.md"])
        try leavesTheFixture(["fix", "--exclude", "*.md", "tests/fixtures/garbled.md"])
        try Data("exclude = [\"tests/fixtures/**\"]\n".utf8).write(to: directory.appendingPathComponent(".mojifix.toml"))
        try leavesTheFixture(["check", "tests/fixtures/garbled.md"])
        try leavesTheFixture(["check", "tests/fixtures"])
        // A named folder's contents are matched from the current folder too; the rest is taken.
        try leavesTheFixture(["fix", "tests", "tests/fixtures/garbled.md"], 1)
        XCTAssertNotEqual(try Data(contentsOf: directory.appendingPathComponent("tests/other.md")), Data(garbled.utf8))
    }
}
