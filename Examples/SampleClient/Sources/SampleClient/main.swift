import MojifixCore
import MojifixMarkdown

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

// 1. Repair a string. `Repairer.init` throws a `MojifixError` (only when this machine's ICU
//    lacks a charset); `repair` throws a `RepairError` when it refuses the input.
do {
    let repairer = try Repairer()
    let garbled = Array("Itâ€™s a cafÃ© â€” naÃ¯ve".utf8)
    let result = try repairer.repair(garbled)
    print(text(result.output))

    // 2. Read the plan: its passes, each with a chain of steps and the byte ranges it changed.
    print("\(result.plan.changeCount) changes, lossless: \(result.plan.isLossless)")
    for pass in result.plan.passes {
        print("pass \(pass.kind.rawValue): \(pass.chain.chainDescription)")
        for change in pass.changes {
            print("  bytes \(change.inputRange.lowerBound)..<\(change.inputRange.upperBound): \"\(change.before ?? "")\" -> \"\(change.after)\"")
        }
    }

    // 3. Replay the plan on the input and invert it on the output, through ICU directly.
    let replayer = PlanReplayer()
    let replayed = try replayer.replay(result.plan, on: garbled)
    let inverted = try replayer.invert(result.plan, on: result.output)
    print("replay gives the output: \(replayed == result.output); invert gives the input: \(inverted == garbled)")

    // 4. A refusal names its reason.
    do {
        _ = try Repairer(options: RepairOptions(maxInputBytes: 8)).repair(garbled)
    } catch {
        print("refused: \(error)")
    }
} catch {
    print("error: \(error)")
}

// 5. Normalise Markdown with the built-in rules plus the client's own one, enabled by name.
var options = NormalizeOptions()
options.enabledRules.insert(DoubleHyphenRule.name)
let normalizer = Normalizer(options: options, rules: RuleRegistry.rules + [DoubleHyphenRule.self])
let markdown = Array("# Notes  \n\nFast -- and safe.\n\n`a -- b` stays code.\n".utf8)
let normalized = normalizer.normalize(markdown)
print(text(normalized.output), terminator: "")

// 6. Read the findings: the rule's name, a message, and the byte offset in the input.
let document = MarkdownDocument(markdown)
for finding in normalized.findings {
    let (line, column) = document.lineAndColumn(of: finding.offset)
    print("\(line):\(column) \(finding.severity.rawValue) \(finding.rule): \(finding.message)")
}
