import Foundation
import XCTest

/// Batch runs over folders: what is taken, what is skipped and why, the summary and the report,
/// and that one bad file never stops the batch.
final class BatchCommandTests: XCTestCase {
    var directory: URL!
    let garbled = "# ÏùºÍ∞Ñ Î≥¥Í≥†\n\nÏò§ÎäòÏùò ÎÖºÎ¨∏ÏùÄ Î™®Îëê ÏàòÏßëÎêòÏóàÏäµÎãàÎã§.\n"
    let repaired = "# 일간 보고\n\n오늘의 논문은 모두 수집되었습니다.\n"

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
    }

    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let url = directory.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: directory.appendingPathComponent(relative))) }

    func testIncludeExcludeAndGitignoreChooseTheFiles() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write(".gitignore", Array("vendor/\n".utf8))
        for file in ["posts/a.md", "notes/b.txt", "drafts/c.md", "vendor/d.md", "data/e.csv"] { try write(file, Array(garbled.utf8)) }
        let check = try CLIRunner.run(["check", "--exclude", "drafts/", "--gitignore", "."], directory: directory)
        XCTAssertEqual(check.exitCode, 1, check.summary)
        let files = Set(String(decoding: check.stdout, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ":")[0] })
        XCTAssertEqual(files, ["./notes/b.txt", "./posts/a.md"])
        let everything = try CLIRunner.run(["check", "--include-only", "*", "--no-gitignore", "."], directory: directory)
        let all = Set(String(decoding: everything.stdout, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ":")[0] })
        XCTAssertEqual(all, ["./notes/b.txt", "./posts/a.md", "./drafts/c.md", "./vendor/d.md", "./data/e.csv"])
    }

    func testNonMarkdownTextIsRepairedButNotNormalised() throws {
        try write("notes/b.txt", Array((garbled + "trailing   \n\n\n").utf8))
        let fix = try CLIRunner.run(["fix", "notes"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        assertBytesEqual(try read("notes/b.txt"), Array((repaired + "trailing   \n\n\n").utf8))
    }

    func testSummaryTableAndJSONReport() throws {
        try write("posts/a.md", Array(garbled.utf8))
        try write("posts/clean.md", Array(repaired.utf8))
        try write("posts/legacy.txt", [0xC7, 0xD1, 0xB1, 0xDB, 0x20, 0xB9, 0xAE, 0xBC, 0xAD, 0xC0, 0xD4, 0xB4, 0xCF, 0xB4, 0xD9, 0x2E, 0x0A])
        try write("posts/image.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x00, 0x01, 0x02])
        let fix = try CLIRunner.run(["fix", "--dry-run", "--report", "report.json", "posts"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        for row in ["files scanned  4", "repaired       1", "transcoded     1", "unchanged      1", "skipped        1", "errors         0"] {
            XCTAssertTrue(fix.stderr.contains(row), "missing \(row) in\n\(fix.stderr)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(try read("report.json"))) as! [String: Any]
        let files = json["files"] as! [[String: Any]]
        XCTAssertEqual(files.map { $0["path"] as! String }, ["posts/a.md", "posts/clean.md", "posts/image.md", "posts/legacy.txt"])
        XCTAssertEqual(files.map { $0["status"] as! String }, ["repaired", "unchanged", "skipped", "transcoded"])
        let plan = files[0]["plan"] as! [[String: Any]]
        XCTAssertEqual(plan.first?["chain"] as? String, "encode macintosh -> decode UTF-8")
        XCTAssertEqual((files[3]["plan"] as! [[String: Any]]).first?["chain"] as? String, "decode windows-949")
        XCTAssertNotNil(files[0]["sha256_after"])
        XCTAssertEqual(json["dry_run"] as? Bool, true)
        assertBytesEqual(try read("posts/a.md"), Array(garbled.utf8))   // a dry run writes nothing

        let single = try CLIRunner.run(["check", "posts/clean.md"], directory: directory)
        XCTAssertFalse(single.stderr.contains("files scanned"), single.summary)   // no table for named files
    }

    func testProgressBarOnlyWhenAskedOrOnATerminal() throws {
        for index in 0..<3 { try write("p/\(index).md", Array(repaired.utf8)) }
        let forced = try CLIRunner.run(["check", "--progress", "p"], directory: directory)
        XCTAssertEqual(forced.exitCode, 0, forced.summary)
        XCTAssertTrue(forced.stderr.contains("\r[") && forced.stderr.contains("] 3/3 files"), forced.stderr)
        let quiet = try CLIRunner.run(["check", "p"], directory: directory)   // stderr is a pipe here
        XCTAssertFalse(quiet.stderr.contains("\r["), quiet.stderr)
    }

    func testOversizeEmptyAndNULFilledFilesDoNotStopTheBatch() throws {
        try write("a/garbled.md", Array(garbled.utf8))
        try write("a/nul.md", [UInt8](repeating: 0, count: 4096))
        try write("a/empty.md", [])
        // A sparse 1 GB file: refused from its size, never read into memory.
        let big = directory.appendingPathComponent("a/huge.md")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        XCTAssertEqual(truncate(big.path, 1 << 30), 0)
        let fix = try CLIRunner.run(["fix", "a"], directory: directory)
        XCTAssertEqual(fix.exitCode, 2, fix.summary)   // the oversize file is an error the user must see
        XCTAssertTrue(fix.stderr.contains("huge.md: 1073741824 bytes, over the 67108864-byte limit; skipped"), fix.stderr)
        XCTAssertTrue(fix.stderr.contains("skipped a/nul.md: binary input"), fix.stderr)
        assertBytesEqual(try read("a/garbled.md"), Array(repaired.utf8))
        assertBytesEqual(try read("a/nul.md"), [UInt8](repeating: 0, count: 4096))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int, 1 << 30)
        XCTAssertEqual(try read("a/empty.md"), [])
    }

    func testAmbiguousLegacyFilesAreListedNotGuessed() throws {
        try write("x/one.txt", [0xB6, 0xCB])   // one legacy character: many charsets fit
        try write("x/ok.md", Array(garbled.utf8))
        let fix = try CLIRunner.run(["fix", "x"], directory: directory)
        XCTAssertEqual(fix.exitCode, 3, fix.summary)
        XCTAssertTrue(fix.stderr.contains("ambiguous: x/one.txt: ambiguous encoding"), fix.stderr)
        XCTAssertTrue(fix.stderr.contains("ambiguous      1"), fix.stderr)
        XCTAssertEqual(try read("x/one.txt"), [0xB6, 0xCB])
        assertBytesEqual(try read("x/ok.md"), Array(repaired.utf8))
    }

    /// Permission errors, as an unprivileged user (CI runs as root, which reads everything).
    func testUnreadableFilesAndFoldersAreReportedAndTheRestIsFixed() throws {
        try write("p/ok.md", Array(garbled.utf8))
        try write("p/secret.md", Array(garbled.utf8))
        try write("p/locked/inside.md", Array(garbled.utf8))
        chmod(directory.appendingPathComponent("p/secret.md").path, 0o000)
        chmod(directory.appendingPathComponent("p/locked").path, 0o000)
        var arguments = [try CLIRunner.binary().path, "fix", "--journal", directory.appendingPathComponent("journal").path, "p"]
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("root without setpriv: cannot drop privileges") }
            // The unprivileged user must be able to reach and write the folder itself.
            for path in [directory.path, directory.appendingPathComponent("p").path] { chmod(path, 0o777) }
            // (Its own file: another user's is not replaced without --force, as it would change owner.)
            chown(directory.appendingPathComponent("p/ok.md").path, 65534, 65534)
            arguments = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        // That user's own journal key folder (the test process's is private to it).
        process.environment = ProcessInfo.processInfo.environment.merging(["MOJIFIX_STATE_DIR": directory.appendingPathComponent("state").path]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("p/secret.md: Permission denied"), stderr)
        XCTAssertTrue(stderr.contains("p/locked: permission denied"), stderr)
        chmod(directory.appendingPathComponent("p/secret.md").path, 0o644)
        chmod(directory.appendingPathComponent("p/locked").path, 0o755)
        assertBytesEqual(try read("p/ok.md"), Array(repaired.utf8))
        assertBytesEqual(try read("p/secret.md"), Array(garbled.utf8))
        assertBytesEqual(try read("p/locked/inside.md"), Array(garbled.utf8))
    }

    /// Files deleted while the batch runs: each is an error line, the others are fixed whole.
    func testFilesVanishingMidRun() throws {
        for index in 0..<400 { try write("v/\(index).md", Array((garbled + String(repeating: "본문 \(index)\n", count: 50)).utf8)) }
        let deleter = Thread {
            for index in stride(from: 399, through: 0, by: -2) { unlink(self.directory.appendingPathComponent("v/\(index).md").path) }
        }
        deleter.start()
        let fix = try CLIRunner.run(["fix", "v"], directory: directory)
        while deleter.isExecuting { usleep(1000) }
        XCTAssertTrue([1, 2].contains(fix.exitCode), fix.summary)   // never a crash
        for line in fix.stderrLines where line.hasPrefix("mojifix: error:") {
            XCTAssertTrue(line.contains("No such file or directory"), String(line))
        }
        for index in stride(from: 0, to: 400, by: 2) {
            assertBytesEqual(try read("v/\(index).md"), Array((repaired + String(repeating: "본문 \(index)\n", count: 50)).utf8))
        }
    }

    /// A generated archive (mixed encodings, garbled names, binaries) fixed, then undone: the tree
    /// (names as bytes, modes, contents) is exactly what it was.
    func testArchiveFixThenUndoRestoresTheTree() throws {
        let archive = directory.appendingPathComponent("archive")
        _ = try ByteTreeDigest.python(["import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
                                   CLIRunner.packageRoot.appendingPathComponent("Scripts/make_archive.py").path,
                                   archive.path, "--files", "400", "--seed", "7"])
        let before = try ByteTreeDigest.of(archive)
        XCTAssertGreaterThan(Int(before.split(separator: " ")[1])!, 400, before)   // files and their folders
        let fix = try CLIRunner.run(["fix", "--include", "*", "archive"], directory: directory, timeout: 300)
        XCTAssertTrue([1, 2, 3].contains(fix.exitCode), fix.summary)
        XCTAssertFalse(fix.stderr.contains("mojifix: error:"), fix.stderr)   // nothing in this archive is unreadable
        XCTAssertNotEqual(try ByteTreeDigest.of(archive), before)
        let undo = try CLIRunner.run(["undo"], directory: directory, timeout: 300)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual(try ByteTreeDigest.of(archive), before)
    }
}
