import Foundation
import XCTest
import MojifixMarkdown

/// Golden pairs `Corpus/markdown/<case>.in.md` -> `<case>.out.md` (default rules), reviewed by
/// hand; each output must also be a fixed point.
final class MarkdownGoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/markdown")

    func testGoldenPairs() throws {
        try check(profile: .safe, suffix: ".out.md")
    }

    /// `<case>.export.md`: the same inputs under the `export` profile (opt-in rules on).
    func testGoldenPairsExportProfile() throws {
        try check(profile: .export, suffix: ".export.md")
    }

    private func check(profile: Profile, suffix: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".in.md") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 8)
        let normalizer = Normalizer(options: NormalizeOptions(enabledRules: profile.rules))
        for name in names {
            let base = String(name.dropLast(".in.md".count))
            let input = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let output = normalizer.normalize(input).output
            let expectedURL = Self.folder.appendingPathComponent(base + suffix)
            if ProcessInfo.processInfo.environment["MOJIFIX_UPDATE_GOLDEN"] == "1" {
                try Data(output).write(to: expectedURL)
                continue
            }
            let expected = [UInt8](try Data(contentsOf: expectedURL))
            XCTAssertTrue(output == expected, "\(base): output differs from \(base)\(suffix)")
            XCTAssertTrue(normalizer.normalize(expected).output == expected, "\(base)\(suffix) is not a fixed point")
        }
    }
}
