import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Where `fix` journals: `--journal DIR` > `[journal] folder` in .mojifix.toml > `.mojifix/journal`
/// at the repository root; never inside the files it describes.
final class JournalLocationTests: XCTestCase {
    let unfixed = Array("# T\n\ntext   \n".utf8)

    func makeRepository() throws -> URL {
        let root = try Fixtures.temporaryDirectory(for: self)
        for folder in [".git", "posts", "other/deep"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(unfixed).write(to: root.appendingPathComponent("posts/a.md"))
        return root
    }

    func runs(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".jsonl") }
    }

    func testDefaultJournalIsAtTheRepositoryRootSoUndoFindsItFromAnotherFolder() throws {
        let root = try makeRepository()
        let fix = try CLIRunner.run(["fix", "a.md"], directory: root.appendingPathComponent("posts"))
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertEqual(runs(in: root.appendingPathComponent(".mojifix/journal")).count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("posts/.mojifix").path))
        let undo = try CLIRunner.run(["undo"], directory: root.appendingPathComponent("other/deep"))
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
    }

    func testConfiguredFolderIsRelativeToTheConfigurationAndTheFlagWins() throws {
        let root = try makeRepository()
        try Data("[journal]\nfolder = \"var/journal\"\n".utf8).write(to: root.appendingPathComponent(".mojifix.toml"))
        let posts = root.appendingPathComponent("posts")
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: posts).exitCode, 1)
        XCTAssertEqual(runs(in: root.appendingPathComponent("var/journal")).count, 1)

        try Data(unfixed).write(to: posts.appendingPathComponent("b.md"))
        XCTAssertEqual(try CLIRunner.run(["fix", "--journal", "../flagged", "b.md"], directory: posts).exitCode, 1)
        XCTAssertEqual(runs(in: root.appendingPathComponent("flagged")).count, 1)
        XCTAssertEqual(runs(in: root.appendingPathComponent("var/journal")).count, 1, "the flag's run went to the flag's folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(".mojifix").path))

        // undo reads the same configuration: from another folder it finds the configured journal.
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root.appendingPathComponent("other/deep")).exitCode, 0)
        assertBytesEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("a.md"))), unfixed)
        XCTAssertEqual(try CLIRunner.run(["undo", "--journal", "flagged"], directory: root).exitCode, 0)
        assertBytesEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("b.md"))), unfixed)
    }

    func testFilesInsideTheJournalFolderAreNeverFixed() throws {
        let root = try makeRepository()
        // A journal (only a folder mojifix made is one) that a Markdown file was put in.
        try Data(unfixed).write(to: root.appendingPathComponent("first.md"))
        XCTAssertEqual(try CLIRunner.run(["fix", "--journal", "posts/journal", "first.md"], directory: root).exitCode, 1)
        let note = root.appendingPathComponent("posts/journal/note.md")
        try Data(unfixed).write(to: note)
        // Spelled differently from the walk's paths: the comparison is on absolute paths (and the
        // journal's own `.gitignore` is not what keeps the file out).
        let fix = try CLIRunner.run(["fix", "--no-gitignore", "--journal", "./posts/../posts/journal", "posts"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertTrue(fix.stderr.contains("skipped posts/journal/note.md: inside the journal folder"), fix.stderr)
        assertBytesEqual([UInt8](try Data(contentsOf: note)), unfixed, "a file in the journal folder was rewritten")
        XCTAssertNotEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
        XCTAssertEqual(runs(in: note.deletingLastPathComponent()).count, 2)
    }

    func testAJournalFolderThatIsAFileBeingFixedIsRefused() throws {
        let root = try makeRepository()
        let fix = try CLIRunner.run(["fix", "--journal", "posts/a.md", "posts"], directory: root)
        XCTAssertEqual(fix.exitCode, 2, fix.summary)
        XCTAssertTrue(fix.stderr.contains("posts/a.md: not a mojifix journal, left alone (not a folder)"), fix.stderr)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
    }

    func testUndoNeverWritesInsideTheJournalFolder() throws {
        let root = try makeRepository()
        XCTAssertEqual(try CLIRunner.run(["fix", "--journal", "j", "posts/a.md"], directory: root).exitCode, 1)
        let fixed = [UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md")))
        // The run moved into the folder of the file it describes: that folder is now the journal.
        let run = runs(in: root.appendingPathComponent("j"))[0]
        for name in [run, "index"] {
            try FileManager.default.moveItem(at: root.appendingPathComponent("j/\(name)"), to: root.appendingPathComponent("posts/\(name)"))
        }
        let undo = try CLIRunner.run(["undo", "--journal", "posts"], directory: root)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("inside the journal folder; not restored"), undo.stderr)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), fixed)
    }

    /// A FIFO named .mojifix.toml must not block any command: it is not a regular file, refused.
    func testAConfigurationThatIsNotARegularFileIsRefusedWithoutBlocking() throws {
        let root = try makeRepository()
        XCTAssertEqual(mkfifo(root.appendingPathComponent(".mojifix.toml").path, 0o644), 0)
        let check = try CLIRunner.run(["check", "posts"], directory: root, timeout: 20)
        XCTAssertEqual(check.exitCode, 2, check.summary)
        XCTAssertTrue(check.stderr.contains(".mojifix.toml: not a regular file"), check.stderr)
    }

    /// A repository's configuration, or a committed symlink, cannot put the journal (the original
    /// bytes of every rewritten file) outside the repository; the command line can.
    func testOnlyTheCommandLinePutsTheJournalOutsideTheRepository() throws {
        let root = try makeRepository()
        let outside = try Fixtures.temporaryDirectory(for: self)
        try Data("[journal]\nfolder = \"\(outside.path)/j\"\n".utf8).write(to: root.appendingPathComponent(".mojifix.toml"))
        let configured = try CLIRunner.run(["fix", "posts"], directory: root)
        XCTAssertEqual(configured.exitCode, 2, configured.summary)
        XCTAssertTrue(configured.stderr.contains("outside the repository root"), configured.stderr)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".mojifix.toml"))

        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(".mojifix").path, withDestinationPath: outside.path)
        let linked = try CLIRunner.run(["fix", "posts"], directory: root)
        XCTAssertEqual(linked.exitCode, 2, linked.summary)
        XCTAssertTrue(linked.stderr.contains("outside the repository root"), linked.stderr)
        XCTAssertEqual(runs(in: outside.appendingPathComponent("journal")).count, 0)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".mojifix"))

        let flagged = try CLIRunner.run(["fix", "--journal", outside.appendingPathComponent("j").path, "posts"], directory: root)
        XCTAssertEqual(flagged.exitCode, 1, flagged.summary)
        XCTAssertEqual(runs(in: outside.appendingPathComponent("j")).count, 1)
    }
}
