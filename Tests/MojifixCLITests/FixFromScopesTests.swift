import Foundation
import XCTest

/// `fix --from GLOB=CHARSET`: a charset forced on one folder only; UTF-8 files are never read
/// through it, so a second run changes nothing.
final class FixFromScopesTests: XCTestCase {
    func testScopedFromForcesOneFolderAndASecondRunChangesNothing() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        for folder in ["archive/sjis", "archive/other"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // `テスト` in Shift_JIS (Python: 'テスト\n'.encode('shift_jis')): too short to detect alone.
        let sjis: [UInt8] = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0A]
        try Data(sjis).write(to: directory.appendingPathComponent("archive/sjis/a.txt"))
        try Data(try Fixtures.bytes("Corpus/golden/raw-windows-949/ko-md-01.in")).write(to: directory.appendingPathComponent("archive/other/k.txt"))
        try Data("비 오는 날\n".utf8).write(to: directory.appendingPathComponent("archive/other/u.txt"))

        let first = try CLIRunner.run(["fix", "--from", "archive/sjis=shift_jis", "archive"], directory: directory)
        XCTAssertEqual(first.exitCode, 1, first.summary)
        XCTAssertEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("archive/sjis/a.txt"))), Array("テスト\n".utf8))
        XCTAssertEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("archive/other/u.txt"))), Array("비 오는 날\n".utf8))
        let korean = [UInt8](try Data(contentsOf: directory.appendingPathComponent("archive/other/k.txt")))
        XCTAssertNotNil(String(validating: korean, as: UTF8.self))  // detected as CP949, not forced

        let second = try CLIRunner.run(["fix", "--from", "archive/sjis=shift_jis", "--from", "euc-kr", "archive"], directory: directory)
        XCTAssertEqual(second.exitCode, 0, second.summary)
        XCTAssertEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("archive/sjis/a.txt"))), Array("テスト\n".utf8))
        XCTAssertEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("archive/other/k.txt"))), korean)
    }
}
