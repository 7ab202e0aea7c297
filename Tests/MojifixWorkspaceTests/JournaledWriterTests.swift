import Foundation
import MojifixTestSupport
@testable import MojifixWorkspace
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The journaled writer never overwrites an edit made after the read, never writes through a
/// folder swapped for a symlink, and appends journal entries whole or not at all.
final class JournaledWriterTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        IsolatedJournalKey.use()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("posts"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = try? FileManager.default.removeItem(at: root)
    }

    func writer() -> (JournaledWriter, Journal) {
        let journal = Journal(folder: root.appendingPathComponent(".mojifix/journal").path, root: Beneath(root: root.path))
        return (JournaledWriter(journal: journal, group: "test"), journal)
    }

    /// Reads a file as `fix` does and returns what `replace` needs.
    func read(_ relative: String) throws -> (bytes: [UInt8], stamp: FileStamp, entry: (String) -> JournalEntry) {
        let (bytes, stamp) = try AtomicFile.read(RawPath(root.appendingPathComponent(relative).path))
        return (bytes, stamp, { after in
            JournalEntry(path: RawPath(relative), mode: stamp.mode & 0o7777, sha256Before: SHA256.hex(bytes),
                         sha256After: SHA256.hex(Array(after.utf8)), original: bytes)
        })
    }

    func text(_ relative: String) throws -> String { String(decoding: try Data(contentsOf: root.appendingPathComponent(relative)), as: UTF8.self) }

    /// Another user's file this user may not write is never replaced (the folder may allow the
    /// rename; the file would become this user's), not even with `force`; one's own read-only
    /// file is `force`'s; group and other bits give others the right.
    func testOnlyFilesThisUserMayWriteAreReplaced() {
        var stamp = FileStamp(stat())
        stamp.links = 1
        stamp.owner = 0; stamp.group = 0; stamp.mode = UInt32(S_IFREG) | 0o644
        XCTAssertFalse(JournaledWriter.mayWrite(stamp, uid: 65534, groups: [65534]))
        XCTAssertTrue(JournaledWriter.mayWrite(stamp, uid: 0, groups: [0]))
        XCTAssertFalse(JournaledWriter.mayWrite(stamp, uid: 1000, groups: [1000, 0]))
        stamp.mode = UInt32(S_IFREG) | 0o664
        XCTAssertTrue(JournaledWriter.mayWrite(stamp, uid: 1000, groups: [1000, 0]))
        XCTAssertFalse(JournaledWriter.mayWrite(stamp, uid: 1000, groups: [1000]))
        stamp.mode = UInt32(S_IFREG) | 0o646
        XCTAssertTrue(JournaledWriter.mayWrite(stamp, uid: 1000, groups: [1000]))
        stamp.owner = 1000; stamp.mode = UInt32(S_IFREG) | 0o444
        XCTAssertTrue(JournaledWriter.mayWrite(stamp, uid: 1000, groups: [1000]))
        stamp.owner = 0; stamp.group = 0; stamp.mode = UInt32(S_IFREG) | 0o644
        XCTAssertNotNil(JournaledWriter.refusal(stamp, force: true, uid: 1000))
        // Writable by others, but replacing it would make it the caller's: only with --force.
        stamp.mode = UInt32(S_IFREG) | 0o666
        XCTAssertNotNil(JournaledWriter.refusal(stamp, force: false, uid: 1000))
        XCTAssertNil(JournaledWriter.refusal(stamp, force: true, uid: 1000))
        XCTAssertNil(JournaledWriter.refusal(stamp, force: false, uid: 0))
    }

    func testAnEditSavedBeforeTheStagingIsLeftAlone() throws {
        try Data("old\n".utf8).write(to: root.appendingPathComponent("posts/a.md"))
        let file = try read("posts/a.md")
        try Data("edited in the editor\n".utf8).write(to: root.appendingPathComponent("posts/a.md"))
        let (writer, _) = writer()
        XCTAssertThrowsError(try writer.replace(RawPath("posts/a.md"), with: Array("new\n".utf8), entry: file.entry("new\n"), stamp: file.stamp)) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed)
        }
        XCTAssertEqual(try text("posts/a.md"), "edited in the editor\n")
    }

    /// The rename happens up to a chunk later: an edit saved in between is still seen.
    func testAnEditSavedBeforeTheRenameIsLeftAloneAndReported() throws {
        for name in ["a.md", "b.md"] { try Data("old \(name)\n".utf8).write(to: root.appendingPathComponent("posts/\(name)")) }
        let (writer, journal) = writer()
        for name in ["a.md", "b.md"] {
            let file = try read("posts/\(name)")
            try writer.replace(RawPath("posts/\(name)"), with: Array("new\n".utf8), entry: file.entry("new\n"), stamp: file.stamp)
        }
        try Data("saved meanwhile\n".utf8).write(to: root.appendingPathComponent("posts/a.md"))
        let (run, failed, _) = writer.finish()
        XCTAssertNotNil(run)
        // The file left alone is no entry of the run: undo neither restores it nor waits on it.
        let paths = try journal.entries(of: try XCTUnwrap(run)).compactMap { entry -> RawPath? in
            if case .content(let content) = entry.change { return content.path } else { return nil }
        }
        XCTAssertEqual(paths, [RawPath("posts/b.md")])
        XCTAssertEqual(failed.map(\.path), [RawPath("posts/a.md")])
        XCTAssertEqual(failed.first?.kind, .changed)
        XCTAssertEqual(try text("posts/a.md"), "saved meanwhile\n")
        XCTAssertEqual(try text("posts/b.md"), "new\n")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("posts").path).contains { $0.contains(".mojifix-") })
    }

    /// An edit that keeps the file's inode, size and modification time (written in place, the
    /// time set back) is caught before the rename: the stamp holds the change time too, which no
    /// user can set back.
    func testAnEditKeepingSizeAndTimeIsCaughtByItsStamp() throws {
        let path = root.appendingPathComponent("posts/a.md")
        try Data("old a.md\n".utf8).write(to: path)
        let (writer, _) = writer()
        let file = try read("posts/a.md")
        try writer.replace(RawPath("posts/a.md"), with: Array("new\n".utf8), entry: file.entry("new\n"), stamp: file.stamp)
        let modified = try FileManager.default.attributesOfItem(atPath: path.path)[.modificationDate] as! Date
        let handle = try FileHandle(forWritingTo: path)
        try handle.write(contentsOf: Data("OLD".utf8))  // same size, same inode
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path.path)
        let (_, failed, _) = writer.finish()
        XCTAssertEqual(failed.map(\.path), [RawPath("posts/a.md")])
        XCTAssertEqual(try text("posts/a.md"), "OLD a.md\n")
    }

    /// A folder swapped for a symlink after the read: the write goes nowhere (and never through the link).
    /// posts/a.md and outside/a.md hold "old"; `swap` moves posts to moved/ and puts a symlink to outside/ in its place.
    func makeSwappable() throws -> (swap: () throws -> Void, read: () throws -> (bytes: [UInt8], stamp: FileStamp, entry: (String) -> JournalEntry)) {
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: root.appendingPathComponent("posts/a.md"))
        try Data("old\n".utf8).write(to: outside.appendingPathComponent("a.md"))
        return ({
            try FileManager.default.moveItem(at: self.root.appendingPathComponent("posts"), to: self.root.appendingPathComponent("moved"))
            try FileManager.default.createSymbolicLink(atPath: self.root.appendingPathComponent("posts").path, withDestinationPath: outside.path)
        }, { try self.read("posts/a.md") })
    }

    func testAFolderSwappedForASymlinkIsNotFollowed() throws {
        let (swap, read) = try makeSwappable()
        let file = try read()
        try swap()
        let (writer, _) = writer()
        XCTAssertThrowsError(try writer.replace(RawPath("posts/a.md"), with: Array("new\n".utf8), entry: file.entry("new\n"), stamp: file.stamp)) { error in
            XCTAssertTrue("\(error)".contains("is a symlink or not a folder"), "\(error)")
        }
        XCTAssertEqual(try text("outside/a.md"), "old\n")
        XCTAssertEqual(try text("moved/a.md"), "old\n")
    }

    /// Swapped after the staging: the rename happens in the folder that was opened (the real one).
    func testAFolderSwappedAfterStagingStillWritesOnlyWhereItRead() throws {
        let (swap, read) = try makeSwappable()
        let file = try read()
        let (writer, _) = writer()
        try writer.replace(RawPath("posts/a.md"), with: Array("new\n".utf8), entry: file.entry("new\n"), stamp: file.stamp)
        try swap()
        _ = writer.finish()
        XCTAssertEqual(try text("outside/a.md"), "old\n")
        XCTAssertEqual(try text("moved/a.md"), "new\n")
    }

    func testJournalPathsAreConfinedComponents() throws {
        for bad in ["/etc/passwd", "../x", "a/../b", "a//b", "./a", ""] {
            XCTAssertThrowsError(try Beneath.components(RawPath(bad)), bad)
        }
        XCTAssertEqual(try Beneath.components(RawPath("a/b.md")), [Array("a".utf8), Array("b.md".utf8)])
    }

    /// Disk full during an append (a 64 KiB tmpfs, when root): the failed entry is cut off, so the
    /// file holds whole lines only and the next append is not glued to a half line.
    func testAFailedAppendLeavesNoHalfLine() throws {
        guard geteuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
        let small = root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = try CLIProcess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path])
        guard mount == 0 else { throw XCTSkip("cannot mount a tmpfs here") }
        defer { _ = try? CLIProcess.run("/bin/umount", [small.path]) }
        let journal = Journal(folder: small.appendingPathComponent("journal").path, root: Beneath(root: root.path))
        let run = try journal.start(group: "test")
        let entry = { (size: Int) in
            JournalEntry(path: RawPath("a.md"), mode: 0o644, sha256Before: String(repeating: "0", count: 64),
                         sha256After: String(repeating: "1", count: 64), original: [UInt8](repeating: 0x61, count: size))
        }
        try run.append(entry(10_000))
        XCTAssertThrowsError(try run.append(entry(200_000)))
        try run.append(entry(100))  // fits again after the cut
        let bytes = [UInt8](try Data(contentsOf: small.appendingPathComponent("journal/\(run.name)")))
        XCTAssertEqual(bytes.last, 0x0A)
        let lines = bytes.split(separator: 0x0A)
        XCTAssertEqual(lines.count, 3)  // root line, the 10,000-byte entry, the 100-byte entry
        XCTAssertEqual(try journal.entries(of: run.name).count, 2)
    }
}

/// A plain process run for the test's own setup (mount, umount).
enum CLIProcess {
    static func run(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
