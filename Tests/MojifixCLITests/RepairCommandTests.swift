import Foundation
import XCTest

/// `mojifix repair FILE|-`: repaired UTF-8 on stdout, exit 0, nothing on stderr, input untouched.
final class RepairCommandTests: XCTestCase {
    /// Runs `repair` and checks the success contract: exit 0, empty stderr, stdout == expected bytes.
    private func assertRepairs(_ arguments: [String], stdin: [UInt8]? = nil, to expected: [UInt8],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try CLIRunner.run(["repair"] + arguments, stdin: stdin, file: file, line: line)
        XCTAssertEqual(result.exitCode, 0, result.summary, file: file, line: line)
        XCTAssertEqual(result.stderrBytes, [], result.summary, file: file, line: line)
        assertBytesEqual(result.stdout, expected, "repair \(arguments.joined(separator: " "))", file: file, line: line)
    }

    // MARK: The real broken export

    func testSeed002ByPath() throws {
        try assertRepairs(["Corpus/seeds/002.garbled.md"], to: Fixtures.bytes("Corpus/seeds/002.expected.md"))
    }

    func testSeed002ThroughStandardInput() throws {
        try assertRepairs(["-"], stdin: Fixtures.bytes("Corpus/seeds/002.garbled.md"),
                          to: Fixtures.bytes("Corpus/seeds/002.expected.md"))
    }

    func testSeed002ByAbsolutePathFromAnotherDirectory() throws {
        let path = CLIRunner.corpus.appendingPathComponent("seeds/002.garbled.md").path
        let result = try CLIRunner.run(["repair", path], directory: FileManager.default.temporaryDirectory)
        XCTAssertEqual(result.exitCode, 0, result.summary)
        assertBytesEqual(result.stdout, try Fixtures.bytes("Corpus/seeds/002.expected.md"), "repair \(path)")
    }

