import Foundation
import MojifixTestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the `mojifix` binary gave back.
struct CLIResult {
    var exitCode: Int32
    var stdout: [UInt8]
    var stderrBytes: [UInt8]
    var arguments: [String]

    /// Standard error as text (diagnostics only; text content is always compared as bytes).
    var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }

    /// Standard error split into lines, without the final empty piece after the last newline.
    var stderrLines: [Substring] {
        var lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A one-line summary for failure messages.
    var summary: String {
        let shownOut = String(decoding: stdout.prefix(200), as: UTF8.self)
        return "mojifix \(arguments.joined(separator: " ")) -> exit \(exitCode), stdout \(stdout.count) bytes \(shownOut.debugDescription), stderr \(stderr.debugDescription)"
    }
}

/// Runs the built `mojifix` executable as a subprocess, the way swift-argument-parser's own
/// end-to-end tests run their example tools.
enum CLIRunner {
    /// The package root: three levels above this file (Tests/MojifixCLITests/CLIRunner.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus = packageRoot.appendingPathComponent("Corpus")
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Where the binary is, or nil. Searched, in order:
    /// 1. `MOJIFIX_BIN` (an explicit path);
    /// 2. next to the running test executable / bundle (`swift test` puts `mojifixPackageTests.xctest`
    ///    and `mojifix` in the same products directory), walking up a few levels for the macOS bundle layout;
    /// 3. `<package root>/.build/debug/mojifix`, then `.build/release/mojifix`.
    static func locateBinary() -> URL? {
        let fm = FileManager.default
        func executable(_ url: URL) -> URL? {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  fm.isExecutableFile(atPath: url.path) else { return nil }
            return url.standardizedFileURL
        }
        if let explicit = ProcessInfo.processInfo.environment["MOJIFIX_BIN"], !explicit.isEmpty {
            return executable(URL(fileURLWithPath: explicit))
        }
        var starts: [URL] = []
        if let selfExe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: selfExe).deletingLastPathComponent())
        }
        if let exe = Bundle.main.executableURL { starts.append(exe.deletingLastPathComponent()) }
        starts.append(Bundle.main.bundleURL)
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            starts.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for start in starts {
            var dir = start
            for _ in 0..<4 {
                if let found = executable(dir.appendingPathComponent("mojifix")) { return found }
                dir = dir.deletingLastPathComponent()
            }
        }
        for configuration in ["debug", "release"] {
            let url = packageRoot.appendingPathComponent(".build/\(configuration)/mojifix")
            if let found = executable(url) { return found }
        }
        return nil
    }

    private static var cachedBinary: URL?
    private static var searchFailed = false

    /// The binary, or a test failure explaining how to build it. While it is missing (a concurrent
    /// `swift build` may be relinking it) the search is retried for a few seconds.
    static func binary(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        IsolatedJournalKey.use()
        if let cachedBinary { return cachedBinary }
        var found = locateBinary()
        for _ in 0..<10 where found == nil && !searchFailed {
            Thread.sleep(forTimeInterval: 0.5)
            found = locateBinary()
        }
        cachedBinary = found
        searchFailed = found == nil
        guard let url = found else {
            XCTFail("mojifix binary not found; run `swift build` first (or set MOJIFIX_BIN)", file: file, line: line)
            throw CLIRunnerError.binaryNotFound
        }
        return url
    }

    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs `mojifix ARGS` with the package root as working directory (so relative corpus paths,
    /// and the file names the tool prints, are the same on every machine).
    ///
    /// - Parameters:
    ///   - stdin: bytes for standard input; nil gives the process /dev/null.
    ///   - directory: working directory; the package root when nil.
    ///   - timeout: the process is killed (and the test fails) after this many seconds.
    static func run(_ arguments: [String], stdin: [UInt8]? = nil, directory: URL? = nil, timeout: TimeInterval = 60,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        _ = ignoreSIGPIPE
        let binary = try binary(file: file, line: line)
        // The other engineer may be relinking the binary while we run ("Text file busy", or
        // briefly missing): retry the launch for a while before giving up.
        var attempt = 0
        while true {
            do {
                return try runOnce(binary, arguments, stdin: stdin, directory: directory ?? packageRoot,
                                   timeout: timeout, file: file, line: line)
            } catch let error as CLIRunnerError {
                throw error
            } catch {
                attempt += 1
                if attempt >= 20 { throw error }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
    }

    private static func runOnce(_ binary: URL, _ arguments: [String], stdin: [UInt8]?, directory: URL,
                                timeout: TimeInterval, file: StaticString, line: UInt) throws -> CLIResult {
        try runProcess(binary, arguments, stdin: stdin, directory: directory, timeout: timeout, file: file, line: line)
    }

    /// Runs any executable (git, pre-commit, sha256sum, the binary) with both pipes drained;
    /// `environment` entries are added to (or, as nil, removed from) this process's environment.
    static func runProcess(_ executable: URL, _ arguments: [String], stdin: [UInt8]? = nil, directory: URL,
                           environment: [String: String?] = [:], timeout: TimeInterval = 60,
                           file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        _ = ignoreSIGPIPE
        IsolatedJournalKey.use()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (key, value) in environment { merged[key] = value }
            process.environment = merged
        }
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe: Pipe? = stdin == nil ? nil : Pipe()
        process.standardInput = inPipe ?? FileHandle.nullDevice

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Drain both pipes and feed stdin concurrently, so no pipe buffer can fill up and block
        // either side.
        let box = OutputBox()
        let group = DispatchGroup()
        let queue = DispatchQueue.global(qos: .userInitiated)
        queue.async(group: group) { box.setOut(outPipe.fileHandleForReading.readDataToEndOfFile()) }
        queue.async(group: group) { box.setErr(errPipe.fileHandleForReading.readDataToEndOfFile()) }
        if let inPipe, let stdin {
            queue.async(group: group) {
                writeAll(inPipe.fileHandleForWriting.fileDescriptor, stdin)  // EPIPE if the tool stops reading early: fine
                try? inPipe.fileHandleForWriting.close()
            }
        }

        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            XCTFail("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) did not finish within \(timeout) s; killed", file: file, line: line)
        }
        process.waitUntilExit()
        group.wait()
        return CLIResult(exitCode: process.terminationStatus, stdout: box.out, stderrBytes: box.err, arguments: arguments)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

enum CLIRunnerError: Error {
    case binaryNotFound
}

/// Collects the two pipes' contents from the reader threads.
private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _out: [UInt8] = []
    private var _err: [UInt8] = []
    func setOut(_ data: Data) { lock.lock(); _out = [UInt8](data); lock.unlock() }
    func setErr(_ data: Data) { lock.lock(); _err = [UInt8](data); lock.unlock() }
    var out: [UInt8] { lock.lock(); defer { lock.unlock() }; return _out }
    var err: [UInt8] { lock.lock(); defer { lock.unlock() }; return _err }
}

// MARK: - Files and assertions shared by the test cases

enum Fixtures {
    /// Bytes of a file (relative paths are relative to the package root).
    static func bytes(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : CLIRunner.packageRoot.appendingPathComponent(path)
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            XCTFail("cannot read \(url.path): \(error)", file: file, line: line)
            throw error
        }
    }

    /// Sorted file names in a corpus folder (relative to the package root) with the given suffix.
    static func files(in folder: String, suffix: String) throws -> [String] {
        let url = CLIRunner.packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(suffix) }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    /// Sub-folders of a corpus folder, sorted.
    static func folders(in folder: String) throws -> [String] {
        let url = CLIRunner.packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.map { "\(folder)/\($0)" }
    }

    /// A fresh temporary directory, removed by the test case's teardown.
    static func temporaryDirectory(for testCase: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("mojifix-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock {
            // Make everything removable again (a test may have chmod-ed a file to 000).
            if let items = FileManager.default.enumerator(atPath: url.path) {
                for case let item as String in items {
                    chmod(url.appendingPathComponent(item).path, 0o755)
                }
            }
            try? FileManager.default.removeItem(at: url)
        }
        return url
    }

    /// Every file under a directory with its bytes (missing permission: nil), to prove that a run
    /// wrote nothing and changed nothing.
    static func tree(_ directory: URL) -> [String: [UInt8]?] {
        var result: [String: [UInt8]?] = [:]
        guard let items = FileManager.default.enumerator(atPath: directory.path) else { return result }
        for case let item as String in items {
            result[item] = (try? Data(contentsOf: directory.appendingPathComponent(item))).map { [UInt8]($0) }
        }
        return result
    }
}

