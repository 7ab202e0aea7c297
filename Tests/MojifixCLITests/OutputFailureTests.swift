import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A failed write to stdout (a full disk: /dev/full) is an error in every command: exit 2 with a
/// message, never a silent success. (A reader that went away, EPIPE, stays quiet: JSONLinesTests.testClosedOutputPipeIsQuiet.)
final class OutputFailureTests: XCTestCase {
    /// Runs the binary with stdout on /dev/full.
    func runToFull(_ arguments: [String], stdin: String? = nil, directory: URL = CLIRunner.packageRoot) throws -> (code: Int32, stderr: String) {
        let process = Process()
        process.executableURL = try CLIRunner.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")!
        let errors = Pipe(), input = Pipe()
        process.standardError = errors
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    func testEveryCommandExitsTwoWhenStdoutIsFull() throws {
        let garbled = "Corpus/seeds/002.garbled.md"
        let jsonl = try Fixtures.temporaryDirectory(for: self).appendingPathComponent("in.jsonl")
        try Data("{\"text\": \"caf\u{00C3}\u{00A9}\"}\n".utf8).write(to: jsonl)
        let cases: [([String], String?)] = [
            (["repair", garbled], nil), (["repair", "-"], "caf\u{00C3}\u{00A9}\n"), (["fix", "-"], "# T\n\ntext   \n"),
            (["fix", "--stdout", garbled], nil), (["normalize", garbled], nil), (["explain", garbled], nil),
            (["explain", "--json", garbled], nil), (["repair", "--jsonl", jsonl.path], nil), (["rules"], nil),
            (["check", garbled], nil), (["fix", "--diff", garbled], nil), (["fix", "--dry-run", garbled], nil),
        ]
        for (arguments, stdin) in cases {
            let (code, stderr) = try runToFull(arguments, stdin: stdin)
            XCTAssertEqual(code, 2, "\(arguments): \(stderr)")
            XCTAssertTrue(stderr.contains("mojifix: error: writing standard output: no space left on device"), "\(arguments): \(stderr)")
        }
    }

    /// A reader that went away (`| head`) is no error: every command that prints much stops
    /// quietly, ended by SIGPIPE as `cat` is (`repair --jsonl` ignores the signal and exits 0 on
    /// EPIPE, JSONLinesTests), with nothing on stderr.
    func testAClosedOutputPipeIsQuietInEveryPrintingCommand() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let big = directory.appendingPathComponent("big.md")
        let seed = try Fixtures.bytes("Corpus/seeds/002.garbled.md")
        try Data(Array([[UInt8]](repeating: seed, count: 60).joined())).write(to: big)
        let binary = try CLIRunner.binary()
        for command in [["repair"], ["explain"], ["normalize"], ["fix", "--stdout"], ["fix", "--diff"], ["check", "--no-progress"]] {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/bash")
            shell.arguments = ["-c", #"env --default-signal=PIPE "$0" "${@:3}" "$1" 2>"$2" | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}""#,
                               binary.path, big.path, directory.appendingPathComponent("err").path] + command
            let out = Pipe()
            shell.standardOutput = out
            try shell.run()
            let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            XCTAssertEqual(status, "141\n", "\(command)")  // 128 + SIGPIPE
            XCTAssertEqual(String(decoding: try Data(contentsOf: directory.appendingPathComponent("err")), as: UTF8.self), "", "\(command)")
        }
    }

    /// The commands that rewrite files and read the journal too: their summary cannot be written,
    /// so they exit 2 with the message (what they did stays journaled and undoable).
    func testInPlaceAndJournalCommandsExitTwoWhenStdoutIsFull() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try Data(try Fixtures.bytes("Corpus/seeds/002.garbled.md")).write(to: posts.appendingPathComponent("garbled.md"))
        let cases: [([String], String?)] = [
            (["normalize", "-"], "# T\n\ntext   \n"), (["fix", "posts"], nil), (["journal", "list"], nil), (["undo"], nil),
        ]
        for (arguments, stdin) in cases {
            let (code, stderr) = try runToFull(arguments, stdin: stdin, directory: directory)
            XCTAssertEqual(code, 2, "\(arguments): \(stderr)")
            XCTAssertTrue(stderr.contains("mojifix: error: writing standard output: no space left on device"), "\(arguments): \(stderr)")
        }
        // The failed summaries lost nothing: the fix was journaled and the undo restored it.
        XCTAssertEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent("garbled.md"))), try Fixtures.bytes("Corpus/seeds/002.garbled.md"))
    }
}
