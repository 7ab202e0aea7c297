import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A folder is used as the journal only when mojifix makes it or made it: `.git` (git's binary
/// `index`), a content folder or a notes folder with an `index` of its own are refused in one
/// line, exit 2, nothing written (no append to their index, no `.gitignore`, no chmod, no prune).
final class JournalFolderRecognitionTests: XCTestCase {
    let garbled = Array("cafÃ© au lait\n".utf8)

    func repository() throws -> URL {
        let root = try Fixtures.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(garbled).write(to: root.appendingPathComponent("a.md"))
        return root
    }

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    func mode(_ url: URL) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(url.path, &info), 0)
        return info.st_mode & 0o7777
    }

    /// The folder's entries, bytes and mode, to compare before and after a refused command.
    func snapshot(_ folder: URL) throws -> [String: [UInt8]] {
        var entries = ["<mode>": Array(String(mode(folder), radix: 8).utf8)]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            entries[name] = (try? bytes(folder.appendingPathComponent(name))) ?? []
        }
        return entries
    }

    func assertRefused(_ arguments: [String], in root: URL, leaving folder: URL, _ why: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try snapshot(folder)
        let result = try CLIRunner.run(arguments, directory: root)
        XCTAssertEqual(result.exitCode, 2, result.summary, file: file, line: line)
        XCTAssertEqual(result.stderrLines.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("not a mojifix journal, left alone (\(why)"), result.stderr, file: file, line: line)
        XCTAssertEqual(try snapshot(folder), before, "\(arguments): the folder was written", file: file, line: line)
        assertBytesEqual(try bytes(root.appendingPathComponent("a.md")), garbled, "fixed without a journal", file: file, line: line)
    }

    func testGitsOwnFolderIsNeverAJournal() throws {
        let root = try repository()
        let git = root.appendingPathComponent(".git")
        try Data([0x44, 0x49, 0x52, 0x43, 0, 0, 0, 2, 0xC3, 0x0A]).write(to: git.appendingPathComponent("index"))
        XCTAssertEqual(chmod(git.path, 0o755), 0)
        for arguments in [["fix", "--journal", ".git", "a.md"], ["fix", "--journal", ".git/mojifix", "a.md"],
                          ["undo", "--journal", ".git"], ["journal", "prune", "--journal", ".git"]] {
            try assertRefused(arguments, in: root, leaving: git, "it is git's own folder .git or lies inside it")
        }
        try Data("[journal]\nfolder = \".git\"\n".utf8).write(to: root.appendingPathComponent(".mojifix.toml"))
        try assertRefused(["fix", "a.md"], in: root, leaving: git, "it is git's own folder")
    }

    func testAFolderWithAnIndexOfItsOwnIsLeftAloneByFixUndoAndPrune() throws {
        let root = try repository()
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("important tracked content\n".utf8).write(to: site.appendingPathComponent("index"))
        XCTAssertEqual(chmod(site.path, 0o755), 0)
        try Data("[journal]\nfolder = \"site\"\n".utf8).write(to: root.appendingPathComponent(".mojifix.toml"))
        for arguments in [["fix", "a.md"], ["undo"], ["journal", "prune"], ["journal", "list"]] {
            try assertRefused(arguments, in: root, leaving: site, "its index has a line mojifix did not write")
        }
        // Even an index holding one run line among the user's is not mojifix's.
        try Data("1700000000000-12.jsonl ppid-1\nchapter 1 ... p. 3\n".utf8).write(to: site.appendingPathComponent("index"))
        try assertRefused(["fix", "a.md"], in: root, leaving: site, "its index has a line mojifix did not write")
    }

    func testAFolderHoldingOtherFilesIsRefusedUntilItHasAnIndex() throws {
        let root = try repository()
        let notes = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try Data("<p>page</p>\n".utf8).write(to: notes.appendingPathComponent("page.html"))
        try assertRefused(["fix", "--journal", "notes", "a.md"], in: root, leaving: notes, "it holds page.html")
        // A `.gitignore` that is not mojifix's `*` is the user's too.
        try FileManager.default.removeItem(at: notes.appendingPathComponent("page.html"))
        try Data("*.log\n".utf8).write(to: notes.appendingPathComponent(".gitignore"))
        try assertRefused(["fix", "--journal", "notes", "a.md"], in: root, leaving: notes, "it holds .gitignore")
    }

    /// A journal made earlier (by this or an older mojifix: `.gitignore` of `*`, an index of run
    /// lines, run files), a folder of run files without an index, and an empty folder are used.
    func testJournalsMojifixMadeAndEmptyFoldersAreUsed() throws {
        let root = try repository()
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: root).exitCode, 1)
        try Data(garbled).write(to: root.appendingPathComponent("b.md"))
        let again = try CLIRunner.run(["fix", "b.md"], directory: root)
        XCTAssertEqual(again.exitCode, 1, again.summary)
        let journal = root.appendingPathComponent(".mojifix/journal")
        XCTAssertEqual(String(decoding: try bytes(journal.appendingPathComponent("index")), as: UTF8.self).split(separator: "\n").count, 2)
        XCTAssertEqual(try CLIRunner.run(["undo", "--all"], directory: root).exitCode, 0)
        assertBytesEqual(try bytes(root.appendingPathComponent("a.md")), garbled)

        let older = root.appendingPathComponent("older")
        try FileManager.default.createDirectory(at: older, withIntermediateDirectories: true)
        try Data("{}\n".utf8).write(to: older.appendingPathComponent("1600000000000-42.jsonl"))
        try Data("{}\n".utf8).write(to: older.appendingPathComponent("1600000000001-43.jsonl.undone"))
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        // As a parallel first run leaves it between making `.gitignore` and writing its line.
        let starting = root.appendingPathComponent("starting")
        try FileManager.default.createDirectory(at: starting, withIntermediateDirectories: true)
        try Data().write(to: starting.appendingPathComponent(".gitignore"))
        for folder in ["older", "empty", "starting"] {
            let fix = try CLIRunner.run(["fix", "--journal", folder, "a.md"], directory: root)
            XCTAssertEqual(fix.exitCode, 1, fix.summary)
            XCTAssertEqual(try CLIRunner.run(["undo", "--journal", folder], directory: root).exitCode, 0)
            assertBytesEqual(try bytes(root.appendingPathComponent("a.md")), garbled)
        }
    }

    /// An index line cut short (a full disk) is cut off before the next run's line, so the two
    /// are never glued into a line that would make the journal look like someone else's.
    func testAnIndexLineCutShortIsCutOffBeforeTheNextOne() throws {
        let root = try repository()
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: root).exitCode, 1)
        let index = root.appendingPathComponent(".mojifix/journal/index")
        let handle = try FileHandle(forWritingTo: index)
        handle.seekToEndOfFile()
        handle.write(Data("1700000000000-1".utf8))
        handle.closeFile()
        try Data(garbled).write(to: root.appendingPathComponent("b.md"))
        let fix = try CLIRunner.run(["fix", "b.md"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let lines = String(decoding: try bytes(index), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3, "\(lines)")
        XCTAssertFalse(lines.contains { $0.hasPrefix("1700000000000-1") }, "\(lines)")
        let undo = try CLIRunner.run(["undo", "--all"], directory: root)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
    }

    /// MOJIFIX_GROUP is one word on the index line: spaces and control characters are dropped, so
    /// the index stays one mojifix recognises as its own.
    func testAGroupNameKeepsTheIndexRecognisable() throws {
        let root = try repository()
        let binary = try CLIRunner.binary()
        let first = try CLIRunner.runProcess(binary, ["fix", "a.md"], directory: root, environment: ["MOJIFIX_GROUP": "hook\u{1}run 1\u{7F}"])
        XCTAssertEqual(first.exitCode, 1, first.summary)
        let index = String(decoding: try bytes(root.appendingPathComponent(".mojifix/journal/index")), as: UTF8.self)
        XCTAssertTrue(index.hasSuffix(" hookrun1\n"), index)
        try Data(garbled).write(to: root.appendingPathComponent("b.md"))
        let second = try CLIRunner.run(["fix", "b.md"], directory: root)
        XCTAssertEqual(second.exitCode, 1, second.summary)
    }

    /// Earlier versions wrote `MOJIFIX_GROUP` as it was: an index line with an escape in its group
    /// (or a crash's NUL bytes) is still mojifix's, and its runs are undone.
    func testAnIndexAnEarlierVersionWroteIsStillAJournal() throws {
        let root = try repository()
        let fixed = try CLIRunner.run(["fix", "a.md"], directory: root)
        XCTAssertEqual(fixed.exitCode, 1, fixed.summary)
        let index = root.appendingPathComponent(".mojifix/journal/index")
        var lines = try bytes(index)
        let space = try XCTUnwrap(lines.firstIndex(of: 0x20))
        lines = Array(lines[...space]) + Array("ci\u{1B}[1mjob\n".utf8) + [0, 0, 0, 0x0A]
        try Data(lines).write(to: index)
        let undone = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undone.exitCode, 0, undone.summary)
        assertBytesEqual(try bytes(root.appendingPathComponent("a.md")), garbled, "not undone")
    }
}
