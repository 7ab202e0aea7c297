import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `fix` rewrites only the file it read, below the root, keeping what the file was (owner,
/// attributes, mode, links), and `undo` gives back what it changed.
final class InPlaceSafetyTests: XCTestCase {
    let unfixed = Array("# T\n\ntext   \n".utf8)

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// `fix link/../x.md`: the kernel resolves `link/..` to the link target's parent; that file is
    /// rewritten and journaled, so `undo` restores it (a decoy where the spelling points is untouched).
    func testAPathThroughASymlinkAndDotDotIsJournaledAsWritten() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real/sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: "real/sub")
        try Data(unfixed).write(to: root.appendingPathComponent("real/x.md"))
        try Data(unfixed).write(to: root.appendingPathComponent("x.md"))  // where the spelling `link/../x.md` points
        let fix = try CLIRunner.run(["fix", "link/../x.md"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertNotEqual(try bytes(root.appendingPathComponent("real/x.md")), unfixed)
        assertBytesEqual(try bytes(root.appendingPathComponent("x.md")), unfixed)
        let undo = try CLIRunner.run(["undo"], directory: root)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(String(decoding: undo.stdout, as: UTF8.self), "restored real/x.md\n")
        assertBytesEqual(try bytes(root.appendingPathComponent("real/x.md")), unfixed)
        assertBytesEqual(try bytes(root.appendingPathComponent("x.md")), unfixed)
    }

    func testAFileOutsideTheRootIsNotRewritten() throws {
        let top = try Fixtures.temporaryDirectory(for: self)
        let root = top.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(unfixed).write(to: top.appendingPathComponent("other.md"))
        let fix = try CLIRunner.run(["fix", "../other.md"], directory: root)
        XCTAssertEqual(fix.exitCode, 2, fix.summary)
        XCTAssertTrue(fix.stderr.contains("outside the root"), fix.stderr)
        assertBytesEqual(try bytes(top.appendingPathComponent("other.md")), unfixed)
    }

    func testReadOnlyFilesAreSkippedUnlessForced() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        let file = root.appendingPathComponent("a.md")
        try Data(unfixed).write(to: file)
        chmod(file.path, 0o444)
        // Left as written, yet still in need of the change: exit 1, so a pre-commit hook fails and
        // shows why instead of passing (it shows a passing hook's output to nobody).
        let fix = try CLIRunner.run(["fix", "a.md"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertTrue(fix.stderr.contains("a.md: read-only; not rewritten"), fix.stderr)
        assertBytesEqual(try bytes(file), unfixed)
        XCTAssertEqual(try CLIRunner.run(["fix", "--force", "a.md"], directory: root).exitCode, 1)
        XCTAssertNotEqual(try bytes(file), unfixed)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o444)
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 0)
        assertBytesEqual(try bytes(file), unfixed)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o444)
    }

    /// A hard-linked file is left alone: a new file would split the link (the other name would
    /// keep the old bytes); in-place writes would not be atomic.
    func testHardLinkedFilesAreSkippedKeepingTheLink() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        try Data(unfixed).write(to: root.appendingPathComponent("a.md"))
        XCTAssertEqual(link(root.appendingPathComponent("a.md").path, root.appendingPathComponent("b.md").path), 0)
        let fix = try CLIRunner.run(["fix", "a.md"], directory: root)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertTrue(fix.stderr.contains("hard-linked (2 names)"), fix.stderr)
        var info = stat()
        stat(root.appendingPathComponent("a.md").path, &info)
        XCTAssertEqual(info.st_nlink, 2)
        assertBytesEqual(try bytes(root.appendingPathComponent("a.md")), unfixed)
    }

    /// Owner and group (when root) and extended attributes survive `fix` and `undo`.
    func testOwnerGroupAndExtendedAttributesAreKept() throws {
        let root = try Fixtures.temporaryDirectory(for: self)
        let file = root.appendingPathComponent("a.md")
        try Data(unfixed).write(to: file)
        // Swift's Glibc module has no xattr calls: Python's os module sets and reads them.
        func python(_ code: String) throws -> CLIResult {
            try CLIRunner.runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", code, file.path], directory: root)
        }
        guard try python("import os, sys; os.setxattr(sys.argv[1], 'user.mojifix.test', b'kept')").exitCode == 0 else {
            throw XCTSkip("no user xattrs here")
        }
        let asRoot = geteuid() == 0
        if asRoot { XCTAssertEqual(chown(file.path, 4321, 4322), 0) }
        func check(_ stage: String) throws {
            var info = stat()
            stat(file.path, &info)
            if asRoot { XCTAssertEqual([info.st_uid, info.st_gid], [4321, 4322], "\(stage): owner") }
            let read = try python("import os, sys; sys.stdout.write(os.getxattr(sys.argv[1], 'user.mojifix.test').decode())")
            XCTAssertEqual(String(decoding: read.stdout, as: UTF8.self), "kept", "\(stage): xattr \(read.summary)")
        }
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: root).exitCode, 1)
        XCTAssertNotEqual(try bytes(file), unfixed)
        try check("fix")
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: root).exitCode, 0)
        assertBytesEqual(try bytes(file), unfixed)
        try check("undo")
    }
}
