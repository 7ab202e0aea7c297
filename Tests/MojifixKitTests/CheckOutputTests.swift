import XCTest
import MojifixKit

/// `CheckOutput`: the text lines built as bytes equal each finding's `text`, and the summary
/// counts a rule's files once each even when their findings interleave.
final class CheckOutputTests: XCTestCase {
    private func finding(_ path: String, _ rule: String, _ severity: CheckFinding.Severity, line: Int) -> CheckFinding {
        CheckFinding(path: path, line: line, column: line * 7 + 1, rule: rule, message: "\"Ã©\" -> \"é\" 한 \(line)", severity: severity)
    }

    func testTextLinesAndSummary() {
        let findings = [finding("a.md", "mojibake", .error, line: 1), finding("b.md", "mojibake", .error, line: 10),
                        finding("a.md", "mojibake", .error, line: 120), finding("a.md", "bidi", .warning, line: 0),
                        finding("c d.md", "bidi", .info, line: 99_999)]
        let output = CheckOutput(findings: findings, flavor: "gfm")
        let want = findings.map(\.text).joined(separator: "\n") + "\n"
        XCTAssertEqual(output.textLines, Array(want.utf8))
        XCTAssertEqual(findings[0].text, "a.md:1:8: error: mojibake: \"Ã©\" -> \"é\" 한 1")
        let summary = output.summary
        XCTAssertEqual(summary.map(\.rule), ["mojibake", "bidi"])
        XCTAssertEqual(summary.map(\.findings), [3, 2])
        XCTAssertEqual(summary.map(\.files), [2, 2])
        XCTAssertEqual(summary.map(\.severity), [.error, .warning])
    }

    func testSharedMessagesPrintAsTheirOwnWould() {
        let messages = ["Repair \"Ã«Ã\" -> \"모델\" (encode macintosh -> decode UTF-8)", "", "한 \"\\n\""]
        let shared = CheckFinding.SharedBytes(messages.flatMap { Array($0.utf8) })
        var start = 0
        for (k, message) in messages.enumerated() {
            let end = start + message.utf8.count
            let own = CheckFinding(path: "p.md", line: k + 1, column: 3, rule: "mojibake", message: message, severity: .error)
            let viaShared = CheckFinding(path: "p.md", line: k + 1, column: 3, rule: "mojibake", shared: shared, range: start..<end, severity: .error)
            XCTAssertEqual(Array(viaShared.message.utf8), Array(message.utf8))
            XCTAssertEqual(Array(viaShared.text.utf8), Array(own.text.utf8))
            start = end
        }
    }
}
