import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs of names and of contents undo in any order, and the runs of one hook invocation (several
/// processes) undo as a group, with a summary.
final class UndoOrderTests: XCTestCase {
    let unfixed = Array("# T\n\ntext   \n".utf8)

    /// A raw-CP949 folder (문서) holding a.md and a raw-CP949 file (가나.md), and a raw-CP949 file
    /// (가나.md) beside it, all needing a fix. The file renamed inside a renamed folder is the hard
    /// case: its rename entry names the folder's old name, its content entry the new one.
    func makeTree() throws -> (URL, [[UInt8]: [UInt8]]) {
        let root = try Fixtures.temporaryDirectory(for: self)
        let tree = Array(root.appendingPathComponent("tree").path.utf8)
        XCTAssertEqual((tree + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } }, 0)
        let folder = tree + Array("/".utf8) + [0xB9, 0xAE, 0xBC, 0xAD]
        XCTAssertEqual((folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { mkdir($0.baseAddress!, 0o755) } }, 0)
        let garbledName: [UInt8] = [0xB0, 0xA1, 0xB3, 0xAA] + Array(".md".utf8)
        for file in [folder + Array("/a.md".utf8), folder + Array("/".utf8) + garbledName, tree + Array("/".utf8) + garbledName] {
            let fd = (file + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
            XCTAssertGreaterThanOrEqual(fd, 0)
            _ = unfixed.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }
        return (root, FixNamesCommandTests.snapshot(root.appendingPathComponent("tree")))
    }

    func pendingRuns(_ root: URL) throws -> [String] {
        let list = try CLIRunner.run(["journal", "list"], directory: root)
        return String(decoding: list.stdout, as: UTF8.self).split(separator: "\n").filter { $0.contains("  pending  ") }
            .map { String($0.prefix { $0 != " " }) }
    }

    func fixNamesThenContents(_ root: URL) throws {
        XCTAssertEqual(try CLIRunner.run(["fix", "--names", "--apply", "tree"], directory: root).exitCode, 1)
        let fix = try CLIRunner.run(["fix", "tree"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertTrue(fix.stdout.count > 0 && String(decoding: fix.stdout, as: UTF8.self).contains("가나.md"), fix.summary)
    }

    func testContentsThenNames() throws {
        let (root, before) = try makeTree()
        try fixNamesThenContents(root)
        for _ in 0..<2 {
            let undo = try CLIRunner.run(["undo"], directory: root)
            XCTAssertEqual(undo.exitCode, 0, undo.summary)
        }
        XCTAssertEqual(FixNamesCommandTests.snapshot(root.appendingPathComponent("tree")), before)
    }

    func testNamesThenContents() throws {
        let (root, before) = try makeTree()
        try fixNamesThenContents(root)
        let runs = try pendingRuns(root)
        guard runs.count == 2 else { return XCTFail("two pending runs expected: \(runs)") }
        let names = try CLIRunner.run(["undo", runs[0]], directory: root)
        XCTAssertEqual(names.exitCode, 0, names.summary)
        let contents = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(contents.exitCode, 0, contents.summary)
        XCTAssertEqual(FixNamesCommandTests.snapshot(root.appendingPathComponent("tree")), before)
    }

    func testTheRunsOfOneGroupUndoTogether() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        for name in ["early.md", "a.md", "b.md"] { try Data(unfixed).write(to: root.appendingPathComponent(name)) }
        let binary = try CLIRunner.binary()
        XCTAssertEqual(try CLIRunner.runProcess(binary, ["fix", "early.md"], directory: root, environment: ["MOJIFIX_GROUP": "commit-1"]).exitCode, 1)
        // One hook invocation: parallel processes with the same parent (here: this test) share a group.
        for name in ["a.md", "b.md"] {
            XCTAssertEqual(try CLIRunner.runProcess(binary, ["fix", name], directory: root, environment: ["MOJIFIX_GROUP": nil]).exitCode, 1)
        }
        let undo = try CLIRunner.run(["undo", "--group"], directory: root)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertTrue(undo.stderr.contains("undone 2 run(s): 2 restored, 0 already original, 0 renamed back, 0 refused"), undo.stderr)
        for name in ["a.md", "b.md"] { assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent(name))), unfixed, name) }
        XCTAssertNotEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("early.md"))), unfixed)
        XCTAssertEqual(try CLIRunner.run(["undo", "--all"], directory: root).exitCode, 0)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("early.md"))), unfixed)
    }

    func groups(_ root: URL) throws -> [String] {
        let index = String(decoding: try Data(contentsOf: root.appendingPathComponent(".mojifix/journal/index")), as: UTF8.self)
        return index.split(separator: "\n").map { String($0.split(separator: " ")[1]) }
    }

    /// The group is the parent's pid and start time (procfs says its files are 0 bytes long: they
    /// are read to the end), so a reused pid is another group.
    func testTheGroupIsTheParentsPidAndStartTime() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        for name in ["a.md", "b.md"] { try Data(unfixed).write(to: root.appendingPathComponent(name)) }
        let binary = try CLIRunner.binary()
        for name in ["a.md", "b.md"] {
            XCTAssertEqual(try CLIRunner.runProcess(binary, ["fix", name], directory: root, environment: ["MOJIFIX_GROUP": nil]).exitCode, 1)
        }
        let groups = try groups(root)
        XCTAssertEqual(groups.count, 2)
        XCTAssertEqual(groups[0], groups[1])
        let parts = groups[0].split(separator: "-")
        XCTAssertEqual(parts.count, 3, groups[0])
        XCTAssertEqual(parts.first, "ppid")
        XCTAssertEqual(parts.last.flatMap { Int($0) }.map { $0 > 0 }, true, "no start time: \(groups[0])")
    }

    /// Runs typed one after the other in a shell (or a script's) are not one invocation.
    func testRunsStartedByAShellAreEachTheirOwnGroup() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        for name in ["a.md", "b.md"] { try Data(unfixed).write(to: root.appendingPathComponent(name)) }
        let binary = try CLIRunner.binary()
        let script = "'\(binary.path)' fix a.md; '\(binary.path)' fix b.md; true"
        XCTAssertEqual(try CLIRunner.runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script], directory: root,
                                                environment: ["MOJIFIX_GROUP": nil]).exitCode, 0)
        let groups = try groups(root)
        XCTAssertEqual(groups.count, 2)
        XCTAssertNotEqual(groups[0], groups[1])
        let undo = try CLIRunner.run(["undo", "--group"], directory: root)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("b.md"))), unfixed)
        XCTAssertNotEqual([UInt8](try Data(contentsOf: root.appendingPathComponent("a.md"))), unfixed, "an older run was undone with the group")
    }

    /// A hook run as pid 1 of a container has parent 0 in every container: each is its own group.
    func testRunsWithoutAParentAreEachTheirOwnGroup() throws {
        let unshare = URL(fileURLWithPath: "/usr/bin/unshare")
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: unshare.path) else {
            throw XCTSkip("needs root and unshare (a pid namespace)")
        }
        let root = try Fixtures.temporaryDirectory(for: self)
        for name in ["a.md", "b.md"] { try Data(unfixed).write(to: root.appendingPathComponent(name)) }
        let binary = try CLIRunner.binary()
        for name in ["a.md", "b.md"] {
            let run = try CLIRunner.runProcess(unshare, ["-pf", "--mount-proc", binary.path, "fix", name], directory: root,
                                               environment: ["MOJIFIX_GROUP": nil])
            guard run.exitCode == 1 else { throw XCTSkip("no pid namespace here: \(run.summary)") }
        }
        let groups = try groups(root)
        XCTAssertEqual(groups.count, 2)
        XCTAssertNotEqual(groups[0], groups[1])
    }

    /// An older run is not undone over a newer pending run that rewrote the same file: the
    /// version between them (the user's edit the newer run fixed) would be lost. Both together,
    /// newest first, give every version back.
    func testAnOlderRunIsNotUndoneOverANewerRewriteOfTheSameFile() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        let file = root.appendingPathComponent("a.md")
        try Data(unfixed).write(to: file)
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: root).exitCode, 1)
        let fixed = [UInt8](try Data(contentsOf: file))
        let edit = unfixed + Array("more   \n".utf8)
        try Data(edit).write(to: file)
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: root).exitCode, 1)
        let runs = try pendingRuns(root)
        guard runs.count == 2 else { return XCTFail("two pending runs expected: \(runs)") }
        let older = try CLIRunner.run(["undo", runs[0]], directory: root)
        XCTAssertEqual(older.exitCode, 2, older.summary)
        XCTAssertTrue(older.stderr.contains("a.md was rewritten again by the newer pending run \(runs[1])"), older.stderr)
        XCTAssertNotEqual([UInt8](try Data(contentsOf: file)), fixed)
        let newer = try CLIRunner.run(["undo", runs[1]], directory: root)
        XCTAssertEqual(newer.exitCode, 0, newer.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: file)), edit)
        try Data(fixed).write(to: file)
        XCTAssertEqual(try CLIRunner.run(["undo", runs[0]], directory: root).exitCode, 0)
        assertBytesEqual([UInt8](try Data(contentsOf: file)), unfixed)
    }
}
