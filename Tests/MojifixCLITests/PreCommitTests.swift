import Foundation
import XCTest

/// The hooks through real pre-commit (>= 3.2.2, installed by Scripts/install-precommit.sh into
/// .build/precommit-venv, or named by MOJIFIX_PRE_COMMIT) in throwaway git repositories.
final class PreCommitTests: XCTestCase {
    /// One PRE_COMMIT_HOME for every test of a run, so the `language: swift` build is made once.
    static let home: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-pre-commit-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()
    nonisolated(unsafe) static var homeUsed = false

    override class func tearDown() {
        if homeUsed {
            try? FileManager.default.removeItem(at: home)
            // SwiftPM leaves empty lock files named after the build folder in the temporary folder.
            let temporary = FileManager.default.temporaryDirectory
            let prefix = home.path.replacingOccurrences(of: "/", with: "_")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
            where name.hasPrefix(prefix) && name.hasSuffix(".lock") {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        super.tearDown()
    }

    /// The pre-commit executable, or a skip that says why there is none.
    func preCommit() throws -> URL {
        let url = try TestVenv.executable("precommit", "bin/pre-commit", override: "MOJIFIX_PRE_COMMIT")
        let version = try CLIRunner.runProcess(url, ["--version"], directory: CLIRunner.packageRoot)
        let numbers = String(decoding: version.stdout, as: UTF8.self).split(separator: " ").last?
            .split(separator: ".").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? []
        guard numbers.lexicographicallyPrecedes([3, 2, 2]) == false else {
            throw XCTSkip("pre-commit at \(url.path) is older than 3.2.2")
        }
        Self.homeUsed = true
        return url
    }

    /// git and pre-commit see only the system git configuration (no global hooks or templates), the
    /// shared PRE_COMMIT_HOME, and the venv's pre-commit first on PATH.
    /// A test's own additions (the wheel test's PATH without the toolchain, its own home).
    func environment(_ preCommit: URL) -> [String: String?] {
        ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_DIR": nil, "GIT_WORK_TREE": nil, "GIT_INDEX_FILE": nil,
         "PRE_COMMIT_HOME": Self.home.path, "PRE_COMMIT_COLOR": "never",
         "PATH": preCommit.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
            .merging(environmentOverrides) { $1 }
    }
    var environmentOverrides: [String: String?] = [:]

    /// A fresh repository whose first commit holds the configuration, with the hook installed.
    func makeRepository(config: String, preCommit: URL) throws -> URL {
        let repository = try Fixtures.temporaryDirectory(for: self)
        let env = environment(preCommit)
        try Tool.succeed(["git", "init", "-q", "-b", "main"], in: repository, environment: env)
        try Tool.succeed(["git", "config", "user.name", "mojifix tests"], in: repository, environment: env)
        try Tool.succeed(["git", "config", "user.email", "tests@mojifix.invalid"], in: repository, environment: env)
        try Data(config.utf8).write(to: repository.appendingPathComponent(".pre-commit-config.yaml"))
        try Data(".mojifix/\n".utf8).write(to: repository.appendingPathComponent(".gitignore"))
        try Tool.succeed(["git", "add", "."], in: repository, environment: env)
        try Tool.succeed(["git", "commit", "-q", "-m", "configuration"], in: repository, environment: env)
        try Tool.succeed([preCommit.path, "install"], in: repository, environment: env)
        return repository
    }

    func commits(_ repository: URL, _ preCommit: URL) throws -> Int {
        let result = try Tool.succeed(["git", "rev-list", "--count", "HEAD"], in: repository, environment: environment(preCommit))
        return Int(String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Commits the garbled seed: the hook fails and repairs the file to exactly `fix --stdout`'s
    /// output; committing that passes. `mojifix-check` (manual stage) fails before, passes after.
    func assertGarbledSeedIsRepairedOnCommit(_ repository: URL, _ preCommit: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let env = environment(preCommit)
        let post = repository.appendingPathComponent("_posts/2026-02-15-daily-papers.md")
        try FileManager.default.createDirectory(at: post.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbled = try Fixtures.bytes("Corpus/seeds/002.garbled.md")
        try Data(garbled).write(to: post)
        let expected = try CLIRunner.run(["fix", "--stdout", "Corpus/seeds/002.garbled.md"]).stdout
        XCTAssertNotEqual(expected, garbled, file: file, line: line)
        try Tool.succeed(["git", "add", "."], in: repository, environment: env, file: file, line: line)

        let check = try Tool.run([preCommit.path, "run", "mojifix-check", "--hook-stage", "manual", "--all-files"], in: repository, environment: env)
        XCTAssertEqual(check.exitCode, 1, "mojifix-check on the garbled seed: \(check.summary)", file: file, line: line)
        assertBytesEqual([UInt8](try Data(contentsOf: post)), garbled, "mojifix-check wrote the file", file: file, line: line)

        let first = try Tool.run(["git", "commit", "-m", "seed post"], in: repository, environment: env, timeout: 2400, file: file, line: line)
        let firstOutput = String(decoding: first.stdout, as: UTF8.self) + first.stderr
        XCTAssertNotEqual(first.exitCode, 0, "the commit of the garbled seed passed: \(firstOutput)", file: file, line: line)
        XCTAssertTrue(firstOutput.contains("files were modified by this hook"), firstOutput, file: file, line: line)
        XCTAssertEqual(try commits(repository, preCommit), 1, "nothing may be committed", file: file, line: line)
        assertBytesEqual([UInt8](try Data(contentsOf: post)), expected, "the hook's repair", file: file, line: line)

        try Tool.succeed(["git", "add", "."], in: repository, environment: env, file: file, line: line)
        let second = try Tool.run(["git", "commit", "-m", "seed post"], in: repository, environment: env, file: file, line: line)
        XCTAssertEqual(second.exitCode, 0, "second commit: \(String(decoding: second.stdout, as: UTF8.self))\(second.stderr)", file: file, line: line)
        XCTAssertEqual(try commits(repository, preCommit), 2, file: file, line: line)
        let committed = try Tool.succeed(["git", "show", "HEAD:_posts/2026-02-15-daily-papers.md"], in: repository, environment: env, file: file, line: line)
        assertBytesEqual(committed.stdout, expected, "the committed post", file: file, line: line)
        let recheck = try Tool.run([preCommit.path, "run", "mojifix-check", "--hook-stage", "manual", "--all-files"], in: repository, environment: env)
        XCTAssertEqual(recheck.exitCode, 0, "mojifix-check after the repair: \(recheck.summary)", file: file, line: line)
    }

    func localConfig() throws -> String {
        let binary = try CLIRunner.binary().path
        return """
            repos:
              - repo: local
                hooks:
                  - id: mojifix
                    name: mojifix
                    entry: \(binary) fix
                    language: system
                    types: [markdown]
                  - id: mojifix-check
                    name: mojifix-check
                    entry: \(binary) check
                    language: system
                    types: [markdown]
                    stages: [manual]

            """
    }

    func testLocalSystemHookRepairsTheGarbledSeedThenPasses() throws {
        let preCommit = try preCommit()
        let repository = try makeRepository(config: try localConfig(), preCommit: preCommit)
        try assertGarbledSeedIsRepairedOnCommit(repository, preCommit)
    }

    func testLocalSystemHookLeavesACleanRepositoryUntouched() throws {
        let preCommit = try preCommit()
        let repository = try makeRepository(config: try localConfig(), preCommit: preCommit)
        let env = environment(preCommit)
        var originals: [String: [UInt8]] = [:]
        for seed in ["000", "001", "003", "004"] {  // the clean seed posts, as normalised
            let name = "_posts/seed-\(seed).md"
            originals[name] = try Fixtures.bytes("Corpus/markdown/seed-\(seed).out.md")
            try FileManager.default.createDirectory(at: repository.appendingPathComponent("_posts"), withIntermediateDirectories: true)
            try Data(originals[name]!).write(to: repository.appendingPathComponent(name))
        }
        try Tool.succeed(["git", "add", "."], in: repository, environment: env)
        let commit = try Tool.run(["git", "commit", "-m", "clean posts"], in: repository, environment: env)
        let output = String(decoding: commit.stdout, as: UTF8.self) + commit.stderr
        XCTAssertEqual(commit.exitCode, 0, output)
        XCTAssertTrue(output.contains("mojifix") && output.contains("Passed"), output)
        XCTAssertEqual(try commits(repository, preCommit), 2)
        for (name, bytes) in originals {
            assertBytesEqual([UInt8](try Data(contentsOf: repository.appendingPathComponent(name))), bytes, name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.appendingPathComponent(".mojifix").path), "a clean run journals nothing")
    }

    /// The shipped `.pre-commit-hooks.yaml` with `language: swift`: pre-commit clones a repository
    /// holding this package's files and builds it with `swift build -c release`.
    func testShippedSwiftHooksFromARemoteRepository() throws {
        let preCommit = try preCommit()
        let env = environment(preCommit)
        let hooks = try makeHookRepository(env)
        let repository = try makeRepository(usingHooksOf: hooks.path, rev: hooks.rev, preCommit: preCommit)
        let started = Date()
        let built = try installHooks(repository, preCommit)
        try assertGarbledSeedIsRepairedOnCommit(repository, preCommit)
        print("PreCommitTests: language: swift environment (clone + swift build -c release) \(String(format: "%.0f", built)) s; "
              + "whole test \(String(format: "%.0f", Date().timeIntervalSince(started))) s")
    }

    /// A fresh repository using the `mojifix` hook and the `mojifix-check` one (manual stage) of
    /// the hook repository at `path`.
    func makeRepository(usingHooksOf path: String, rev: String, preCommit: URL) throws -> URL {
        try makeRepository(config: """
            repos:
              - repo: \(path)
                rev: \(rev)
                hooks:
                  - id: mojifix
                  - id: mojifix-check
                    stages: [manual]

            """, preCommit: preCommit)
    }

    /// Installs the hook environments (the first run's clone and build or pip install), timed
    /// apart from the checks that follow; seconds.
    func installHooks(_ repository: URL, _ preCommit: URL) throws -> TimeInterval {
        let started = Date()
        let install = try Tool.run([preCommit.path, "install-hooks"], in: repository, environment: environment(preCommit), timeout: 2400)
        XCTAssertEqual(install.exitCode, 0, install.summary)
        return Date().timeIntervalSince(started)
    }

    /// A git repository holding the package's tracked (and new, not ignored) files as they are in
    /// the working tree, committed; its path and commit.
    func makeHookRepository(_ env: [String: String?]) throws -> (path: String, rev: String) {
        let root = CLIRunner.packageRoot
        let listed = try Tool.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: root, environment: ["GIT_CONFIG_GLOBAL": nil])
        guard listed.exitCode == 0 else { throw XCTSkip("the package is not a git checkout: \(listed.stderr)") }
        let copy = try Fixtures.temporaryDirectory(for: self)
        // Unique: during a merge, git lists a conflicted file once per stage.
        for path in Set(listed.stdout.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) })).sorted() {
            let source = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }  // deleted, not yet committed
            let target = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.appendingPathComponent(".pre-commit-hooks.yaml").path))
        try Tool.succeed(["git", "init", "-q", "-b", "main"], in: copy, environment: env)
        try Tool.succeed(["git", "add", "-A"], in: copy, environment: env)
        try Tool.succeed(["git", "-c", "user.name=t", "-c", "user.email=t@mojifix.invalid", "commit", "-q", "-m", "package"], in: copy, environment: env)
        let rev = try Tool.succeed(["git", "rev-parse", "HEAD"], in: copy, environment: env)
        return (copy.path, String(decoding: rev.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
