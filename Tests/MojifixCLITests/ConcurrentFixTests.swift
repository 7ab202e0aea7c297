import Dispatch
import Foundation
import XCTest

/// Several `fix` runs at once over the same tree (two editors' hooks, a hook and a manual run):
/// every file ends as its original or its fixed version, never a mix or a half, and undoing
/// every run gives the original tree back byte for byte.
final class ConcurrentFixTests: XCTestCase {
    func testFourConcurrentFixRunsLoseNothingAndUndoRestoresTheTree() throws {
        let directory = try Fixtures.temporaryDirectory(for: self)
        let posts = directory.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        let garbled = try Fixtures.bytes("Corpus/seeds/002.garbled.md")
        let spaces = Array("# 제목\n\n본문   \n\n\n끝\n".utf8)
        var originals: [String: [UInt8]] = [:]
        for n in 0..<40 {
            let name = "post-\(n).md"
            originals[name] = n % 2 == 0 ? garbled : spaces
            try Data(originals[name]!).write(to: posts.appendingPathComponent(name))
        }
        let fixed = [garbled: try CLIRunner.run(["fix", "--stdout", "posts/post-0.md"], directory: directory).stdout,
                     spaces: try CLIRunner.run(["fix", "--stdout", "posts/post-1.md"], directory: directory).stdout]

        // A state folder of their own: the four runs also race to make the journal key.
        let state = directory.appendingPathComponent("state").path
        let binary = try CLIRunner.binary()
        var results = [CLIResult?](repeating: nil, count: 4)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            let result = try? CLIRunner.runProcess(binary, ["fix", "--no-progress", "posts"], directory: directory,
                                                   environment: ["MOJIFIX_STATE_DIR": state], timeout: 120)
            lock.lock(); results[k] = result; lock.unlock()
        }
        for result in results {
            guard let result else { return XCTFail("a run did not finish") }
            // 0 nothing left to do, 1 files fixed, 2 a file another run changed first (left, reported).
            XCTAssertTrue([0, 1, 2].contains(result.exitCode), result.summary)
            let errors = result.stderrLines.filter { $0.hasPrefix("mojifix: error:") }
            XCTAssertTrue(errors.allSatisfy { $0.contains("changed while mojifix ran") }, result.summary)
        }
        for (name, original) in originals {
            let now = [UInt8](try Data(contentsOf: posts.appendingPathComponent(name)))
            XCTAssertTrue(now == original || now == fixed[original]!, "\(name) is neither its original nor its fixed version")
        }
        let undo = try CLIRunner.runProcess(binary, ["undo", "--all"], directory: directory, environment: ["MOJIFIX_STATE_DIR": state], timeout: 120)
        XCTAssertEqual(undo.exitCode, 0, undo.summary)
        for (name, original) in originals {
            XCTAssertEqual([UInt8](try Data(contentsOf: posts.appendingPathComponent(name))), original, name)
        }
    }
}
