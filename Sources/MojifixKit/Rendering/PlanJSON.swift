import MojifixCore
import MojifixWorkspace

/// The `explain --json` output: the plan with one object per change, written by hand so the CLI
/// needs no Foundation (process start-up time matters for a per-file tool).
package enum PlanJSON {
    package static func document(file: String, input: [UInt8], result: RepairResult, verified: Bool?) -> String {
        let plan = result.plan
        let texts = plan.passInputs(from: input)
        let indexes = texts.map(LineIndex.init)
        var passes: [String] = []
        for (index, pass) in plan.passes.enumerated() {
            let changes = pass.changes.map { change -> String in
                let (line, column) = pass.kind == .transcode ? (1, 1) : indexes[index].lineAndColumn(of: change.inputRange.lowerBound)
                var fields = [
                    "\"input_range\": [\(change.inputRange.lowerBound), \(change.inputRange.upperBound)]",
                    "\"output_range\": [\(change.outputRange.lowerBound), \(change.outputRange.upperBound)]",
                    "\"line\": \(line)", "\"column\": \(column)",
                    "\"steps\": \(array(change.steps.map { string($0.description) }))",
                    "\"confidence\": \(change.confidence)",
                    "\"lossless\": \(change.lossless)",
                    "\"before\": \(change.before.map(string) ?? "null")",
                    "\"after\": \(string(change.after))",
                ]
                if let guesses = change.guesses { fields.append("\"guesses\": \(array(guesses.map(string)))") }
                if let original = change.originalBytes { fields.append("\"original_bytes\": \(array(original.map { String($0) }))") }
                return "{" + fields.joined(separator: ", ") + "}"
            }
            passes.append("""
                {"kind": \(string(pass.kind.rawValue)), "chain": \(array(pass.chain.map { string($0.description) })), \
                "changes": [\n      \(changes.joined(separator: ",\n      "))\n    ]}
                """)
        }
        var fields = [
            "\"file\": \(string(file))",
            "\"changed\": \(result.changed)",
            "\"lossless\": \(plan.isLossless)",
            "\"input_encoding\": \(string(plan.inputEncoding))",
            "\"input_bytes\": \(input.count)",
            "\"output_bytes\": \(result.output.count)",
            "\"change_count\": \(plan.changeCount)",
        ]
        if let verified { fields.append("\"verified\": \(verified)") }
        // Lossy changes found but not made (without --lossy): listed so a person can decide.
        let withheld = LocatedChanges.positioned(plan.withheldChanges(input: input, output: result.output)).map { change, line, column -> String in
            var fields = ["\"line\": \(line)", "\"column\": \(column)", "\"lossless\": false", "\"applied\": false",
                          "\"steps\": \(array(change.steps.map { string($0.description) }))",
                          "\"before\": \(change.before.map(string) ?? "null")", "\"after\": \(string(change.after))"]
            if let guesses = change.guesses { fields.append("\"guesses\": \(array(guesses.map(string)))") }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        fields.append("\"withheld_lossy\": [" + withheld.joined(separator: ", ") + "]")
        // Mojibake left as written: quoted on purpose, or readings that tie.
        for (key, left) in [("quoted_left", plan.quotedChanges(input: input, output: result.output)),
                            ("ambiguous_left", plan.ambiguousChanges(input: input, output: result.output))] {
            let entries = LocatedChanges.positioned(left).map { change, line, column -> String in
                "{\"line\": \(line), \"column\": \(column), \"before\": \(change.before.map(string) ?? "null"), \"after\": \(string(change.after))}"
            }
            fields.append("\"\(key)\": [" + entries.joined(separator: ", ") + "]")
        }
        fields.append("\"passes\": [\n    \(passes.joined(separator: ",\n    "))\n  ]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    package static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    package static func string(_ text: String) -> String { JSONText.quote(text) }
}
