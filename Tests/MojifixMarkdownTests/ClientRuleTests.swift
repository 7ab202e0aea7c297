import XCTest
import MojifixMarkdown

/// Rules a client defines (here, in the test target, through the public API only) run when
/// listed and enabled: in the list's order, under the same zone protection as the built-in ones,
/// their findings named after them. A rule the normaliser was not given never runs.
final class ClientRuleTests: XCTestCase {
    /// Fixes the typo "teh" as a whole word.
    struct TehTypoRule: MarkdownRule {
        static let name = "client-teh-typo"
        static let summary = "Spell \"teh\" as \"the\"."
        static let kind = RuleKind.fix

        func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
            let bytes = document.bytes
            func isLetter(_ k: Int) -> Bool { bytes.indices.contains(k) && (0x61...0x7A).contains(bytes[k] | 0x20) }
            let words = bytes.ranges(of: Array("teh".utf8)).filter { !isLetter($0.lowerBound - 1) && !isLetter($0.upperBound) }
            return RuleOutcome(edits: words.map { TextEdit(range: $0, replacement: Array("the".utf8), message: "Spell \"the\"") })
        }
    }

    /// Reports each line that starts with "TODO".
    struct TodoLineRule: MarkdownRule {
        static let name = "client-todo-line"
        static let summary = "Report lines that start with TODO."
        static let kind = RuleKind.report

        func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
            let findings = (0..<document.lineCount).filter { document.line($0).starts(with: "TODO".utf8) }.map {
                Finding(offset: document.structure.lines[$0].lowerBound, rule: Self.name, message: "Finish this", severity: .warning)
            }
            return RuleOutcome(findings: findings)
        }
    }

    let input = Array("# Title\n\nteh end   \n\n`teh` code\n\nTODO teh list\n".utf8)

    func normalizer(enabling names: Set<String>, suggesting suggested: Set<String> = []) -> Normalizer {
        var options = NormalizeOptions()
        options.enabledRules.formUnion(names)
        options.suggestedRules = suggested
        return Normalizer(options: options, rules: RuleRegistry.rules + [TehTypoRule.self, TodoLineRule.self])
    }

    func testBuiltInNormalizerDoesNotKnowClientRules() {
        let result = Normalizer().normalize(input)
        XCTAssertEqual(result.output, Array("# Title\n\nteh end\n\n`teh` code\n\nTODO teh list\n".utf8))
        XCTAssertFalse(result.findings.contains { $0.rule.hasPrefix("client-") })
    }

    func testEnabledClientRulesRunBesideTheBuiltInOnesAndKeepOutOfCode() {
        let result = normalizer(enabling: [TehTypoRule.name, TodoLineRule.name]).normalize(input)
        // Trailing whitespace (built in) and the typo (client) are fixed in the same run; the
        // code span keeps its bytes.
        XCTAssertEqual(result.output, Array("# Title\n\nthe end\n\n`teh` code\n\nTODO the list\n".utf8))
        let mine = result.findings.filter { $0.rule.hasPrefix("client-") }
        XCTAssertEqual(mine.map(\.rule), [TehTypoRule.name, TodoLineRule.name, TehTypoRule.name])
        XCTAssertEqual(mine.map(\.offset), [9, 33, 38])  // input offsets
        XCTAssertEqual(mine.map(\.severity), [.fixed, .warning, .fixed])
    }

    func testAListedRuleRunsOnlyWhenEnabled() {
        let result = normalizer(enabling: [TodoLineRule.name]).normalize(input)
        XCTAssertEqual(result.output, Array("# Title\n\nteh end\n\n`teh` code\n\nTODO teh list\n".utf8))
        XCTAssertEqual(result.findings.filter { $0.rule.hasPrefix("client-") }.map(\.rule), [TodoLineRule.name])
    }

    func testAClientRuleCanBeSuggestedOnly() {
        let result = normalizer(enabling: [], suggesting: [TehTypoRule.name]).normalize(input)
        XCTAssertFalse(result.output.starts(with: Array("# Title\n\nthe".utf8)))
        let suggested = result.findings.filter { $0.rule == TehTypoRule.name }
        XCTAssertEqual(suggested.map(\.severity), [.warning, .warning])
        XCTAssertEqual(suggested.map(\.message), ["Spell \"the\" (suggested)", "Spell \"the\" (suggested)"])
    }
}