/// Fails with a short, readable difference when two byte strings differ.
func assertBytesEqual(_ actual: [UInt8], _ expected: [UInt8], _ context: @autoclosure () -> String = "",
                      file: StaticString = #filePath, line: UInt = #line) {
    guard actual != expected else { return }
    XCTFail("\(context()): bytes differ\n" + shortDiff(actual: actual, expected: expected), file: file, line: line)
}

/// The first byte offset where two byte strings differ, and the first few differing lines.
func shortDiff(actual: [UInt8], expected: [UInt8], maxLines: Int = 6) -> String {
    let common = zip(actual, expected).prefix { $0 == $1 }.count
    var out = "actual \(actual.count) bytes, expected \(expected.count) bytes, first difference at byte \(common)\n"
    func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false) }
    let a = lines(actual), e = lines(expected)
    var shown = 0
    for index in 0..<max(a.count, e.count) where shown < maxLines {
        let left = index < e.count ? e[index] : nil, right = index < a.count ? a[index] : nil
        guard left != right else { continue }
        shown += 1
        func show(_ slice: ArraySlice<UInt8>?) -> String {
            guard let slice else { return "<no line>" }
            let text = String(decoding: slice.prefix(300), as: UTF8.self)
            return text.debugDescription + (slice.count > 300 ? "…" : "")
        }
        out += "  line \(index + 1):\n    - expected \(show(left))\n    + actual   \(show(right))\n"
    }
    return out
}