    /// Repair never touches its input and writes no file next to it.
    func testRepairLeavesTheInputFileAlone() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let input = directory.appendingPathComponent("002.garbled.md")
        try Data(Fixtures.bytes("Corpus/seeds/002.garbled.md")).write(to: input)
        let before = Fixtures.tree(directory)
        let result = try CLIRunner.run(["repair", input.path])
        XCTAssertEqual(result.exitCode, 0, result.summary)
        assertBytesEqual(result.stdout, try Fixtures.bytes("Corpus/seeds/002.expected.md"), "repair copy of seed 002")
        XCTAssertEqual(Fixtures.tree(directory), before, "repair changed or created files next to its input")
    }

    // MARK: Clean text comes back byte-identical

    func testCleanSeedsAreUnchanged() throws {
        let files = try Fixtures.files(in: "Corpus/clean", suffix: ".md")
        XCTAssertEqual(files.count, 4, "expected the four clean seed posts")
        for path in files {
            try assertRepairs([path], to: Fixtures.bytes(path))
        }
    }

    func testCleanSeedThroughStandardInputIsUnchanged() throws {
        let bytes = try Fixtures.bytes("Corpus/clean/004.md")
        try assertRepairs(["-"], stdin: bytes, to: bytes)
    }

    func testNegativesAreUnchanged() throws {
        let files = try Fixtures.files(in: "Corpus/negative", suffix: ".txt")
        XCTAssertGreaterThanOrEqual(files.count, 60, "negative corpus looks incomplete")
        for path in files {
            try assertRepairs([path], to: Fixtures.bytes(path))
        }
    }

    func testEmptyInputGivesEmptyOutput() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        try assertRepairs([empty.path], to: [])
        try assertRepairs(["-"], stdin: [], to: [])
    }

    // MARK: Golden cases

    /// The first three cases (by name) of every golden chain folder, byte-exact.
    func testGoldenSampleOfEveryChain() throws {
        let folders = try Fixtures.folders(in: "Corpus/golden")
        XCTAssertGreaterThanOrEqual(folders.count, 18, "golden corpus looks incomplete")
        for folder in folders {
            let inputs = try Fixtures.files(in: folder, suffix: ".in").prefix(3)
            XCTAssertEqual(inputs.count, 3, "\(folder) has fewer than three cases")
            for input in inputs {
                let expected = String(input.dropLast(".in".count)) + ".out"
                try assertRepairs([input], to: Fixtures.bytes(expected))
            }
        }
    }

    /// One short case of every chain through standard input (the path plays no part in detection).
    func testGoldenShortCaseOfEveryChainThroughStandardInput() throws {
        for folder in try Fixtures.folders(in: "Corpus/golden") {
            // Windows-1257 has no character for the bytes A1 and A5 that most Hangul holds.
            let name = folder.hasSuffix("utf8-as-windows-1257") ? "de-short-01" : "ko-short-01"
            let input = "\(folder)/\(name).in"
            guard FileManager.default.fileExists(atPath: CLIRunner.packageRoot.appendingPathComponent(input).path) else { continue }
            try assertRepairs(["-"], stdin: Fixtures.bytes(input), to: Fixtures.bytes("\(folder)/\(name).out"))
        }
    }

    // MARK: --from

    func testFromCP949OnRawCP949() throws {
        let folder = "Corpus/golden/raw-windows-949"
        for name in ["ko-crlf-01", "ko-short-01", "ko-uhc-01"] {
            try assertRepairs(["--from", "cp949", "\(folder)/\(name).in"], to: Fixtures.bytes("\(folder)/\(name).out"))
        }
    }

    /// `--from` settles inputs too short to detect (UHC-only syllables, two-byte words).
    func testFromSettlesShortLegacyInputs() throws {
        try assertRepairs(["--from", "cp949", "Corpus/golden/raw-windows-949/ko-uhc-03.in"],
                          to: Fixtures.bytes("Corpus/golden/raw-windows-949/ko-uhc-03.out"))
        try assertRepairs(["--from", "johab", "Corpus/golden/raw-johab/ko-word-04.in"],
                          to: Fixtures.bytes("Corpus/golden/raw-johab/ko-word-04.out"))
        try assertRepairs(["--from", "utf-16le", "Corpus/golden/raw-utf-16le/ko-word-06.in"],
                          to: Fixtures.bytes("Corpus/golden/raw-utf-16le/ko-word-06.out"))
    }

    func testFromOtherSpellings() throws {
        try assertRepairs(["--from", "euc-kr", "Corpus/golden/raw-euc-kr/ko-short-01.in"],
                          to: Fixtures.bytes("Corpus/golden/raw-euc-kr/ko-short-01.out"))
        try assertRepairs(["--from", "johab", "Corpus/golden/raw-johab/ko-short-01.in"],
                          to: Fixtures.bytes("Corpus/golden/raw-johab/ko-short-01.out"))
        try assertRepairs(["--from", "CP949", "-"], stdin: Fixtures.bytes("Corpus/golden/raw-windows-949/ko-short-01.in"),
                          to: Fixtures.bytes("Corpus/golden/raw-windows-949/ko-short-01.out"))
    }

    /// `--from utf-8` on clean UTF-8 is the identity.
    func testFromUTF8OnCleanTextIsUnchanged() throws {
        let bytes = try Fixtures.bytes("Corpus/clean/000.md")
        try assertRepairs(["--from", "utf-8", "Corpus/clean/000.md"], to: bytes)
    }

    // MARK: --max-bytes

    func testMaxBytesAtTheExactSizeIsAccepted() throws {
        let path = "Corpus/seeds/002.garbled.md"
        let size = try Fixtures.bytes(path).count
        try assertRepairs(["--max-bytes", "\(size)", path], to: Fixtures.bytes("Corpus/seeds/002.expected.md"))
        try assertRepairs(["--max-bytes", "\(size)", "-"], stdin: Fixtures.bytes(path), to: Fixtures.bytes("Corpus/seeds/002.expected.md"))
    }
}
