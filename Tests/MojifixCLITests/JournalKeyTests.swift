import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs are authenticated with a per-user key kept outside every repository: a journal committed
/// to a repository arrives in a clone owned by the user with ordinary modes, at the same absolute
/// root when the path is fixed (a CI workspace), and `undo` must still refuse it.
final class JournalKeyTests: XCTestCase {
    let unfixed = Array("# T\n\ntext   \n".utf8)

    /// `mojifix ARGS` in `directory` with its key folder in `state`.
    func mojifix(_ arguments: [String], in directory: URL, state: URL) throws -> CLIResult {
        try CLIRunner.runProcess(try CLIRunner.binary(), arguments, directory: directory, environment: ["MOJIFIX_STATE_DIR": state.path])
    }

    /// A repository with posts/a.md fixed once under the key in `state`; returns its root and run file.
    func fixedRepository(in top: URL, state: URL) throws -> (root: URL, run: URL) {
        let root = top.appendingPathComponent("repo")
        for folder in [".git", "posts"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(unfixed).write(to: root.appendingPathComponent("posts/a.md"))
        let fix = try mojifix(["fix", "posts"], in: root, state: state)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let journal = root.appendingPathComponent(".mojifix/journal")
        let name = try FileManager.default.contentsOfDirectory(atPath: journal.path).first { $0.hasSuffix(".jsonl") }!
        return (root, journal.appendingPathComponent(name))
    }

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0, path)
        return info.st_mode & 0o7777
    }

    func assertRefused(_ result: CLIResult, run: URL, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.exitCode, 2, result.summary, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("\(run.lastPathComponent): not made by mojifix for this user on this machine"), result.stderr, file: file, line: line)
    }

    func testAJournalCommittedToARepositoryIsRefusedAtTheSameRoot() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        let attacker = top.appendingPathComponent("attacker-state"), user = top.appendingPathComponent("user-state")
        // The attacker's run, made where the user's clone will be (the same absolute root).
        let (root, run) = try fixedRepository(in: top, state: attacker)
        let committed = top.appendingPathComponent("committed"), fixed = try bytes(root.appendingPathComponent("posts/a.md"))
        try FileManager.default.moveItem(at: root.appendingPathComponent(".mojifix/journal"), to: committed)
        // The user's clone at that path: the fixed file as committed, the journal as a checkout leaves it.
        try FileManager.default.removeItem(at: root)
        for folder in [".git", "posts", ".mojifix"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(fixed).write(to: root.appendingPathComponent("posts/a.md"))
        let journal = root.appendingPathComponent(".mojifix/journal")
        try FileManager.default.moveItem(at: committed, to: journal)
        chmod(journal.path, 0o755)
        for name in try FileManager.default.contentsOfDirectory(atPath: journal.path) { chmod(journal.appendingPathComponent(name).path, 0o644) }
        let before = Fixtures.tree(root)
        let undo = try mojifix(["undo"], in: root, state: user)
        assertRefused(undo, run: run)
        XCTAssertEqual(Fixtures.tree(root), before, "undo changed the clone")
        // The same journal under the key that made it is undone: the key alone refused it.
        XCTAssertEqual(try mojifix(["undo"], in: root, state: attacker).exitCode, 0)
        assertBytesEqual(try bytes(root.appendingPathComponent("posts/a.md")), unfixed)
    }

    func testARunWhoseMACIsRemovedOrAlteredIsRefused() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        let state = top.appendingPathComponent("state")
        let (root, run) = try fixedRepository(in: top, state: state)
        let original = String(decoding: try bytes(run), as: UTF8.self)
        let mac = try XCTUnwrap(original.range(of: #""mac": "[0-9a-f]{64}""#, options: .regularExpression))
        let digit = original.index(mac.upperBound, offsetBy: -2)
        let altered = original.replacingCharacters(in: digit...digit, with: original[digit] == "0" ? "1" : "0")
        let removed = original.replacingCharacters(in: mac, with: "").replacingOccurrences(of: "\", }", with: "\"}")
        let fixed = try bytes(root.appendingPathComponent("posts/a.md"))
        for crafted in [removed, altered] {
            try Data(crafted.utf8).write(to: run)
            assertRefused(try mojifix(["undo"], in: root, state: state), run: run)
            assertBytesEqual(try bytes(root.appendingPathComponent("posts/a.md")), fixed, "undo restored an unauthenticated run")
        }
        try Data(original.utf8).write(to: run)
        XCTAssertEqual(try mojifix(["undo"], in: root, state: state).exitCode, 0)
        assertBytesEqual(try bytes(root.appendingPathComponent("posts/a.md")), unfixed)
    }

    func testTheKeyIsMadeOncePrivateAndFixUndoRoundTrips() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        // Without MOJIFIX_STATE_DIR the key lives under XDG_STATE_HOME, its missing folders made.
        let state = top.appendingPathComponent("xdg/state")
        let environment: [String: String?] = ["MOJIFIX_STATE_DIR": nil, "XDG_STATE_HOME": state.path]
        for name in ["a.md", "b.md"] { try Data(unfixed).write(to: top.appendingPathComponent(name)) }
        let first = try CLIRunner.runProcess(try CLIRunner.binary(), ["fix", "a.md"], directory: top, environment: environment)
        XCTAssertEqual(first.exitCode, 1, first.summary)
        let key = state.appendingPathComponent("mojifix/journal-key")
        XCTAssertEqual(mode(key.deletingLastPathComponent().path), 0o700)
        XCTAssertEqual(mode(key.path), 0o600)
        let made = try bytes(key)
        XCTAssertEqual(made.count, 32)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: key.deletingLastPathComponent().path), ["journal-key"])
        let second = try CLIRunner.runProcess(try CLIRunner.binary(), ["fix", "b.md"], directory: top, environment: environment)
        XCTAssertEqual(second.exitCode, 1, second.summary)
        XCTAssertEqual(try bytes(key), made, "the key was made again")
        let undo = try CLIRunner.runProcess(try CLIRunner.binary(), ["undo", "--all"], directory: top, environment: environment)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        for name in ["a.md", "b.md"] { assertBytesEqual(try bytes(top.appendingPathComponent(name)), unfixed, name) }
    }

    func testAKeyOthersCanReadIsRefused() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        let state = top.appendingPathComponent("state")
        let (root, _) = try fixedRepository(in: top, state: state)
        chmod(state.appendingPathComponent("journal-key").path, 0o644)
        let undo = try mojifix(["undo"], in: root, state: state)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("journal key not trusted"), undo.stderr)
        try Data(unfixed).write(to: root.appendingPathComponent("posts/b.md"))
        let fix = try mojifix(["fix", "posts"], in: root, state: state)
        assertBytesEqual(try bytes(root.appendingPathComponent("posts/b.md")), unfixed, "fixed without a journal")
        XCTAssertEqual(fix.exitCode, 2, fix.summary)
        XCTAssertTrue(fix.stderr.contains("journal key not trusted"), fix.stderr)
        chmod(state.appendingPathComponent("journal-key").path, 0o600)
        XCTAssertEqual(try mojifix(["undo"], in: root, state: state).exitCode, 0)
    }
}
