import Foundation
import XCTest

/// Lossy repairs are opt-in: listed by `explain` and `check`, made by `--lossy` or `lossy = true`.
final class LossyOptInCommandTests: XCTestCase {
    /// French misread as Windows-1252 with every NBSP turned into a space (`Ã ` lost a byte).
    let garbled = Array("Il est arrivÃ© Ã  lâ€™heure, trÃ¨s tÃ´t. Ã  la fin, il Ã©tait lÃ .\nUn cafÃ© trÃ¨s chaud, Ã  emporter.\n".utf8)

    func testRepairMakesOnlyLosslessChangesUnlessAsked() throws {
        let plain = try CLIRunner.run(["repair", "-"], stdin: garbled)
        XCTAssertEqual(plain.exitCode, 0, plain.summary)
        XCTAssertTrue(String(decoding: plain.stdout, as: UTF8.self).contains("arrivé Ã  l’heure"), plain.summary)
        let lossy = try CLIRunner.run(["repair", "--lossy", "-"], stdin: garbled)
        XCTAssertTrue(String(decoding: lossy.stdout, as: UTF8.self).contains("arrivé à l’heure"), lossy.summary)
    }

    func testExplainAndCheckListTheLossyRepairsNotMade() throws {
        let explain = try CLIRunner.run(["explain", "-"], stdin: garbled)
        XCTAssertTrue(String(decoding: explain.stdout, as: UTF8.self).contains("LOSSY, not made (--lossy makes it)"), explain.summary)
        let directory = try Fixtures.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("note.md")
        try Data(garbled).write(to: file)
        let check = try CLIRunner.run(["check", "--no-config", file.path])
        XCTAssertTrue(String(decoding: check.stdout, as: UTF8.self).contains("mojibake-lossy: Lossy repair not made"), check.summary)
    }

    func testConfigurationTurnsLossyOnAndExcludesFiles() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        try Data(garbled).write(to: directory.appendingPathComponent("note.md"))
        try Data(garbled).write(to: directory.appendingPathComponent("fixture.md"))
        try Data("lossy = true\nexclude = [\"fixture.md\"]\n".utf8).write(to: directory.appendingPathComponent(".mojifix.toml"))
        // Run from the folder: fix rewrites only below the repository root it stands in.
        let fix = try CLIRunner.run(["fix", "--config", ".mojifix.toml", "--journal", "journal", "."], directory: directory)
        XCTAssertEqual(fix.exitCode, 1, fix.summary)  // 1: files were changed
        let note = try Data(contentsOf: directory.appendingPathComponent("note.md"))
        XCTAssertTrue(String(decoding: note, as: UTF8.self).contains("arrivé à l’heure"))
        XCTAssertEqual([UInt8](try Data(contentsOf: directory.appendingPathComponent("fixture.md"))), garbled)
    }
}
