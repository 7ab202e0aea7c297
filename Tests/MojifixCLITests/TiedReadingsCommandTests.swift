import Foundation
import XCTest

/// Readings nothing tells apart (Windows-1250 and ISO-8859-2, see `TiedReadingsTests`) through
/// the binary: a text with nothing else to repair is refused (exit 3, unchanged), and a line left
/// as written among repaired ones is listed by `explain` (text and JSON) and `check`.
final class TiedReadingsCommandTests: XCTestCase {
    /// German through Windows-1250 (`ä` reads alike in both), then `¥` (`ÂĄ`, `¡` through ISO-8859-2).
    let mixed = Array("M\u{102}\u{A4}dchen sp\u{102}\u{A4}t K\u{102}\u{A4}se ist gut.\nPreis: 100 \u{C2}\u{104} heute\n".utf8)

    func testAWordBothReadingsMakeIsRefusedUnchanged() throws {
        let run = try CLIRunner.run(["repair", "-"], stdin: Array("jam\u{102}\u{104}s\n".utf8))
        XCTAssertEqual(run.exitCode, 3, run.summary)
        XCTAssertTrue(run.stdout.isEmpty, run.summary)
        XCTAssertTrue(run.stderr.contains("could be UTF-8 read as windows-1250 or UTF-8 read as ISO-8859-2; not changed"),
                      run.summary)
    }

    func testALineLeftAsWrittenIsListed() throws {
        let repair = try CLIRunner.run(["repair", "-"], stdin: mixed)
        XCTAssertEqual(String(decoding: repair.stdout, as: UTF8.self), "Mädchen spät Käse ist gut.\nPreis: 100 \u{C2}\u{104} heute\n", repair.summary)
        let explain = try CLIRunner.run(["explain", "-"], stdin: mixed)
        XCTAssertTrue(String(decoding: explain.stdout, as: UTF8.self).contains("2:12 \"ÂĄ\" info: left as written, readings tie"), explain.summary)
        let json = try CLIRunner.run(["explain", "--json", "-"], stdin: mixed)
        XCTAssertTrue(String(decoding: json.stdout, as: UTF8.self).contains("\"ambiguous_left\": [{\"line\": 2, \"column\": 12"), json.summary)
        let directory = try Fixtures.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("prices.txt")
        try Data(mixed).write(to: file)
        let check = try CLIRunner.run(["check", "--no-config", file.path])
        XCTAssertTrue(String(decoding: check.stdout, as: UTF8.self).contains("2:12: warning: mojibake-ambiguous"), check.summary)
    }
}
