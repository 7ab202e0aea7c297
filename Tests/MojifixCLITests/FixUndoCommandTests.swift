import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

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
        // Legacy encodings: transcoded to UTF-8 by fix, so undo must give back bytes that are not UTF-8.
        try Data(try Fixtures.bytes("Corpus/golden/raw-windows-949/ko-md-01.in")).write(to: posts.appendingPathComponent("nested/cp949.md"))
        try Data(try Fixtures.bytes("Corpus/golden/raw-utf-16le-bom/ko-md-01.in")).write(to: posts.appendingPathComponent("utf16.md"))
        let before = try snapshot(posts)
        let digestBefore = try TreeDigest.of(posts)

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
        for legacy in ["nested/cp949.md", "utf16.md"] {
            assertBytesEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent(legacy))),
                             try CLIRunner.run(["fix", "--stdout", "Corpus/golden/\(legacy == "utf16.md" ? "raw-utf-16le-bom" : "raw-windows-949")/ko-md-01.in"]).stdout,
                             "\(legacy) transcoded as fix --stdout does")
        }

        let again = try CLIRunner.run(["fix", "posts"], directory: directory)
        XCTAssertEqual(again.exitCode, 0, again.summary)  // nothing left to change

        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(try snapshot(posts), before)
        let digestAfter = try TreeDigest.of(posts)
        XCTAssertEqual(digestAfter, digestBefore, TreeDigest.differences(digestAfter, digestBefore))
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

    /// A run killed between journaling a file and replacing it leaves an entry whose file is still
    /// original: undo says so and goes on; a file changed to anything else is still refused.
    func testUndoCountsAFileStillOriginalAsRestored() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let a = Array("# A\n\ntext   \n".utf8), b = Array("# B\n\n\n\nmore\n".utf8)
        try Data(a).write(to: directory.appendingPathComponent("a.md"))
        try Data(b).write(to: directory.appendingPathComponent("b.md"))
        XCTAssertEqual(try CLIRunner.run(["fix", "a.md", "b.md"], directory: directory).exitCode, 1)
        try Data(a).write(to: directory.appendingPathComponent("a.md"))  // as if never replaced
        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertTrue(String(decoding: undo.stdout, as: UTF8.self).contains("already original a.md\n"), undo.summary)
        assertBytesEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("a.md"))), a)
        assertBytesEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("b.md"))), b)
        XCTAssertEqual(try CLIRunner.run(["undo"], directory: directory).exitCode, 2)  // the run is done with
    }

    /// Temporary files of writers that no longer run are removed by the next fix or undo in that
    /// folder; those of a live process (pre-commit runs fixes in parallel) and other names are kept.
    func testStaleTemporaryFilesOfDeadWritersAreRemovedLiveOnesKept() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let pidMax = Int(String(decoding: try Fixtures.bytes("/proc/sys/kernel/pid_max"), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines))!  // no process has this pid
        let dead = ".a.md.mojifix-\(pidMax)-Ab12Cd", live = ".a.md.mojifix-\(getpid())-Ab12Cd", other = ".a.md.mojifix-Ab12Cd"
        try Data("# A\n\ntext   \n".utf8).write(to: directory.appendingPathComponent("a.md"))
        for name in [dead, live, other] { try Data("half wri".utf8).write(to: directory.appendingPathComponent(name)) }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) }

        XCTAssertEqual(try CLIRunner.run(["fix", "--dry-run", "."], directory: directory).exitCode, 1)
        XCTAssertTrue(exists(dead), "--dry-run writes (and removes) nothing")
        let fix = try CLIRunner.run(["fix", "."], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        XCTAssertFalse(exists(dead), fix.summary)
        XCTAssertTrue(fix.stderr.contains("removed \(directory.path)/\(dead)"), fix.stderr)
        XCTAssertTrue(exists(live))
        XCTAssertTrue(exists(other))

        try Data("half wri".utf8).write(to: directory.appendingPathComponent(dead))
        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertFalse(exists(dead), undo.summary)
        XCTAssertTrue(exists(live))
    }
}
