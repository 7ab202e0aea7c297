import Foundation
import XCTest

/// Two promises of the README's safety section about a run's bounds: a run made under another
/// root is refused, and a last line cut short (an append a kill interrupted before any file was
/// replaced) is left out while the rest of the run is undone.
final class JournalRunBoundsTests: XCTestCase {
    func makeTree(in directory: URL) throws -> URL {
        let posts = directory.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try Data(try Fixtures.bytes("Corpus/seeds/002.garbled.md")).write(to: posts.appendingPathComponent("garbled.md"))
        try Data("# 제목\n\n본문   \n".utf8).write(to: posts.appendingPathComponent("spaces.md"))
        return posts
    }

    func runFile(in root: URL) throws -> URL {
        let journal = root.appendingPathComponent(".mojifix/journal")
        let runs = try FileManager.default.contentsOfDirectory(atPath: journal.path).filter { $0.hasSuffix(".jsonl") }
        XCTAssertEqual(runs.count, 1, "\(runs)")
        return journal.appendingPathComponent(runs[0])
    }

    func testARunMadeUnderAnotherRootIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let first = directory.appendingPathComponent("first")
        _ = try makeTree(in: first)
        let fix = try CLIRunner.run(["fix", "posts"], directory: first)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        // The whole tree, journal included, moved elsewhere: its run names the old root.
        let moved = directory.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: first, to: moved)
        let fixed = try Data(contentsOf: moved.appendingPathComponent("posts/garbled.md"))
        let undo = try CLIRunner.run(["undo"], directory: moved)
        XCTAssertEqual(undo.exitCode, 2, undo.summary)
        XCTAssertTrue(undo.stderr.contains("made under \(first.path), not \(moved.path)"), undo.stderr)
        XCTAssertEqual(try Data(contentsOf: moved.appendingPathComponent("posts/garbled.md")), fixed)
    }

    func testALastLineCutShortIsLeftOutAndTheRestUndone() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = try makeTree(in: directory)
        let fix = try CLIRunner.run(["fix", "posts"], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)
        let handle = try FileHandle(forWritingTo: try runFile(in: directory))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"path\":\"posts/spa".utf8))
        try handle.close()
        let undo = try CLIRunner.run(["undo"], directory: directory)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        XCTAssertEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("garbled.md"))), try Fixtures.bytes("Corpus/seeds/002.garbled.md"))
        XCTAssertEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("spaces.md"))), Array("# 제목\n\n본문   \n".utf8))
    }
}
