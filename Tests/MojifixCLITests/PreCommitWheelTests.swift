import Foundation
import XCTest

/// The `language: python` hooks of the pre-commit mirror (Packaging/pre-commit-mirror, written by
/// Scripts/make-precommit-mirror.sh), installing the self-contained binary from the wheel that
/// Scripts/build-wheel.sh built into .build/wheel (or MOJIFIX_WHEEL_DIR), on a PATH without the
/// Swift toolchain. pip finds the wheel through PIP_FIND_LINKS, as it would find it on PyPI.
extension PreCommitTests {
    func testWheelHooksFromAMirrorRepositoryWithoutTheSwiftToolchain() throws {
        let preCommit = try preCommit()
        let wheels = try builtWheels()
        let version = try XCTUnwrap(wheels.name.split(separator: "-").dropFirst().first.map(String.init), wheels.name)
        let home = try Fixtures.temporaryDirectory(for: self)
        let systemPath = "/usr/local/bin:/usr/bin:/bin"
        for folder in systemPath.split(separator: ":") where FileManager.default.fileExists(atPath: "\(folder)/swift") {
            throw XCTSkip("\(folder)/swift is on the system PATH: cannot run without the toolchain here")
        }
        environmentOverrides = ["PATH": preCommit.deletingLastPathComponent().path + ":" + systemPath,
                                "PRE_COMMIT_HOME": home.path, "PIP_FIND_LINKS": wheels.folder.path]
        let env = environment(preCommit)
        let mirror = try Fixtures.temporaryDirectory(for: self)
        try Tool.succeed(["bash", CLIRunner.packageRoot.appendingPathComponent("Scripts/make-precommit-mirror.sh").path, mirror.path, version],
                         in: CLIRunner.packageRoot, environment: env)
        let repository = try makeRepository(usingHooksOf: mirror.path, rev: "v\(version)", preCommit: preCommit)

        let started = Date()
        let installed = try installHooks(repository, preCommit)
        let hookBinary = try Tool.succeed(["bash", "-c", "ls \(home.path)/repo*/py_env-*/bin/mojifix"], in: repository, environment: env)
        let binaryPath = String(decoding: hookBinary.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let libraries = try Tool.succeed(["ldd", binaryPath], in: repository, environment: env)
        let linked = String(decoding: libraries.stdout, as: UTF8.self)
        XCTAssertFalse(linked.contains("swift") || linked.contains("libicu") || linked.contains("cmark"), linked)

        try assertGarbledSeedIsRepairedOnCommit(repository, preCommit)
        print("PreCommitTests: language: python environment from the wheel (\(wheels.name)) \(String(format: "%.1f", installed)) s; "
              + "first run (install + check + fix + commit) \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The folder holding the wheel Scripts/build-wheel.sh built, and its file name, or a skip.
    func builtWheels() throws -> (folder: URL, name: String) {
        let folder = ProcessInfo.processInfo.environment["MOJIFIX_WHEEL_DIR"].map { URL(fileURLWithPath: $0) }
            ?? CLIRunner.packageRoot.appendingPathComponent(".build/wheel")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("mojifix-") && $0.hasSuffix(".whl") }
        guard let name = names.sorted().last else {
            throw XCTSkip("no wheel in \(folder.path): run Scripts/build-wheel.sh .build/wheel (Scripts/test.sh does)")
        }
        return (folder, name)
    }
}
