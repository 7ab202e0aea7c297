import Foundation
import XCTest

/// `mojifix explain FILE|-`, `--json`, `--verify`.
final class ExplainCommandTests: XCTestCase {
    private let seed = "Corpus/seeds/002.garbled.md"

    /// Runs a command that must succeed quietly and returns its stdout.
    private func succeed(_ arguments: [String], stdin: [UInt8]? = nil,
                         file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let result = try CLIRunner.run(arguments, stdin: stdin, file: file, line: line)
        XCTAssertEqual(result.exitCode, 0, result.summary, file: file, line: line)
        XCTAssertEqual(result.stderrBytes, [], result.summary, file: file, line: line)
        return result.stdout
    }

    // MARK: Text snapshots

    func testSnapshotUTF8AsMacintoshShort() throws {
        let out = try succeed(["explain", "Corpus/golden/utf8-as-macintosh/ko-short-01.in"])
        Snapshot.assertMatches(out, named: "explain-utf8-as-macintosh-ko-short-01.txt")
    }

    func testSnapshotCP949AsMacintoshShort() throws {
        let out = try succeed(["explain", "Corpus/golden/cp949-as-macintosh/ko-short-01.in"])
        Snapshot.assertMatches(out, named: "explain-cp949-as-macintosh-ko-short-01.txt")
    }

    /// Two passes; the intermediate text shows C1 controls as escapes; ends with the verify line.
    func testSnapshotTwoPassesWithVerify() throws {
        let out = try succeed(["explain", "--verify", "Corpus/golden/utf8-as-windows-1252-twice/ko-short-01.in"])
        Snapshot.assertMatches(out, named: "explain-verify-utf8-as-windows-1252-twice-ko-short-01.txt")
    }

    /// A whole-file transcode: `input encoding:` line and `<N bytes>` instead of the before text.
    func testSnapshotRawLegacyTranscode() throws {
        let out = try succeed(["explain", "Corpus/golden/raw-euc-kr/ko-short-01.in"])
        Snapshot.assertMatches(out, named: "explain-raw-euc-kr-ko-short-01.txt")
    }

    func testSnapshotNothingToRepair() throws {
        let out = try succeed(["explain", "Corpus/negative/en-plain-ascii.txt"])
        Snapshot.assertMatches(out, named: "explain-negative-en-plain-ascii.txt")
    }

    func testSnapshotSeed002FirstFortyLines() throws {
        let out = try succeed(["explain", seed])
        Snapshot.assertMatches(out.firstLines(40), named: "explain-seed-002-head40.txt")
    }

    func testSnapshotJSONOfAShortCase() throws {
        let out = try succeed(["explain", "--json", "Corpus/golden/cp949-as-macintosh/ko-short-01.in"])
        Snapshot.assertMatches(out, named: "explain-json-cp949-as-macintosh-ko-short-01.json")
    }

    /// Through stdin the file is called `<stdin>`; everything after the header line is the same.
    func testStandardInputIsNamedStdin() throws {
        let byPath = try succeed(["explain", seed])
        let byStdin = try succeed(["explain", "-"], stdin: Fixtures.bytes(seed))
        let header = Array("<stdin>: ".utf8)
        XCTAssertEqual(Array(byStdin.prefix(header.count)), header, String(decoding: byStdin.firstLines(1), as: UTF8.self))
        let pathHeader = Array("\(seed): ".utf8)
        XCTAssertEqual(Array(byPath.prefix(pathHeader.count)), pathHeader)
        assertBytesEqual(Array(byStdin.dropFirst(header.count)), Array(byPath.dropFirst(pathHeader.count)),
                         "explain - vs explain \(seed)")
    }

    // MARK: --json

    private func json(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        let out = try succeed(["explain", "--json"] + arguments, file: file, line: line)
        let object = try JSONSerialization.jsonObject(with: Data(out))
        return try XCTUnwrap(object as? [String: Any], "top level is not an object", file: file, line: line)
    }

    private func passes(_ plan: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(plan["passes"] as? [[String: Any]], "passes is not an array of objects", file: file, line: line)
    }

    private func changes(_ pass: [String: Any], file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        try XCTUnwrap(pass["changes"] as? [[String: Any]], "changes is not an array of objects", file: file, line: line)
    }

