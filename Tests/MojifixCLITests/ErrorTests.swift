import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit codes 2 (error), 3 (ambiguous) and 64 (usage). For 2 and 3: exactly one stderr line
/// starting `mojifix: error: `, nothing on stdout, no file changed or created.
final class ErrorTests: XCTestCase {
    /// Every command that reads an input: all must fail the same way.
    private let commands: [[String]] = [["repair"], ["explain"], ["explain", "--json"], ["explain", "--verify"]]

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory(for: self)
    }

    private func write(_ bytes: [UInt8], to name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Runs every command with `arguments` (inside the temporary directory, so a stray file
    /// written to the working directory is caught too) and checks the error contract.
    /// Returns the stderr line of the first run.
    @discardableResult
    private func assertFails(_ arguments: [String], stdin: [UInt8]? = nil, code: Int32, mentioning fragments: [String] = [],
                             file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var firstLine = ""
        for command in commands {
            let before = Fixtures.tree(directory)
            let result = try CLIRunner.run(command + arguments, stdin: stdin, directory: directory, file: file, line: line)
            let after = Fixtures.tree(directory)
            XCTAssertEqual(result.exitCode, code, result.summary, file: file, line: line)
            XCTAssertEqual(result.stdout, [], "stdout must be empty: \(result.summary)", file: file, line: line)
            XCTAssertEqual(result.stderrBytes.last, 0x0A, "stderr must end with a newline: \(result.summary)", file: file, line: line)
            XCTAssertEqual(result.stderrBytes.filter { $0 == 0x0A }.count, 1, "stderr must be one line: \(result.summary)", file: file, line: line)
            let prefix = Array("mojifix: error: ".utf8)
            XCTAssertEqual(Array(result.stderrBytes.prefix(prefix.count)), prefix, "stderr prefix: \(result.summary)", file: file, line: line)
            let message = result.stderr.lowercased()
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment.lowercased()), "stderr should mention \(fragment.debugDescription): \(result.summary)",
                              file: file, line: line)
            }
            XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "files created or removed by \(result.arguments)", file: file, line: line)
            for (name, bytes) in before where after[name] != bytes {
                XCTFail("\(name) changed by mojifix \(result.arguments.joined(separator: " "))", file: file, line: line)
            }
            if firstLine.isEmpty { firstLine = String(result.stderrLines.first ?? "") }
        }
        return firstLine
    }

    // MARK: Paths

    func testNonexistentPath() throws {
        try assertFails(["missing.txt"], code: 2, mentioning: ["missing.txt", "no such file"])
        try assertFails(["/nonexistent-mojifix-dir/missing.txt"], code: 2, mentioning: ["/nonexistent-mojifix-dir/missing.txt"])
    }

    func testDirectory() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try assertFails(["sub"], code: 2, mentioning: ["sub", "directory"])
        try assertFails(["."], code: 2, mentioning: ["directory"])
    }

    func testPathThroughAFile() throws {
        _ = try write(Array("plain\n".utf8), to: "file.txt")
        try assertFails(["file.txt/child"], code: 2, mentioning: ["file.txt/child"])
    }

    func testUnreadableFile() throws {
        let url = try write(Fixtures.bytes("Corpus/seeds/002.garbled.md"), to: "secret.md")
        XCTAssertEqual(chmod(url.path, 0o000), 0)
        if access(url.path, R_OK) == 0 {
            throw XCTSkip("this user can read a mode-000 file (running as root?); permission denied cannot be tested")
        }
        try assertFails(["secret.md"], code: 2, mentioning: ["secret.md", "permission denied"])
    }

    // MARK: Binary input

    func testNULFilledFile() throws {
        _ = try write([UInt8](repeating: 0, count: 4096), to: "zeros.bin")
        try assertFails(["zeros.bin"], code: 2, mentioning: ["zeros.bin", "binary"])
    }

    func testNULFilledStandardInput() throws {
        try assertFails(["-"], stdin: [UInt8](repeating: 0, count: 4096), code: 2, mentioning: ["<stdin>", "binary"])
    }

    func testBinaryFileWithNULsAndControls() throws {
        // A PNG header and a few chunks: NUL bytes and controls among letters.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                            0, 0, 0, 0x10, 0, 0, 0, 0x10, 0x08, 0x06, 0, 0, 0, 0x1F, 0xF3, 0xFF, 0x61]
        _ = try write(png, to: "image.png")
        try assertFails(["image.png"], code: 2, mentioning: ["image.png"])
    }

    // MARK: --max-bytes

    func testMaxBytesOnALargerFile() throws {
        _ = try write(Fixtures.bytes("Corpus/seeds/002.garbled.md"), to: "big.md")
        try assertFails(["--max-bytes", "10", "big.md"], code: 2, mentioning: ["big.md", "limit"])
    }

    func testMaxBytesOnStandardInput() throws {
        try assertFails(["--max-bytes", "10", "-"], stdin: Fixtures.bytes("Corpus/seeds/002.garbled.md"), code: 2,
                        mentioning: ["<stdin>", "limit"])
    }

    // MARK: --from

    func testUnknownCharset() throws {
        _ = try write(Fixtures.bytes("Corpus/seeds/002.garbled.md"), to: "input.md")
        try assertFails(["--from", "ascii-nonsense-charset", "input.md"], code: 2, mentioning: ["input.md", "ascii-nonsense-charset"])
    }

    func testUndecodableWithFrom() throws {
        // CP949 bytes are not UTF-8; Mac-Roman mojibake (UTF-8) is not EUC-KR.
        _ = try write(Fixtures.bytes("Corpus/golden/raw-windows-949/ko-short-01.in"), to: "cp949.txt")
        try assertFails(["--from", "utf-8", "cp949.txt"], code: 2, mentioning: ["cp949.txt", "utf-8"])
        // A windows-1252 é is not EUC-KR. (UTF-8 text, garbled or not, is not read as --from's
        // charset at all: a second run must change nothing.)
        _ = try write(Array("caf".utf8) + [0xE9, 0x0A], to: "latin.txt")
        try assertFails(["--from", "euc-kr", "latin.txt"], code: 2, mentioning: ["latin.txt", "EUC-KR"])
    }

    // MARK: Ambiguous legacy encoding (exit 3)

    /// Short non-UTF-8 byte strings; whichever of them the tool calls ambiguous are checked
    /// against the contract (the tool may of course decide some of them).
    private func ambiguityCandidates() throws -> [(name: String, bytes: [UInt8])] {
        var candidates: [(String, [UInt8])] = []
        for path in ["Corpus/golden/raw-windows-949/ko-uhc-03.in", "Corpus/golden/raw-johab/ko-word-04.in",
                     "Corpus/golden/raw-utf-16le/ko-word-06.in", "Corpus/golden/raw-johab/ko-word-05.in",
                     "Corpus/golden/raw-windows-949/ko-short-16.in"] {
            candidates.append((String(path.split(separator: "/").suffix(2).joined(separator: "-")), try Fixtures.bytes(path)))
        }
        let generated: [[UInt8]] = [[0x99, 0xB1], [0x8F, 0xD5], [0xB0, 0xA1], [0x8C, 0x63], [0xC1, 0x64],
                                    [0x99, 0xB1, 0x0A], [0xB9, 0xBD, 0xB4, 0x61], [0xA1, 0xA4, 0x31]]
        for (index, bytes) in generated.enumerated() {
            candidates.append(("generated-\(index).bin", bytes))
        }
        return candidates
    }

    func testAmbiguousInputExitsThreeAndAsksForFrom() throws {
        var ambiguous: [(name: String, message: String)] = []
        for (name, bytes) in try ambiguityCandidates() {
            _ = try write(bytes, to: name)
            let result = try CLIRunner.run(["repair", name], directory: directory)
            if result.exitCode == 3 {
                let message = try assertFails([name], code: 3, mentioning: [name, "--from"])
                ambiguous.append((name, message))
            } else {
                // Decided (0) or refused (2); never a usage error or a crash.
                XCTAssertTrue([0, 2].contains(result.exitCode), result.summary)
            }
        }
        if ambiguous.isEmpty {
            throw XCTSkip("none of the candidate inputs is ambiguous for this build; exit 3 not exercised")
        }
        // The message names at least two candidates, and each one named is a valid --from value.
        for (name, message) in ambiguous.prefix(3) {
            let named = Self.charsetNames.filter { message.contains($0) }
            XCTAssertGreaterThanOrEqual(named.count, 2, "ambiguity message should name the candidates: \(message)")
            for charset in named {
                let result = try CLIRunner.run(["repair", "--from", charset, name], directory: directory)
                XCTAssertEqual(result.exitCode, 0, "--from \(charset) (named in \(message.debugDescription)): \(result.summary)")
                XCTAssertFalse(result.stdout.isEmpty, result.summary)
            }
        }
    }

    private static let charsetNames = ["windows-949", "Johab", "windows-31j", "GB18030", "UTF-16LE", "UTF-16BE", "EUC-KR",
                                       "EUC-JP", "Big5", "windows-1251", "windows-1252", "Shift_JIS", "ISO-2022-KR",
                                       "windows-1250", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
                                       "windows-1257", "windows-1258", "windows-874", "ISO-8859-", "KOI8-", "IBM8", "IBM4",
                                       "macintosh", "x-mac-cyrillic", "x-mac-centraleurope"]

    /// Ambiguous through standard input too.
    func testAmbiguousStandardInput() throws {
        for (_, bytes) in try ambiguityCandidates() {
            let result = try CLIRunner.run(["repair", "-"], stdin: bytes, directory: directory)
            guard result.exitCode == 3 else { continue }
            try assertFails(["-"], stdin: bytes, code: 3, mentioning: ["<stdin>", "--from"])
            return
        }
        throw XCTSkip("none of the candidate inputs is ambiguous for this build; exit 3 not exercised")
    }

    // MARK: Usage errors (exit 64)

    /// Usage errors come from swift-argument-parser (several lines with the usage); only the
    /// exit code, the empty stdout and the untouched input are part of the contract.
    func testUsageErrors() throws {
        let input = try write(Fixtures.bytes("Corpus/seeds/002.garbled.md"), to: "input.md")
        let before = Fixtures.tree(directory)
        let cases: [[String]] = [
            ["repair"],                                    // missing FILE
            ["explain"],
            ["bogus-command", "input.md"],
            ["repair", "--max-bytes", "abc", "input.md"],
            ["repair", "--no-such-option", "input.md"],
            ["repair", "input.md", "extra.md"],
            ["repair", "--from"],                          // option without its value
            ["explain", "--json=yes", "input.md"],
        ]
        for arguments in cases {
            let result = try CLIRunner.run(arguments, directory: directory)
            XCTAssertEqual(result.exitCode, 64, result.summary)
            XCTAssertEqual(result.stdout, [], result.summary)
            XCTAssertFalse(result.stderrBytes.isEmpty, result.summary)
        }
        XCTAssertEqual(Fixtures.tree(directory), before, "a usage error touched \(input.lastPathComponent)")
    }
}
