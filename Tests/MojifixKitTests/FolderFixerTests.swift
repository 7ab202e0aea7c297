import Foundation
import XCTest
import MojifixKit
import MojifixTestSupport

/// The "fix a folder" workflow called in-process: fix, check, undo and name repair give what the
/// command line gives (its end-to-end tests are in MojifixCLITests).
final class FolderFixerTests: XCTestCase {
    func testFixRepairsAndNormalisesThenUndoRestoresEveryByte() throws {
        let folder = try KitFixtures.folder(for: self)
        let garbled = folder.appendingPathComponent("garbled.md"), clean = folder.appendingPathComponent("clean.md")
        let original = try KitFixtures.bytes("Corpus/seeds/002.garbled.md")
        try Data(original).write(to: garbled)
        try Data(try KitFixtures.bytes("Corpus/markdown/seed-004.out.md")).write(to: clean)
        let fixer = FolderFixer(root: folder.path)

        let report = try fixer.fix([folder.path])
        XCTAssertEqual(report.exitStatus, .changed)
        XCTAssertNotNil(report.journalRun)
        XCTAssertEqual(report.files.first { $0.path.hasSuffix("garbled.md") }?.status, .repaired)
        XCTAssertEqual(report.files.first { $0.path.hasSuffix("clean.md") }?.status, .unchanged)
        XCTAssertEqual(try KitFixtures.read(garbled), try KitFixtures.bytes("Corpus/markdown/seed-002.out.md"))
        XCTAssertTrue(String(decoding: report.json, as: UTF8.self).hasPrefix("{\"command\": \"fix\", \"dry_run\": false, "))

        XCTAssertEqual(try fixer.fix([folder.path]).exitStatus, .clean, "nothing left to change")
        let restored = try fixer.undoLastRun()
        XCTAssertEqual(restored.count, 1, "\(restored)")
        XCTAssertEqual(try KitFixtures.read(garbled), original)
        XCTAssertThrowsError(try fixer.undoLastRun(), "nothing left to undo") { error in
            XCTAssertEqual((error as? WorkflowError)?.status, .failure)
        }
    }

    func testCheckAndDryRunWriteNothingAndReportWhatWouldChange() throws {
        let folder = try KitFixtures.folder(for: self)
        let garbled = folder.appendingPathComponent("notes.md")
        let original = Array("# \(Garbling.garble("한글 문서", macRoman: false))\n\n\(Garbling.garble("본문입니다. 깨진 글자를 고칩니다.", macRoman: false))\n".utf8)
        try Data(original).write(to: garbled)
        let fixer = FolderFixer(root: folder.path)

        let check = try fixer.check([folder.path])
        XCTAssertEqual(check.exitStatus, .changed)
        XCTAssertTrue(check.files[0].findings.contains { $0.contains(": error: mojibake: Repair ") }, "\(check.files[0].findings)")
        let dryRun = try fixer.fix([folder.path], dryRun: true)
        XCTAssertEqual(dryRun.exitStatus, .changed)
        XCTAssertNil(dryRun.journalRun)
        XCTAssertEqual(dryRun.files[0].chains.map(\.chain), ["encode windows-1252 -> decode UTF-8"])
        XCTAssertEqual(try KitFixtures.read(garbled), original, "check and --dry-run write nothing")
    }

    func testAmbiguousAndUnreadableFilesSetTheStatus() throws {
        let folder = try KitFixtures.folder(for: self)
        XCTAssertEqual(try FolderFixer(root: folder.path).check([folder.appendingPathComponent("missing.md").path]).exitStatus, .failure)
        XCTAssertTrue(ExitStatus.failure > ExitStatus.changed && ExitStatus.usage.rawValue == 64)
    }

    func testNameRepairRenamesAndUndoRenamesBack() throws {
        let folder = try KitFixtures.folder(for: self)
        let misread = Garbling.garble("한글.txt", macRoman: true)
        try Data("text\n".utf8).write(to: folder.appendingPathComponent(misread))
        let fixer = FolderFixer(root: folder.path)

        XCTAssertEqual(try fixer.repairNames([folder.path], apply: false), .changed)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [misread], "a dry run renames nothing")
        XCTAssertEqual(try fixer.repairNames([folder.path], apply: true), .changed)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.map { Array($0.utf8) },
                       [Array("한글.txt".utf8)])
        try fixer.undoLastRun()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.map { Array($0.utf8) },
                       [Array(misread.utf8)])
    }
}
