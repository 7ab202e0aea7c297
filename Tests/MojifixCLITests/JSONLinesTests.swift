import Foundation
import XCTest

/// `mojifix repair --jsonl [--field F]`: the field repaired, every other byte kept, order kept,
/// bad lines passed through with a message and exit 2.
final class JSONLinesTests: XCTestCase {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    private func run(_ input: String, _ extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try CLIRunner.run(["repair", "--jsonl"] + extra, stdin: bytes(input), file: file, line: line)
    }

    // UTF-8 Korean read as Mac OS Roman, as Python's json.dumps writes it (ensure_ascii) and raw.
    let garbledEscaped = #""\u00cf\u00f9\u00ba\u00cd\u221e\u00d1 \u00cf\u00a2\u00e3\u00cf\u00ef\u00d1\u00cf\u00f6\u00ee \u00cf\u00e0\u00fa\u00cf\u00fa\u00d1""#
    let repairedEscaped = #""\uc77c\uac04 \uc88b\uc544\uc694 \uc21c\uc704""#
    let garbledRaw = #""ÏùºÍ∞Ñ Ï¢ãÏïÑÏöî ÏàúÏúÑ""#
    let repairedRaw = #""일간 좋아요 순위""#

    func testGarbledFieldIsRepairedInItsOwnStyleAndNothingElseMoves() throws {
        let input = """
            {"id": 1, "text": \(garbledEscaped), "tags": ["a", "\\u00e9"], "note": \(garbledEscaped)}
            {"id":2,"meta":{"text":\(garbledRaw)},"text":\(garbledRaw) ,"x":1.5e3}
            {"id": 3, "text": "It\\u00e2\\u20ac\\u2122s a caf\\u00c3\\u00a9 \\u00e2\\u20ac\\u201d na\\u00c3\\u00afve"}

            """
        let expected = """
            {"id": 1, "text": \(repairedEscaped), "tags": ["a", "\\u00e9"], "note": \(garbledEscaped)}
            {"id":2,"meta":{"text":\(garbledRaw)},"text":\(repairedRaw) ,"x":1.5e3}
            {"id": 3, "text": "It\\u2019s a caf\\u00e9 \\u2014 na\\u00efve"}

            """
        let result = try run(input)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderrBytes, [], result.summary)
        assertBytesEqual(result.stdout, bytes(expected), "repair --jsonl")
    }

    func testDottedFieldPath() throws {
        let input = #"{"text":\#(garbledRaw),"meta":{"body":\#(garbledRaw)}}"# + "\n"
        let result = try run(input, ["--field", "meta.body"])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        assertBytesEqual(result.stdout, bytes(#"{"text":\#(garbledRaw),"meta":{"body":\#(repairedRaw)}}"# + "\n"), "--field meta.body")
    }

    /// Clean lines, CRLF endings, blank lines, other shapes and a last line without `\n` come back
    /// byte for byte.
    func testCleanInputIsByteIdentical() throws {
        let input = "{\"text\":\"일간 좋아요 순위 — café\"}\r\n{ \"text\" : \"\\uc77c\\uac04\" , \"n\" : [1, {\"text\": null}] }\r\n"
            + "\n  \n{\"other\":\"ÏùºÍ∞Ñ Ï¢ãÏïÑÏöî ÏàúÏúÑ\"}\n{\"text\":42}\n{\"text\":\"\\\"quoted\\\" \\\\ back\\/slash\"}\n{\"text\":\"no newline at the end\"}"
        let result = try run(input)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stderrBytes, [], result.summary)
        assertBytesEqual(result.stdout, bytes(input), "clean JSON Lines")
    }

    func testCRLFIsKeptOnRepairedLines() throws {
        let result = try run(#"{"text":\#(garbledRaw)}"# + "\r\n" + #"{"text":\#(garbledRaw)}"#)
        assertBytesEqual(result.stdout, bytes(#"{"text":\#(repairedRaw)}"# + "\r\n" + #"{"text":\#(repairedRaw)}"#), "CRLF")
    }

    func testEmptyInput() throws {
        let result = try run("")
        XCTAssertEqual(result.exitCode, 0, result.summary)
        XCTAssertEqual(result.stdout, [])
    }

    // MARK: Bad lines

    func testBadLinesArePassedThroughWithAMessageAndExit2() throws {
        let input = """
            {"text":\(garbledRaw)}
            not json at all
            {"text":"\\ud800 lone"}
            {"text":"a","text":\(garbledRaw)}
            [\(garbledRaw)]
            {"text":\(garbledRaw)}
            """
        let result = try run(input)
        XCTAssertEqual(result.exitCode, 2, result.summary)
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let expected = [#"{"text":\#(repairedRaw)}"#] + lines[1...4] + [#"{"text":\#(repairedRaw)}"#]
        assertBytesEqual(result.stdout, bytes(expected.joined(separator: "\n")), "bad lines")
        XCTAssertEqual(result.stderrLines.count, 4, result.stderr)
        for (line, words) in [(2, "not a JSON object"), (3, "lone surrogate"), (4, "duplicate key"), (5, "not a JSON object")] {
            XCTAssertTrue(result.stderrLines.contains { $0.hasPrefix("mojifix: line \(line): ") && $0.contains(words) && $0.hasSuffix("; passed through") },
                          "line \(line): \(result.stderr)")
        }
    }

    /// A line over --max-bytes is streamed through untouched (here over several 1 MiB reads);
    /// the lines around it are still repaired.
    func testOverlongLineIsStreamedThrough() throws {
        let long = #"{"text":"# + garbledRaw.dropLast() + String(repeating: " ÏùºÍ∞Ñ", count: 300_000) + #""}"#
        let input = #"{"text":\#(garbledRaw)}"# + "\n" + long + "\n" + #"{"text":\#(garbledRaw)}"# + "\n"
        let result = try run(input, ["--max-bytes", "1000"])
        XCTAssertEqual(result.exitCode, 2, result.summary)
        let expected = #"{"text":\#(repairedRaw)}"# + "\n" + long + "\n" + #"{"text":\#(repairedRaw)}"# + "\n"
        assertBytesEqual(result.stdout, bytes(expected), "long line")
        XCTAssertEqual(result.stderrLines, ["mojifix: line 2: longer than 1000 bytes (--max-bytes); passed through"])
    }

    /// The limit is exact: a line of --max-bytes bytes (without its `\n`) is repaired, one byte more is not.
    func testMaxBytesIsExactPerLine() throws {
        let line = #"{"text":\#(garbledRaw)}"#, repaired = #"{"text":\#(repairedRaw)}"#
        let limit = line.utf8.count
        let result = try run(line + "\n" + line + " \n" + line, ["--max-bytes", "\(limit)"])
        XCTAssertEqual(result.exitCode, 2, result.summary)
        assertBytesEqual(result.stdout, bytes(repaired + "\n" + line + " \n" + repaired), "limit \(limit)")
        XCTAssertEqual(result.stderrLines, ["mojifix: line 2: longer than \(limit) bytes (--max-bytes); passed through"])
    }

    // MARK: Many batches, a file argument, a closed pipe, usage

    /// Several megabytes: many batches repaired on every core, written in input order.
    func testOrderIsKeptAcrossBatches() throws {
        var input = "", expected = ""
        for id in 0..<40_000 {
            let garbled = id % 10 == 0
            input += #"{"id":\#(id),"text":\#(garbled ? garbledRaw : repairedRaw),"pad":"\#(String(repeating: "x", count: id % 97))"}"# + "\n"
            expected += #"{"id":\#(id),"text":\#(repairedRaw),"pad":"\#(String(repeating: "x", count: id % 97))"}"# + "\n"
        }
        XCTAssertGreaterThan(input.utf8.count, 4 << 20)
        let directory = try Fixtures.temporaryDirectory(for: self)
        let path = directory.appendingPathComponent("in.jsonl")
        try Data(bytes(input)).write(to: path)
        let result = try CLIRunner.run(["repair", "--jsonl", path.path])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        assertBytesEqual(result.stdout, bytes(expected), "40,000 lines")
    }

    /// `| head -n 1`: the reader goes away; mojifix stops quietly with exit 0. (SIGPIPE is put back
    /// to its default first: the test process ignores it, and children inherit that.)
    func testClosedOutputPipeIsQuiet() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let path = directory.appendingPathComponent("in.jsonl")
        try Data(bytes(String(repeating: #"{"text":\#(repairedRaw)}"# + "\n", count: 40_000))).write(to: path)
        let binary = try CLIRunner.binary()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", #"env --default-signal=PIPE "$0" repair --jsonl "$1" 2>"$2" | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}""#,
                           binary.path, path.path, directory.appendingPathComponent("err").path]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(status, "0\n")
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("err")).count, 0, "stderr not empty")
    }

    func testUsageErrors() throws {
        for arguments in [["repair", "--field", "text", "-"], ["repair", "--jsonl", "--from", "cp949"], ["repair", "--jsonl", "a", "b"], ["repair", "--jsonl", "--max-bytes", "0"]] {
            let result = try CLIRunner.run(arguments, stdin: [])
            XCTAssertEqual(result.exitCode, 64, result.summary)
            XCTAssertEqual(result.stdout, [], result.summary)
        }
        let missing = try CLIRunner.run(["repair", "--jsonl", "no-such-file.jsonl"])
        XCTAssertEqual(missing.exitCode, 2, missing.summary)
        XCTAssertEqual(missing.stderrLines, ["mojifix: error: no-such-file.jsonl: no such file or directory"])
    }
}
