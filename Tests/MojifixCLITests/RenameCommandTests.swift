import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `mojifix rename`: the folder options, --diff (git's rename diff, which `git apply` replays),
/// --report, and names whose bytes an extractor replaced, reported as unrecoverable.
final class RenameCommandTests: XCTestCase {
    var directory: URL!
    let misread = "ÌïúÍ∏Ä.txt"                                 // `한글.txt` in UTF-8 read as Mac OS Roman
    let rawCP949: [UInt8] = [0xB9, 0xAE, 0xBC, 0xAD, 0x2E, 0x6D, 0x64]   // `문서.md` in CP949

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
        try touch(Array(misread.utf8))
        try touch(Array("drafts/".utf8) + rawCP949)
    }

    func touch(_ relative: [UInt8]) throws {
        let path = Array(directory.path.utf8) + [0x2F] + relative
        if let slash = relative.lastIndex(of: 0x2F) {
            mkdir(String(decoding: Array(directory.path.utf8) + [0x2F] + relative[..<slash], as: UTF8.self), 0o755)
        }
        let fd = (path + [0]).withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
    }

    func testExcludeAndIncludeChooseTheNames() throws {
        let all = try CLIRunner.run(["rename", "."], directory: directory)
        XCTAssertEqual(all.exitCode, 1, all.summary)
        XCTAssertEqual(String(decoding: all.stdout, as: UTF8.self).split(separator: "\n").count, 2, all.summary)
        let excluded = try CLIRunner.run(["rename", "--exclude", "drafts/", "."], directory: directory)
        XCTAssertEqual(String(decoding: excluded.stdout, as: UTF8.self),
                       "would rename ./\(misread) -> 한글.txt  (encode macintosh -> decode UTF-8)\n", excluded.summary)
        let included = try CLIRunner.run(["fix", "--names", "--include", "*.md", "."], directory: directory)
        XCTAssertTrue(String(decoding: included.stdout, as: UTF8.self).hasSuffix("-> 문서.md  (decode windows-949)\n"), included.summary)
        XCTAssertFalse(String(decoding: included.stdout, as: UTF8.self).contains("한글"), included.summary)
    }

    func testDiffIsGitsRenameDiffAndWritesNothing() throws {
        for arguments in [["rename", "--diff", "--exclude", "drafts/", "."], ["fix", "--names", "--diff", "--exclude", "drafts/", "."]] {
            let diff = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(diff.exitCode, 1, diff.summary)
            // (Quoted as git quotes names that are not ASCII: octal bytes.)
            let from = Array(misread.utf8).map { $0 >= 0x80 ? "\\" + String($0, radix: 8) : String(UnicodeScalar($0)) }.joined(), to = #"\355\225\234\352\270\200.txt"#
            XCTAssertEqual(String(decoding: diff.stdout, as: UTF8.self),
                           "diff --git \"a/\(from)\" \"b/\(to)\"\nsimilarity index 100%\nrename from \"\(from)\"\nrename to \"\(to)\"\n")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(misread).path))
        // git replays it.
        try FileManager.default.removeItem(at: directory.appendingPathComponent("drafts"))
        let diff = try CLIRunner.run(["rename", "--diff", "."], directory: directory).stdout
        try Data(diff).write(to: directory.appendingPathComponent("../rename.patch"))
        let env: [String: String?] = ["GIT_CONFIG_GLOBAL": "/dev/null"]
        try Tool.succeed(["git", "init", "-q"], in: directory, environment: env)
        try Tool.succeed(["git", "add", "-A"], in: directory, environment: env)
        try Tool.succeed(["git", "-c", "user.name=t", "-c", "user.email=t@mojifix.invalid", "commit", "-q", "-m", "a"], in: directory, environment: env)
        try Tool.succeed(["git", "apply", "-p1", "../rename.patch"], in: directory, environment: env)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("한글.txt").path))
    }

    func testReportListsEveryName() throws {
        let result = try CLIRunner.run(["rename", "--apply", "--report", "out/r.json", "--exclude", "out/", "."], directory: directory)
        XCTAssertEqual(result.exitCode, 1, result.summary)
        let report = String(decoding: try Data(contentsOf: directory.appendingPathComponent("out/r.json")), as: UTF8.self)
        XCTAssertTrue(report.hasPrefix("{\"command\": \"rename\", \"dry_run\": false, \"journal\": \""), report)
        XCTAssertTrue(report.contains("\"status\": \"renamed\", \"new_name\": \"문서.md\", \"plan\": \"decode windows-949\""), report)
        XCTAssertTrue(report.contains("{\"path\": \"./\(misread)\", \"status\": \"renamed\", \"new_name\": \"한글.txt\""), report)
        XCTAssertTrue(report.hasSuffix("\"summary\": {\"renamed\": 2, \"problems\": 0}}\n"), report)
    }

    /// `unzip` without -O replaced the CP949 bytes it could not show: the name is gone, and no
    /// guess is offered.
    func testNamesWhoseBytesWereReplacedAreUnrecoverable() throws {
        try touch(Array("lost/".utf8) + [0x3F, 0x3F, 0xC0, 0xDF, 0x2E, 0x74, 0x78, 0x74])        // `??` + raw `잘` + .txt
        try touch(Array("lost/".utf8) + [0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD, 0x2E, 0x6D, 0x64])  // U+FFFD U+FFFD .md
        try touch(Array("lost/why?.md".utf8))                                                    // clean: left alone
        let result = try CLIRunner.run(["rename", "--apply", "lost"], directory: directory)
        XCTAssertEqual(result.exitCode, 2, result.summary)
        XCTAssertEqual(result.stdout, [], result.summary)
        let lines = result.stderrLines.filter { $0.hasPrefix("mojifix: unrecoverable: ") }
        XCTAssertEqual(lines.count, 2, result.summary)
        XCTAssertTrue(lines.allSatisfy { $0.contains("unzip -O cp949") && $0.contains("bsdtar") }, result.summary)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("lost").path)
        XCTAssertEqual(names.count, 3)
    }

    /// A folder holding the journal folder keeps its name (renamed, it would carry the journal away
    /// from where `undo` looks for it); the other names are repaired, and undo finds the run.
    func testTheFoldersHoldingTheJournalAreNotRenamed() throws {
        let held = "docs/ÏùºÍ∞Ñ", other = "docs/ÌïúÍ∏Ä"          // `일간`, `한글` read as Mac OS Roman
        for file in ["\(held)/a.md", "\(other)/b.md"] {
            let url = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: url)
        }
        try Data("[journal]\nfolder = \"\(held)/j\"\n".utf8).write(to: directory.appendingPathComponent(".mojifix.toml"))
        for arguments in [["rename", "--apply", "docs"], ["rename", "--apply", held], ["rename", "--apply", "--journal", "\(held)/k", "docs"]] {
            let rename = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(rename.exitCode, 2, rename.summary)
            XCTAssertTrue(rename.stderr.contains("left alone: \(held) holds the journal folder"), rename.stderr)
            XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(held)/a.md").path), "\(arguments)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("docs/한글/b.md").path))
        let undo = try CLIRunner.run(["undo", "--all"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("\(other)/b.md").path), undo.summary)
    }
}
