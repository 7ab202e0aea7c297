import Foundation
import XCTest
import MojifixMarkdown

/// Profile `precommit`: the safe fixes, byte for byte, and the opt-in rules as suggestions
/// (warnings) that never change a byte or fail a check.
final class PrecommitProfileTests: XCTestCase {
    func options(_ profile: Profile) throws -> NormalizeOptions {
        NormalizeOptions(profile: profile)
    }

    func testPrecommitFixesExactlyWhatSafeFixesAndSuggestsWhatExportWouldChange() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: MarkdownGoldenTests.folder.path)
            .filter { $0.hasSuffix(".in.md") }.sorted()
        let safe = Normalizer(options: try options(.safe)), precommit = Normalizer(options: try options(.precommit))
        let export = Normalizer(options: try options(.export))
        var suggested = 0
        for name in names {
            let input = [UInt8](try Data(contentsOf: MarkdownGoldenTests.folder.appendingPathComponent(name)))
            let byPrecommit = precommit.normalize(input), bySafe = safe.normalize(input)
            XCTAssertTrue(byPrecommit.output == bySafe.output, "\(name): precommit output differs from safe")
            let suggestions = Set(byPrecommit.findings.filter { $0.message.hasSuffix("(suggested)") }.map(\.rule))
            XCTAssertTrue(byPrecommit.findings.filter { $0.message.hasSuffix("(suggested)") }.allSatisfy { $0.severity == .warning })
            // Every opt-in rule that export applies to this input is suggested by precommit.
            let exported = Set(export.normalize(input).findings.filter { $0.severity == .fixed && RuleRegistry.optIn.contains($0.rule) }.map(\.rule))
            XCTAssertTrue(exported.isSubset(of: suggestions), "\(name): export applies \(exported.sorted()), precommit suggests \(suggestions.sorted())")
            XCTAssertTrue(suggestions.isSubset(of: RuleRegistry.optIn), "\(name): \(suggestions.sorted())")
            suggested += suggestions.count
        }
        XCTAssertGreaterThan(suggested, 3, "the golden inputs exercise the opt-in rules")
    }

    func testSuggestionsAreOnePerPlaceAndStopWhenTheRuleIsEnabledOrDisabled() throws {
        let input = Array("**1. 소개**\n\n본문입니다.\n".utf8)
        var options = try options(.precommit)
        let findings = Normalizer(options: options).normalize(input).findings.filter { $0.rule == "bold-line-heading" }
        XCTAssertEqual(findings.map(\.offset), [0])
        XCTAssertEqual(findings.first?.severity, .warning)
        options.enabledRules.insert("bold-line-heading")   // `--enable`: the rule fixes instead
        let enabled = Normalizer(options: options).normalize(input)
        XCTAssertTrue(enabled.output.starts(with: Array("## 1. 소개".utf8)), String(decoding: enabled.output, as: UTF8.self))
        XCTAssertFalse(enabled.findings.contains { $0.message.hasSuffix("(suggested)") })
        let disabled = NormalizeOptions(profile: .precommit, disable: ["bold-line-heading"])
        XCTAssertFalse(Normalizer(options: disabled).normalize(input).findings.contains { $0.rule == "bold-line-heading" })
    }
}
