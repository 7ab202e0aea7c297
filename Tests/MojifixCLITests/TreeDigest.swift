import Foundation
import XCTest

/// Runs a tool found on PATH (git, sha256sum, pre-commit) through `/usr/bin/env`.
enum Tool {
    static func run(_ arguments: [String], in directory: URL, environment: [String: String?] = [:], timeout: TimeInterval = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        try CLIRunner.runProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments, directory: directory,
                                 environment: environment, timeout: timeout, file: file, line: line)
    }

    /// Runs and fails the test unless the tool exits 0.
    @discardableResult
    static func succeed(_ arguments: [String], in directory: URL, environment: [String: String?] = [:],
                        file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(arguments, in: directory, environment: environment, file: file, line: line)
        XCTAssertEqual(result.exitCode, 0, "\(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        return result
    }
}

/// Every regular file under a folder with its SHA-256, computed by coreutils' `sha256sum` (not by
/// the tool's own SHA-256, which the journal uses), keyed by path relative to the folder.
enum TreeDigest {
    static func of(_ root: URL, excluding excluded: (String) -> Bool = { _ in false },
                   file: StaticString = #filePath, line: UInt = #line) throws -> [String: String] {
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        for case let path as String in enumerator where !excluded(path) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue { paths.append(path) }
        }
        var digests: [String: String] = [:]
        for start in stride(from: 0, to: paths.count, by: 400) {
            let batch = Array(paths[start..<min(paths.count, start + 400)])
            let result = try Tool.succeed(["sha256sum", "--"] + batch, in: root, file: file, line: line)
            for entry in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
                let parts = entry.split(separator: " ", maxSplits: 1)
                digests[String(parts[1].dropFirst())] = String(parts[0])  // "HASH  PATH" (text mode: a space)
            }
        }
        XCTAssertEqual(digests.count, paths.count, "sha256sum did not list every file", file: file, line: line)
        return digests
    }

    /// The differing paths of two digests, for a readable failure.
    static func differences(_ actual: [String: String], _ expected: [String: String]) -> String {
        let keys = Set(actual.keys).union(expected.keys).sorted().filter { actual[$0] != expected[$0] }
        return keys.prefix(10).map { "\($0): \(actual[$0] ?? "missing") vs \(expected[$0] ?? "missing")" }.joined(separator: "\n")
    }
}
