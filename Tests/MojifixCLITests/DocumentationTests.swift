import Foundation
import XCTest

/// The DocC catalogs of the library products build without a warning (every ``symbol`` link
/// resolves, in the catalogs and in the doc comments), from the modules this test run built.
final class DocumentationTests: XCTestCase {
    func testCatalogsBuildWithoutWarnings() throws {
        let root = CLIRunner.packageRoot
        // The modules sit beside the binary `swift build` made (.build/debug/Modules).
        let modules = try CLIRunner.binary().deletingLastPathComponent().appendingPathComponent("Modules")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mojifix-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Tool.run(["bash", "Scripts/build-docs.sh", out.path], in: root,
                                  environment: ["MOJIFIX_MODULES": modules.path, "DOCC_FLAGS": "--warnings-as-errors"])
        XCTAssertEqual(result.exitCode, 0, String(decoding: result.stdout, as: UTF8.self) + result.stderr)
        for module in ["MojifixCore", "MojifixMarkdown", "MojifixKit"] {
            let landing = out.appendingPathComponent("\(module).doccarchive/data/documentation/\(module.lowercased()).json")
            XCTAssertTrue(FileManager.default.fileExists(atPath: landing.path), landing.path)
        }
    }
}
