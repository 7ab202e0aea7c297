import Foundation
import XCTest

/// `fix --diff` (a unified diff, nothing written) and `fix --report FILE.json`.
final class FixDiffReportTests: XCTestCase {
    /// A folder of garbled, unnormalised (no final newline), clean and binary posts.
    func makePosts() throws -> (directory: URL, names: [String]) {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data(try Fixtures.bytes("Corpus/seeds/002.garbled.md")).write(to: posts.appendingPathComponent("garbled.md"))
        try Data("# 제목\n\n본문   \n\n\n\n끝".utf8).write(to: posts.appendingPathComponent("sub/spaces.md"))
        try Data(try Fixtures.bytes("Corpus/markdown/seed-004.out.md")).write(to: posts.appendingPathComponent("clean.md"))
        try Data([0x00, 0x01, 0x02, 0x00]).write(to: posts.appendingPathComponent("binary.md"))
        return (directory, ["binary.md", "clean.md", "garbled.md", "sub/spaces.md"])
    }

    func testDiffWritesNothingAndPatchingTheOriginalGivesTheFixedFile() throws {
        let (directory, names) = try makePosts()
        let posts = directory.appendingPathComponent("posts")
        let before = try TreeDigest.of(directory)
        let result = try CLIRunner.run(["fix", "--diff", "posts"], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)  // files would change
        XCTAssertEqual(try TreeDigest.of(directory), before, "--diff wrote something")
        let diff = String(decoding: result.stdout, as: UTF8.self)
        XCTAssertTrue(diff.hasPrefix("--- a/posts/garbled.md\n+++ b/posts/garbled.md\n@@ -"), String(diff.prefix(200)))
        XCTAssertTrue(diff.contains("-categories: [Daily Papers, ÏùºÍ∞Ñ]\n+categories: [Daily Papers, 일간]\n"), diff)
        XCTAssertTrue(diff.contains("\\ No newline at end of file\n"), diff)
        XCTAssertFalse(diff.contains("clean.md") || diff.contains("binary.md"), diff)

        // Apply it with git (an independent reader of the format) and compare with fix --stdout.
        let patch = directory.appendingPathComponent("changes.diff")
        try Data(result.stdout).write(to: patch)
        try Tool.succeed(["git", "apply", "-p1", patch.path], in: directory)
        for name in names where name != "binary.md" {
            let expected = try CLIRunner.run(["fix", "--stdout", "posts/\(name)"], directory: directory).stdout
            assertBytesEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent(name))), name == "clean.md"
                             ? try Fixtures.bytes("Corpus/markdown/seed-004.out.md") : expected, name)
        }
        let clean = try CLIRunner.run(["fix", "--diff", "posts/clean.md"], directory: directory)
        XCTAssertEqual(clean.exitCode, 0, clean.summary)
        XCTAssertEqual(clean.stdout, [])
    }

    /// Names as git writes them, so that git and patch find the files: no `./`, a tab after a name
    /// holding a space, octal-quoted bytes that are not ASCII (a CP949 name) or controls.
    func testDiffNamesAreGitsSoGitAndPatchApplyIt() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let names: [[UInt8]] = [Array("a.md".utf8), Array("sp ace.md".utf8), Array("raw".utf8) + [0xC7, 0xD1] + Array(".md".utf8)]
        for name in names {
            let fd = (Array(directory.path.utf8) + [0x2F] + name + [0]).withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
            }
            XCTAssertGreaterThanOrEqual(fd, 0)
            let garbled = Array("cafÃ©\n".utf8)
            XCTAssertEqual(garbled.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }, garbled.count)
            close(fd)
        }
        let result = try CLIRunner.run(["fix", "--diff", "."], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let diff = String(decoding: result.stdout, as: UTF8.self)
        for header in ["--- a/a.md\n", "--- a/sp ace.md\t\n", "--- \"a/raw\\307\\321.md\"\n", "+++ \"b/raw\\307\\321.md\"\n"] {
            XCTAssertTrue(diff.contains(header), "\(header.debugDescription) in \(diff)")
        }
        XCTAssertFalse(diff.contains("./"), diff)
        let patch = directory.appendingPathComponent("../names-\(UUID().uuidString).diff")
        try Data(result.stdout).write(to: patch)
        defer { try? FileManager.default.removeItem(at: patch) }
        try Tool.succeed(["git", "apply", "-p1", "--check", patch.path], in: directory)
        // (GNU patch too, where the machine has it.)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") {
            try Tool.succeed(["patch", "-p1", "--dry-run", "-i", patch.path], in: directory)
        }
    }

    func testReportHasOneObjectPerFileWithHashesChainsAndRules() throws {
        let (directory, names) = try makePosts()
        let digests = try TreeDigest.of(directory.appendingPathComponent("posts"))
        let dry = try CLIRunner.run(["fix", "--dry-run", "--report", "dry.json", "posts"], directory: directory)
        XCTAssertEqual(dry.exitCode, 1, dry.summary)
        XCTAssertEqual(try rows(directory.appendingPathComponent("dry.json")).map { $0["status"] as? String },
                       ["skipped", "unchanged", "repaired", "normalised"])

        let fix = try CLIRunner.run(["fix", "--report", "out/report.json", "posts"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("out/report.json"))) as! [String: Any]
        let journal = try XCTUnwrap(report["journal"] as? String)
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal), journal)
        let files = try rows(directory.appendingPathComponent("out/report.json"))
        XCTAssertEqual(files.map { $0["path"] as? String }, names.map { "posts/\($0)" })
        let after = try TreeDigest.of(directory.appendingPathComponent("posts"))
        for (name, row) in zip(names, files) {
            XCTAssertEqual(row["sha256_before"] as? String, digests[name], name)
            XCTAssertEqual(row["sha256_after"] as? String, name == "binary.md" ? nil : after[name], name)
        }
        XCTAssertEqual(files.map { $0["status"] as? String }, ["skipped", "unchanged", "repaired", "normalised"])
        XCTAssertEqual(report["dry_run"] as? Bool, false)
        XCTAssertEqual((files[2]["plan"] as? [[String: Any]])?.map { $0["chain"] as? String }, ["encode macintosh -> decode UTF-8"])
        XCTAssertGreaterThan((files[2]["plan"] as? [[String: Any]])?.first?["changes"] as? Int ?? 0, 10)
        XCTAssertEqual((files[3]["plan"] as? [[String: Any]])?.count, 0)
        XCTAssertEqual(Set(files[3]["rules"] as? [String] ?? []), ["trailing-whitespace", "blank-lines", "final-newline"])
        XCTAssertEqual(files[1]["rules"] as? [String], [])
        XCTAssertTrue((files[0]["message"] as? String ?? "").contains("binary"), "\(files[0])")

        // fix -: the one row of standard input.
        let stdin = try CLIRunner.run(["fix", "-", "--report", "stdin.json"], stdin: try Fixtures.bytes("Corpus/seeds/002.garbled.md"), directory: directory)
        XCTAssertEqual(stdin.exitCode, 0, stdin.summary)
        let single = try rows(directory.appendingPathComponent("stdin.json"))
        XCTAssertEqual(single.count, 1)
        XCTAssertEqual(single.first?["path"] as? String, "<stdin>")
        XCTAssertEqual(single.first?["status"] as? String, "repaired")
        XCTAssertEqual(single.first?["sha256_after"] as? String, after["garbled.md"])
    }

    /// `fix -` as an editor's filter (vim's `:%!mojifix fix -` replaces the buffer with stdout
    /// whatever the exit status): a refused input comes out as it went in, the reason on stderr.
    func testFixOfStandardInputGivesTheInputBackWhenItRefuses() throws {
        let ambiguous: [UInt8] = Array("Ayuda: ".utf8) + [0x9D] + Array(" 81 mm\n".utf8)
        let binary: [UInt8] = [0x00, 0x01, 0x02, 0x00, 0x41]
        for (input, status) in [(ambiguous, Int32(3)), (binary, Int32(2))] {
            let result = try CLIRunner.run(["fix", "-"], stdin: input)
            XCTAssertEqual(result.exitCode, status, result.summary)
            XCTAssertEqual(result.stdout, input, result.summary)
            XCTAssertFalse(result.stderr.isEmpty, result.summary)
        }
    }

    func rows(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(object?["files"] as? [[String: Any]], file: file, line: line)
    }
}
