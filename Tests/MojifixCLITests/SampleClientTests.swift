import Foundation
import XCTest

/// `Examples/SampleClient`, a package that uses MojifixCore and MojifixMarkdown the way another
/// package would (by its products only, with a Markdown rule of its own), builds and prints what
/// its snapshot holds. Its build folder is `.build/sample-client`, kept between runs, so only
/// the first build compiles the libraries; its dependencies resolve as the main package's do.
final class SampleClientTests: XCTestCase {
    func testSampleClientBuildsAndPrintsItsSnapshot() throws {
        let root = CLIRunner.packageRoot
        let scratch = root.appendingPathComponent(".build/sample-client")
        let command = ["swift", "build", "--package-path", "Examples/SampleClient", "--scratch-path", scratch.path]
        var build = try Tool.run(command, in: root, timeout: 1200)
        if build.exitCode != 0 {
            // SwiftPM's incremental build of a path dependency can miss a source file added since
            // the last build (undefined references): the kept build folder is only a cache.
            try? FileManager.default.removeItem(at: scratch)
            build = try Tool.run(command, in: root, timeout: 1200)
        }
        XCTAssertEqual(build.exitCode, 0, "swift build of Examples/SampleClient: \(String(decoding: build.stdout.suffix(4000), as: UTF8.self)) \(build.stderr)")
        guard build.exitCode == 0 else { return }
        let run = try CLIRunner.runProcess(scratch.appendingPathComponent("debug/SampleClient"), [], directory: root)
        XCTAssertEqual(run.exitCode, 0, run.stderr)
        Snapshot.assertMatches(run.stdout, named: "sample-client.txt")
    }
}
