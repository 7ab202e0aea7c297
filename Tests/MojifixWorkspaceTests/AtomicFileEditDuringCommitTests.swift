import Foundation
import MojifixWorkspace
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

    func testWithoutAnEditTheNewBytesAreInPlace() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        try staged.commit()
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "café crème\n")
    }

    func testAnEditBeforeTheCheckIsLeftAlone() throws {
        let (staged, target, fd) = try staged("cafÃ© crÃ¨me\n", "café crème\n")
        defer { close(fd) }
        try Data("edited before the check\n".utf8).write(to: target)
        XCTAssertThrowsError(try staged.commit())
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "edited before the check\n")
    }
}
