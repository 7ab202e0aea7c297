import Foundation
import MojifixTestSupport
import XCTest

/// The repository's corpus files and throw-away folders for the in-process workflow tests.
enum KitFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: repository.appendingPathComponent(relative)))
    }

    /// A fresh folder, removed when the test ends (canonical: the journal compares real paths).
    static func folder(for testCase: XCTestCase) throws -> URL {
        IsolatedJournalKey.use()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-kit-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.resolvingSymlinksInPath()
    }

    static func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
