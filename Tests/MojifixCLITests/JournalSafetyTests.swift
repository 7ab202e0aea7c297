import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A journal is data `undo` acts on, so a crafted or damaged one must never write outside the
/// repository, write bytes it cannot verify, set a mode, or be picked by its name; the journal
/// itself is private and out of git.
final class JournalSafetyTests: XCTestCase {
    let unfixed = Array("# T\n\ntext   \n".utf8)

    /// A repository (root/.git) with posts/a.md fixed once, and a victim file beside the root.
    func fixedRepository() throws -> (root: URL, victim: URL, run: URL) {
        let top = try Fixtures.temporaryDirectory(for: self)
        let root = top.appendingPathComponent("repo")
        for folder in [".git", "posts"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(unfixed).write(to: root.appendingPathComponent("posts/a.md"))
        let victim = top.appendingPathComponent("outside/victim.txt")
        try FileManager.default.createDirectory(at: victim.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: victim)
        let fix = try CLIRunner.run(["fix", "posts"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let journal = root.appendingPathComponent(".mojifix/journal")
        let run = try FileManager.default.contentsOfDirectory(atPath: journal.path).first { $0.hasSuffix(".jsonl") }!
        return (root, victim, journal.appendingPathComponent(run))
    }

    func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    func sha256(_ url: URL) throws -> String {
        let result = try CLIRunner.runProcess(URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path], directory: url.deletingLastPathComponent())
        return String(String(decoding: result.stdout, as: UTF8.self).prefix(64))
    }

    /// Rewrites the run's content line with `edit` (keeping every other line).
    func craft(_ run: URL, _ edit: (String) -> String) throws {
        let lines = try text(run).split(separator: "\n").map(String.init)
        let crafted = lines.map { $0.contains("\"sha256_after\"") ? edit($0) : $0 }
        try Data((crafted.joined(separator: "\n") + "\n").utf8).write(to: run)
    }

    func replacing(_ line: String, field: String, with value: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "\"\(field)\": (\"[^\"]*\"|[0-9]+)")
        return pattern.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "\"\(field)\": \(value)")
    }

    func testUndoRefusesAbsoluteAndDotDotPaths() throws {
        for spelling in ["ABSOLUTE", "../outside/victim.txt", "posts/../../outside/victim.txt"] {
            let (root, victim, run) = try fixedRepository()
            let path = spelling == "ABSOLUTE" ? victim.path : spelling
            let victimHash = try sha256(victim)
            try craft(run) { self.replacing(self.replacing($0, field: "path", with: "\"\(path)\""), field: "sha256_after", with: "\"\(victimHash)\"") }
            let undo = try CLIRunner.run(["undo"], directory: root)
            XCTAssertEqual(undo.exitCode, 2, "\(spelling): \(undo.summary)")
            XCTAssertTrue(undo.stderr.contains("refused"), undo.stderr)
            XCTAssertEqual(try text(victim), "precious\n", "\(spelling): undo wrote outside the repository")
        }
    }

