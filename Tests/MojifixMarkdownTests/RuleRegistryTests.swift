import Foundation
import XCTest
import MojifixMarkdown

/// A rule only runs when `RuleRegistry` lists it: every type under Sources/MojifixMarkdown/Rules
/// that conforms to MarkdownRule must be there (and nothing else), each with a unique name and a
/// test file named after its source file.
final class RuleRegistryTests: XCTestCase {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// (file, type) for each `struct|class|enum T: ... MarkdownRule` declared in the Rules folder.
    static func declaredRules() throws -> [(file: String, type: String)] {
        let folder = package.appendingPathComponent("Sources/MojifixMarkdown/Rules")
        var found: [(String, String)] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in source.split(separator: "\n") {
                var words = line.split(whereSeparator: { $0 == " " || $0 == "{" }).map(String.init)
                words.removeAll { ["public", "package", "internal", "final", "fileprivate", "private"].contains($0) }
                guard words.count >= 3, ["struct", "class", "enum"].contains(words[0]), words[1].hasSuffix(":"),
                      words[2...].contains(where: { $0 == "MarkdownRule" || $0 == "MarkdownRule," }) else { continue }
                found.append((file, String(words[1].dropLast())))
            }
        }
        return found
    }

    func testEveryRuleTypeIsRegisteredAndEveryRegisteredRuleIsARuleFile() throws {
        let declared = try Self.declaredRules()
        XCTAssertGreaterThanOrEqual(declared.count, 20)
        let registered = RuleRegistry.rules.map { String(describing: $0) }
        XCTAssertEqual(Set(declared.map(\.type)).subtracting(registered), [], "declared in Rules/ but missing from RuleRegistry.rules")
        XCTAssertEqual(Set(registered).subtracting(declared.map(\.type)), [], "registered but not declared in Rules/")
        XCTAssertEqual(registered.count, Set(registered).count, "a rule registered twice")
    }

    func testRuleNamesAreUniqueAndEveryRuleFileHasItsTestFile() throws {
        let names = RuleRegistry.rules.map { $0.name }
        XCTAssertEqual(names.count, Set(names).count)
        let tests = Self.package.appendingPathComponent("Tests/MojifixMarkdownTests")
        for file in Set(try Self.declaredRules().map(\.file)) {
            let testFile = file.replacingOccurrences(of: ".swift", with: "Tests.swift")
            XCTAssertTrue(FileManager.default.fileExists(atPath: tests.appendingPathComponent(testFile).path), "\(file) has no \(testFile)")
        }
    }
}
