import Foundation
import XCTest

/// Contract points that once failed (a stray NUL read as UTF-16; a one-character CP949 file
/// decoded with the wrong charset): they assert the documented behaviour, not how it is met.
final class ContractGapTests: XCTestCase {
    /// "binary input such as NUL bytes" is exit 2. Mostly-ASCII text with one stray NUL and an
    /// even length is instead read as UTF-16 and "repaired" into CJK (`Hello, world\0\n` ->
    /// `䡥汬漬⁷潲汤`, exit 0).
    func testTextWithAStrayNULIsBinary() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let inputs: [String: [UInt8]] = [
            "hello.txt": Array("Hello, world".utf8) + [0x00, 0x0A],
            "abc.txt": Array("abc".utf8) + [0x00] + Array("def\n".utf8),
        ]
        for (name, bytes) in inputs.sorted(by: { $0.key < $1.key }) {
            try Data(bytes).write(to: directory.appendingPathComponent(name))
            let result = try CLIRunner.run(["repair", name], directory: directory)
            XCTAssertEqual(result.exitCode, 2, "text with a NUL byte must be refused as binary: \(result.summary)")
            XCTAssertEqual(result.stdout, [], result.summary)
        }
    }

    /// A reversible tool may refuse a short legacy input (exit 3, "choose one with --from"), but
    /// must not decode it silently with the wrong charset (and call that "confidence 1.0").
    /// Seen: `ko-word-04` `8C 63` (`똠`) -> `깎` as Johab; `ko-word-06` `C1 64` (`햏`) -> `셤` as
    /// UTF-16BE; `ko-uhc-03` (`똠 뷁 똭`) -> `깎 덡 깙` as Johab in one build, exit 3 in the next.
    func testShortCP949InputIsRightOrRefused() throws {
        let folder = "Corpus/golden/raw-windows-949"
        for name in ["ko-uhc-03", "ko-word-04", "ko-word-06"] {
            let result = try CLIRunner.run(["repair", "\(folder)/\(name).in"])
            if result.exitCode == 3 { continue }
            XCTAssertEqual(result.exitCode, 0, result.summary)
            assertBytesEqual(result.stdout, try Fixtures.bytes("\(folder)/\(name).out"),
                             "\(name): wrong text with exit 0 (expected the right text or exit 3)")
        }
    }
}
