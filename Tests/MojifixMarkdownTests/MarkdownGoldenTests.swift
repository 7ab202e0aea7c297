import Foundation
import XCTest
import MojifixMarkdown

/// Golden pairs `Corpus/markdown/<case>.in.md` -> `<case>.out.md` (default rules), reviewed by
/// hand; each output must also be a fixed point.
final class MarkdownGoldenTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/markdown")

    func testGoldenPairs() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".in.md") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 8)
        for name in names {
            let base = String(name.dropLast(".in.md".count))
            let input = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
            let output = Normalizer().normalize(input).output
            let expectedURL = Self.folder.appendingPathComponent(base + ".out.md")
            if ProcessInfo.processInfo.environment["MOJIFIX_UPDATE_GOLDEN"] == "1" {
                try Data(output).write(to: expectedURL)
                continue
            }
            let expected = [UInt8](try Data(contentsOf: expectedURL))
            XCTAssertTrue(output == expected, "\(base): output differs from \(base).out.md")
            XCTAssertTrue(Normalizer().normalize(expected).output == expected, "\(base): golden output is not a fixed point")
        }
    }
}
