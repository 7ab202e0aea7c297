import Foundation
import XCTest

/// Byte-exact snapshot files in `Tests/MojifixCLITests/Snapshots/`.
///
/// `MOJIFIX_UPDATE_SNAPSHOTS=1 swift test --filter MojifixCLITests` writes the files instead of
/// comparing (review the diff before committing it); otherwise a missing file or any byte of
/// difference fails the test with a short diff.
enum Snapshot {
    static var isUpdating: Bool { ProcessInfo.processInfo.environment["MOJIFIX_UPDATE_SNAPSHOTS"] == "1" }

    static func url(_ name: String) -> URL { CLIRunner.snapshots.appendingPathComponent(name) }

    static func assertMatches(_ actual: [UInt8], named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = url(name)
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: CLIRunner.snapshots, withIntermediateDirectories: true)
                try Data(actual).write(to: url)
                print("note: wrote snapshot \(url.path) (\(actual.count) bytes)")
            } catch {
                XCTFail("cannot write snapshot \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            XCTFail("snapshot \(name) is missing; record it with MOJIFIX_UPDATE_SNAPSHOTS=1 and review it", file: file, line: line)
            return
        }
        let expectedBytes = [UInt8](expected)
        if actual != expectedBytes {
            XCTFail("output differs from snapshot \(name) (MOJIFIX_UPDATE_SNAPSHOTS=1 to re-record)\n"
                    + shortDiff(actual: actual, expected: expectedBytes), file: file, line: line)
        }
    }
}

extension Array where Element == UInt8 {
    /// The first `count` lines (each with its newline).
    func firstLines(_ count: Int) -> [UInt8] {
        var seen = 0
        for (index, byte) in enumerated() where byte == 0x0A {
            seen += 1
            if seen == count { return Array(self[...index]) }
        }
        return self
    }
}