    func testUndoRefusesAPathThroughASymlinkedFolder() throws {
        let (root, victim, run) = try fixedRepository()
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("posts/link").path,
                                                   withDestinationPath: victim.deletingLastPathComponent().path)
        let victimHash = try sha256(victim)
        try craft(run) { self.replacing(self.replacing($0, field: "path", with: "\"posts/link/victim.txt\""), field: "sha256_after", with: "\"\(victimHash)\"") }
        let undo = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("symlink"), undo.stderr)
        XCTAssertEqual(try text(victim), "precious\n")
    }

    func testUndoRefusesBytesThatDoNotHashToSha256Before() throws {
        let (root, _, run) = try fixedRepository()
        let fixed = try text(root.appendingPathComponent("posts/a.md"))
        // Valid base64 of other bytes: a damaged journal that still parses.
        try craft(run) { self.replacing($0, field: "original_base64", with: "\"\(Data("evil\n".utf8).base64EncodedString())\"") }
        let undo = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("do not hash to its sha256_before"), undo.stderr)
        XCTAssertEqual(try text(root.appendingPathComponent("posts/a.md")), fixed)
    }

    func testUndoNeverTakesAModeFromTheJournal() throws {
        let (root, _, run) = try fixedRepository()
        try craft(run) { self.replacing($0, field: "mode", with: "\(0o6777)") }
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 0)
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("posts/a.md").path)[.posixPermissions] as! Int
        XCTAssertEqual(mode, 0o644, "undo set mode \(String(mode, radix: 8)) from the journal")
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
    }

    func testRunsAreTakenFromTheIndexNotByName() throws {
        let (root, victim, run) = try fixedRepository()
        // A run dropped in the folder whose name sorts last, aimed at the victim.
        let dropped = run.deletingLastPathComponent().appendingPathComponent("9999999999999-1.jsonl")
        try FileManager.default.copyItem(at: run, to: dropped)
        let victimHash = try sha256(victim)
        try craft(dropped) { self.replacing(self.replacing($0, field: "path", with: "\"../outside/victim.txt\""), field: "sha256_after", with: "\"\(victimHash)\"") }
        chmod(dropped.path, 0o600)
        let list = try CLIRunner.run(["journal", "list"], directory: root)
        XCTAssertTrue(String(decoding: list.stdout, as: UTF8.self).hasSuffix("9999999999999-1.jsonl  not in the index (never undone)\n"), list.summary)
        let named = try CLIRunner.run(["undo", "9999999999999-1.jsonl"], directory: root)
        XCTAssertEqual(named.exitCode, 2, named.summary)
        XCTAssertTrue(named.stderr.contains("not a pending run"), named.stderr)
        let undo = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("posts/a.md"))), unfixed)
        XCTAssertEqual(try text(victim), "precious\n")
    }

    func testAJournalOthersCanWriteOrOwnIsRefused() throws {
        let (root, _, run) = try fixedRepository()
        chmod(run.path, 0o666)
        let writable = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(writable.exitCode, 2, writable.summary)
        XCTAssertTrue(writable.stderr.contains("writable by others"), writable.stderr)
        chmod(run.path, 0o600)
        if geteuid() == 0 {
            chown(run.path, 4321, 4321)
            let foreign = try CLIRunner.run(["undo"], directory: root)
            XCTAssertEqual(foreign.exitCode, 2, foreign.summary)
            XCTAssertTrue(foreign.stderr.contains("not by you"), foreign.stderr)
            chown(run.path, 0, 0)
        }
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 0)
    }

    func testADamagedMiddleLineStopsUndoNamingIt() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        for name in ["a.md", "b.md"] { try Data(unfixed).write(to: top.appendingPathComponent(name)) }
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md", "b.md"], directory: top).exitCode, 1)
        let journal = top.appendingPathComponent(".mojifix/journal")
        let run = journal.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: journal.path).first { $0.hasSuffix(".jsonl") }!)
        var lines = try text(run).split(separator: "\n").map(String.init)
        let index = try XCTUnwrap(lines.firstIndex { $0.contains("a.md\"") })
        lines[index] = String(lines[index].prefix(60))  // cut short, then the next entry (as disk full used to leave it)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: run)
        let fixed = try text(top.appendingPathComponent("b.md"))
        let undo = try CLIRunner.run(["undo"], directory: top)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("line \(index + 1): damaged"), undo.stderr)
        XCTAssertEqual(try text(top.appendingPathComponent("b.md")), fixed, "nothing is restored from a damaged run")
    }

    func testARenameEntryCannotLeaveItsFolder() throws {
        let (root, victim, run) = try fixedRepository()
        let line = "{\"kind\": \"rename\", \"parent_base64\": \"\(Data("posts".utf8).base64EncodedString())\", "
            + "\"old_base64\": \"\(Data("../../outside/moved".utf8).base64EncodedString())\", \"new_base64\": \"\(Data("a.md".utf8).base64EncodedString())\", "
            + "\"inode\": 1, \"plan\": \"x\"}\n"
        // And one aimed at the journal itself (its index, with the index's real inode).
        var info = stat()
        stat(run.deletingLastPathComponent().appendingPathComponent("index").path, &info)
        let intoJournal = "{\"kind\": \"rename\", \"parent_base64\": \"\(Data(".mojifix/journal".utf8).base64EncodedString())\", "
            + "\"old_base64\": \"\(Data("gone".utf8).base64EncodedString())\", \"new_base64\": \"\(Data("index".utf8).base64EncodedString())\", "
            + "\"inode\": \(info.st_ino), \"plan\": \"x\"}\n"
        var bytes = try Data(contentsOf: run)
        bytes.append(Data((line + intoJournal).utf8))
        try bytes.write(to: run)
        let undo = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("not a single name; refused"), undo.stderr)
        XCTAssertTrue(undo.stderr.contains(".mojifix/journal: inside the journal folder; not renamed back"), undo.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.deletingLastPathComponent().appendingPathComponent("index").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: victim.deletingLastPathComponent().appendingPathComponent("moved").path))
    }

    func testTheJournalIsPrivateIgnoredByGitAndListed() throws {
        let (root, _, run) = try fixedRepository()
        let journal = run.deletingLastPathComponent()
        func mode(_ url: URL) throws -> Int { try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! Int }
        XCTAssertEqual(try mode(journal), 0o700)
        XCTAssertEqual(try mode(run), 0o600)
        XCTAssertEqual(try text(journal.appendingPathComponent(".gitignore")), "*\n")
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git"))
        let git = URL(fileURLWithPath: "/usr/bin/git")
        if FileManager.default.isExecutableFile(atPath: git.path) {
            XCTAssertEqual(try CLIRunner.runProcess(git, ["init", "-q"], directory: root).exitCode, 0)
            XCTAssertEqual(try CLIRunner.runProcess(git, ["add", "-A"], directory: root).exitCode, 0)
            let staged = String(decoding: try CLIRunner.runProcess(git, ["diff", "--cached", "--name-only"], directory: root).stdout, as: UTF8.self)
            XCTAssertTrue(staged.contains("posts/a.md"), staged)
            XCTAssertFalse(staged.contains(".mojifix"), "git add -A took the journal: \(staged)")
        }
        let list = try CLIRunner.run(["journal", "list"], directory: root)
        XCTAssertEqual(list.exitCode, 0, list.summary)
        XCTAssertTrue(String(decoding: list.stdout, as: UTF8.self).contains("\(run.lastPathComponent)  pending"), list.summary)
        let show = try CLIRunner.run(["journal", "show", run.lastPathComponent], directory: root)
        XCTAssertTrue(String(decoding: show.stdout, as: UTF8.self).hasPrefix("content posts/a.md  \(unfixed.count) B"), show.summary)
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 0)
        let prune = try CLIRunner.run(["journal", "prune"], directory: root)
        XCTAssertEqual(prune.exitCode, 0, prune.summary)
        XCTAssertEqual(String(decoding: prune.stdout, as: UTF8.self), "removed \(run.lastPathComponent)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: run.path + ".undone"))
        // --older-than removes pending runs too (they can no longer be undone).
        try Data(unfixed).write(to: root.appendingPathComponent("posts/a.md"))
        let again = try CLIRunner.run(["fix", "posts"], directory: root)
        XCTAssertTrue(again.stderr.contains(" B (undo with"), again.stderr)  // the journal's size is reported
        XCTAssertEqual(String(decoding: try CLIRunner.run(["journal", "prune", "--older-than", "1"], directory: root).stdout, as: UTF8.self), "")
        XCTAssertEqual(String(decoding: try CLIRunner.run(["journal", "prune", "--older-than", "0"], directory: root).stdout, as: UTF8.self).count > 0, true)
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 2)  // nothing left to undo
    }
}
