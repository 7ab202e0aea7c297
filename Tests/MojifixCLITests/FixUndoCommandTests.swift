import Foundation
import XCTest

/// `fix PATH...` rewrites in place through the journal; `undo` gives every byte back.
final class FixUndoCommandTests: XCTestCase {
    /// Every file's bytes and permission bits, by relative path (the journal folder excluded).
    func snapshot(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.path.contains("/.mojifix") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let mode = (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
            files[String(url.path.dropFirst(root.path.count))] = [UInt8](try Data(contentsOf: url)) + Array("|\(mode)".utf8)
        }
        return files
    }

    func testFixThenUndoRestoresEveryByteOfAMixedFolder() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try Data(try Fixtures.bytes("Corpus/seeds/002.garbled.md")).write(to: posts.appendingPathComponent("garbled.md"))
        try Data(try Fixtures.bytes("Corpus/markdown/seed-004.out.md")).write(to: posts.appendingPathComponent("clean.md"))
        try Data([0x00, 0x01, 0x02, 0x62, 0x69, 0x6E, 0x00, 0x00]).write(to: posts.appendingPathComponent("binary.md"))
        try Data("# 제목\n\n본문   \n\n\n끝".utf8).write(to: posts.appendingPathComponent("nested/spaces.md"))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: posts.appendingPathComponent("nested/spaces.md").path)
        let before = try snapshot(posts)

        let fix = try CLIRunner.run(["fix", "posts"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)  // files were modified
        // Repaired, then normalised: exactly the normaliser's golden output for the repaired post.
        assertBytesEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("garbled.md"))),
                         try Fixtures.bytes("Corpus/markdown/seed-002.out.md"))
        XCTAssertTrue(fix.stderr.contains("skipped"), fix.stderr)  // the binary file
        let after = try snapshot(posts)
        XCTAssertNotEqual(after["/garbled.md"], before["/garbled.md"])
        XCTAssertEqual(after["/clean.md"], before["/clean.md"])
        XCTAssertEqual(after["/binary.md"], before["/binary.md"])
        XCTAssertTrue(after["/nested/spaces.md"]!.reversed().starts(with: Array("|416".utf8).reversed()))  // mode 0640 kept

        let again = try CLIRunner.run(["fix", "posts"], directory: directory)
        XCTAssertEqual(again.exitCode, 0, again.summary)  // nothing left to change

        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(try snapshot(posts), before)
    }

    func testUndoRefusesAFileThatChangedSince() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("# T\n\ntext   \n".utf8).write(to: directory.appendingPathComponent("a.md"))
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md"], directory: directory).exitCode, 1)
        try Data("edited by hand\n".utf8).write(to: directory.appendingPathComponent("a.md"))
        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("changed since the fix"), undo.stderr)
        assertBytesEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("a.md"))), Array("edited by hand\n".utf8))
    }

    func testDryRunWritesNothing() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data("# T\n\ntext   \n".utf8).write(to: directory.appendingPathComponent("a.md"))
        let result = try CLIRunner.run(["fix", "--dry-run", "a.md"], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("a.md"))), Array("# T\n\ntext   \n".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".mojifix").path))
    }
}
