import Foundation
@testable import MojifixWorkspace
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// An edit saved between the last check of a commit and its rename (in place, truncate and write,
/// or a new file renamed over the old one) is never overwritten: the new bytes are swapped in
/// (renameat2 RENAME_EXCHANGE), and when what came out is not the file as read, swapped back; the
/// file is reported as changed while mojifix ran. (The KillTests hit this window under load.)
final class AtomicFileEditDuringCommitTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-commit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { _ = try? FileManager.default.removeItem(at: folder) }

    private func staged(_ before: String, _ after: String) throws -> (AtomicFile.Staged, URL, Int32) {
        let target = folder.appendingPathComponent("post.md")
        try Data(before.utf8).write(to: target)
        // Older than the racy second, so that the stamp alone decides (the slow path is the other test).
        var times = [timespec(tv_sec: time(nil) - 10, tv_nsec: 0), timespec(tv_sec: time(nil) - 10, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, target.path, &times, 0), 0)
        let (_, stamp) = try AtomicFile.read(RawPath(target.path))
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        let staged = try AtomicFile.stage(Array(after.utf8), in: fd, name: Array("post.md".utf8), shown: RawPath("post.md"),
                                          like: stamp, mode: 0o644, sync: false)
        return (staged, target, fd)
    }

    func testAnEditBetweenTheCheckAndTheRenameIsPutBack() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        staged.leases = false  // (the edit is this process's: it would wait on the lease)
        staged.beforeRename = { try? Data("edited while mojifix ran\n".utf8).write(to: target) }
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "edited while mojifix ran\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(left, ["post.md"], "no temporary file is left")
    }

    /// Where the file system cannot swap: the file as checked is held open through the rename,
    /// and an edit saved in place meanwhile is put back.
    func testWithoutTheSwapAnEditSavedInPlaceIsPutBack() throws {
        let (held, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        held.swaps = false
        held.leases = false
        held.beforeRename = { try? Data("edited while mojifix ran\n".utf8).write(to: target) }
        XCTAssertThrowsError(try held.commit()) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "edited while mojifix ran\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["post.md"])
        let (plain, _, fd2) = try staged("cafÃ©\n", "café\n")
        defer { close(fd2) }
        plain.swaps = false
        try plain.commit()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "café\n")
    }

    /// An editor that saves a new file and renames it over the old one, in the same window.
    func testAFileRenamedThereBetweenTheCheckAndTheRenameIsKept() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        staged.beforeRename = { try? Data("saved by an editor\n".utf8).write(to: target, options: .atomic) }
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "saved by an editor\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["post.md"])
    }

    /// Whether this file system gives leases (ext4, tmpfs and btrfs do; some network ones not).
    private func leasesWork() throws -> Bool {
        let probe = folder.appendingPathComponent("probe")
        try Data("x".utf8).write(to: probe)
        defer { try? FileManager.default.removeItem(at: probe) }
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        guard case .held(let lease) = WriterLease.take(in: fd, Array("probe".utf8)) else { return false }
        lease.release()
        return true
    }

    /// A process holding the file open for writing (appending to a log) would go on writing into
    /// the file a replacement unlinks: the file is left alone, and says why.
    func testAFileOpenForWritingInAnotherProcessIsLeftAlone() throws {
        guard try leasesWork() else { throw XCTSkip("no leases on this file system") }
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "exec 3>>\"$0\"; echo open; exec sleep 30", target.path]
        let ready = Pipe()
        writer.standardOutput = ready
        try writer.run()
        defer { writer.terminate(); writer.waitUntilExit() }
        _ = ready.fileHandleForReading.availableData  // ("open": the log is open for appending)
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed, "\(error)")
            XCTAssertTrue("\(error)".contains("open for writing in another program"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "cafÃ© crÃ¨me\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["post.md"])
    }

    /// A process opening the file for writing during the commit waits on the lease and finds the
    /// file as it was: the new bytes are swapped back out, the file reported as changed.
    func testAnOpenForWritingDuringTheCommitGetsTheFileBack() throws {
        guard try leasesWork() else { throw XCTSkip("no leases on this file system") }
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        var opened: Int32 = 0, error: Int32 = 0
        // (Non-blocking: the open fails at once, the lease break begun; a blocking one would wait.)
        staged.beforeRename = { opened = open(target.path, O_WRONLY | O_NONBLOCK); error = errno }
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual((error as? AtomicFile.Failure)?.kind, .changed, "\(error)")
        }
        XCTAssertEqual(opened, -1)
        XCTAssertEqual(error, EWOULDBLOCK)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "cafÃ© crÃ¨me\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["post.md"])
    }

    func testWithoutAnEditTheNewBytesAreInPlace() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        try staged.commit()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "café crème\n")
    }

    /// A name of 255 bytes (NAME_MAX) leaves no room for the temporary file's suffix: its head
    /// stands for it, and a later run still tells whose temporary file it is.
    func testANameAtTheLengthLimitIsRewritten() throws {
        let name = Array(repeating: UInt8(ascii: "a"), count: 252) + Array(".md".utf8)
        let target = folder.appendingPathComponent(String(decoding: name, as: UTF8.self))
        try Data("cafÃ©\n".utf8).write(to: target)
        let (_, stamp) = try AtomicFile.read(RawPath(target.path))
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        let staged = try AtomicFile.stage(Array("café\n".utf8), in: fd, name: name, shown: RawPath(name), like: stamp, mode: 0o644, sync: false)
        XCTAssertLessThanOrEqual(staged.temporary.count, 255)
        XCTAssertEqual(AtomicFile.writerPid(ofTemporary: staged.temporary), getpid())
        try staged.commit()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "café\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 1)
    }

    func testAnEditBeforeTheCheckIsLeftAlone() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        try Data("edited before the check\n".utf8).write(to: target)
        XCTAssertThrowsError(try staged.commit())
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "edited before the check\n")
    }
}