    private func range(_ value: Any?, file: StaticString = #filePath, line: UInt = #line) throws -> Range<Int> {
        let pair = try XCTUnwrap(value as? [Int], "range is not [Int, Int]", file: file, line: line)
        XCTAssertEqual(pair.count, 2, file: file, line: line)
        XCTAssertLessThanOrEqual(pair[0], pair[1], file: file, line: line)
        return pair[0]..<pair[1]
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset in UTF-8 text.
    private func lineAndColumn(_ offset: Int, in text: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text.prefix(offset) {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    func testJSONOfSeed002() throws {
        let input = try Fixtures.bytes(seed)
        let output = try Fixtures.bytes("Corpus/seeds/002.expected.md")
        let plan = try json([seed])

        XCTAssertEqual(plan["file"] as? String, seed)
        XCTAssertEqual(plan["changed"] as? Bool, true)
        XCTAssertEqual(plan["lossless"] as? Bool, true)
        XCTAssertEqual(plan["input_encoding"] as? String, "UTF-8")
        XCTAssertEqual(plan["input_bytes"] as? Int, input.count)
        XCTAssertEqual(plan["output_bytes"] as? Int, output.count)
        XCTAssertNil(plan["verified"], "verified is only present with --verify")

        let passes = try passes(plan)
        XCTAssertEqual(passes.count, 1)
        let pass = try XCTUnwrap(passes.first)
        XCTAssertEqual(pass["kind"] as? String, "mojibake")
        XCTAssertEqual(pass["chain"] as? [String], ["encode macintosh", "decode UTF-8"])
        let changes = try changes(pass)
        XCTAssertEqual(plan["change_count"] as? Int, changes.count)
        XCTAssertGreaterThan(changes.count, 10)

        // One pass: its input is the file and its output the repaired file, so every change can be
        // checked against both, byte for byte.
        var previousInputEnd = 0, previousOutputEnd = 0
        for (index, change) in changes.enumerated() {
            let inputRange = try range(change["input_range"]), outputRange = try range(change["output_range"])
            XCTAssertGreaterThanOrEqual(inputRange.lowerBound, previousInputEnd, "change \(index) overlaps the one before")
            XCTAssertGreaterThanOrEqual(outputRange.lowerBound, previousOutputEnd, "change \(index) overlaps the one before")
            previousInputEnd = inputRange.upperBound
            previousOutputEnd = outputRange.upperBound
            XCTAssertLessThanOrEqual(inputRange.upperBound, input.count)
            XCTAssertLessThanOrEqual(outputRange.upperBound, output.count)

            let before = try XCTUnwrap(change["before"] as? String, "change \(index): before")
            let after = try XCTUnwrap(change["after"] as? String, "change \(index): after")
            assertBytesEqual(Array(input[inputRange]), Array(before.utf8), "change \(index): input_range vs before")
            assertBytesEqual(Array(output[outputRange]), Array(after.utf8), "change \(index): output_range vs after")

            let (line, column) = lineAndColumn(inputRange.lowerBound, in: input)
            XCTAssertEqual(change["line"] as? Int, line, "change \(index): line")
            XCTAssertEqual(change["column"] as? Int, column, "change \(index): column")
            XCTAssertEqual(change["steps"] as? [String], pass["chain"] as? [String], "change \(index): steps")
            XCTAssertEqual(change["lossless"] as? Bool, true, "change \(index): lossless")
            let confidence = try XCTUnwrap(change["confidence"] as? Double, "change \(index): confidence")
            XCTAssertTrue(confidence > 0 && confidence <= 1, "change \(index): confidence \(confidence)")
            XCTAssertNil(change["guesses"], "change \(index): a lossless change has no guesses")
            XCTAssertNil(change["original_bytes"], "change \(index): a lossless change keeps no original bytes")
        }
        // The first change is `ÏùºÍ∞Ñ` -> `일간` on line 4 (front matter `categories:`).
        let first = try XCTUnwrap(changes.first)
        assertBytesEqual(Array(((first["before"] as? String) ?? "").utf8), Array("\u{CF}\u{F9}\u{BA}\u{CD}\u{221E}\u{D1}".utf8), "first before")
        assertBytesEqual(Array(((first["after"] as? String) ?? "").utf8), [0xEC, 0x9D, 0xBC, 0xEA, 0xB0, 0x84], "first after")
        XCTAssertEqual(first["line"] as? Int, 4)
    }

    /// change_count is the number of change objects over all passes, for every kind of pass.
    func testJSONChangeCountMatchesChanges() throws {
        let cases = [
            "Corpus/golden/utf8-as-windows-1252-twice/ko-short-01.in",   // two mojibake passes
            "Corpus/golden/utf8-as-macintosh-then-windows-1252/ko-short-02.in",
            "Corpus/golden/cp949-as-windows-1252/ko-crlf-01.in",
            "Corpus/golden/nfd-hangul/ko-short-01.in",                   // compose-hangul
            "Corpus/golden/raw-windows-949/ko-crlf-01.in",               // transcode
            "Corpus/golden/raw-utf-16le-bom/ko-short-01.in",
            "Corpus/negative/en-plain-ascii.txt",                         // nothing
        ]
        for path in cases {
            let plan = try json([path])
            let passes = try passes(plan)
            var total = 0
            for pass in passes {
                let changes = try changes(pass)
                XCTAssertFalse(changes.isEmpty, "\(path): a pass without changes")
                XCTAssertNotNil(pass["kind"] as? String, "\(path): pass kind")
                XCTAssertFalse((pass["chain"] as? [String] ?? []).isEmpty, "\(path): pass chain")
                total += changes.count
            }
            XCTAssertEqual(plan["change_count"] as? Int, total, path)
            XCTAssertEqual(plan["changed"] as? Bool, total > 0, path)
            XCTAssertEqual(plan["input_bytes"] as? Int, try Fixtures.bytes(path).count, path)
            // output_bytes is the size of what `repair` writes.
            let repaired = try CLIRunner.run(["repair", path])
            XCTAssertEqual(plan["output_bytes"] as? Int, repaired.stdout.count, path)
        }
    }

    func testJSONOfATranscode() throws {
        let path = "Corpus/golden/raw-windows-949/ko-crlf-01.in"
        let plan = try json([path])
        XCTAssertEqual(plan["input_encoding"] as? String, "windows-949")
        XCTAssertEqual(plan["change_count"] as? Int, 1)
        let pass = try XCTUnwrap(try passes(plan).first)
        XCTAssertEqual(pass["kind"] as? String, "transcode")
        let change = try XCTUnwrap(try changes(pass).first)
        XCTAssertTrue(change["before"] is NSNull, "a transcode has no before text")
        XCTAssertEqual(try range(change["input_range"]), 0..<(try Fixtures.bytes(path).count))
        let after = try XCTUnwrap(change["after"] as? String)
        assertBytesEqual(Array(after.utf8), try Fixtures.bytes("Corpus/golden/raw-windows-949/ko-crlf-01.out"), "transcode after")
    }

    // MARK: --verify

    func testVerifySeed002() throws {
        let out = try succeed(["explain", "--verify", seed])
        let lines = out.split(separator: 0x0A)
        assertBytesEqual(Array(lines.last ?? []), Array("verified: replay and inverse give the exact bytes".utf8), "last line")
        // --verify only appends: the rest is the plain explain output.
        let plain = try succeed(["explain", seed])
        assertBytesEqual(Array(out.prefix(plain.count)), plain, "explain --verify starts with explain")

        let plan = try json(["--verify", seed])
        XCTAssertEqual(plan["verified"] as? Bool, true)
    }

    func testVerifyLosslessRawCase() throws {
        let path = "Corpus/golden/raw-windows-949/ko-crlf-01.in"
        let out = try succeed(["explain", "--verify", path])
        assertBytesEqual(out.firstLines(1), Array("\(path): 1 change in 1 pass, lossless\n".utf8), "header")
        assertBytesEqual(Array(out.split(separator: 0x0A).last ?? []),
                         Array("verified: replay and inverse give the exact bytes".utf8), "last line")
        let plan = try json(["--verify", path])
        XCTAssertEqual(plan["lossless"] as? Bool, true)
        XCTAssertEqual(plan["verified"] as? Bool, true)
    }

    func testVerifyOfAnUnchangedFile() throws {
        let plan = try json(["--verify", "Corpus/clean/001.md"])
        XCTAssertEqual(plan["changed"] as? Bool, false)
        XCTAssertEqual(plan["change_count"] as? Int, 0)
        XCTAssertEqual(plan["verified"] as? Bool, true)
    }

    /// The first case of every golden chain verifies (replay and inverse are exact).
    func testVerifyFirstCaseOfEveryChain() throws {
        for folder in try Fixtures.folders(in: "Corpus/golden") {
            guard let input = try Fixtures.files(in: folder, suffix: ".in").first else { continue }
            let plan = try json(["--verify", input])
            XCTAssertEqual(plan["verified"] as? Bool, true, input)
        }
    }
}
