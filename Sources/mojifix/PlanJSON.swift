import MojifixCore

/// The `explain --json` output: the plan with one object per change, written by hand so the CLI
/// needs no Foundation (process start-up time matters for a per-file tool).
enum PlanJSON {
    static func document(file: String, input: [UInt8], result: RepairResult, verified: Bool?) -> String {
        let plan = result.plan
        let texts = plan.passInputs(from: input)
        var passes: [String] = []
        for (index, pass) in plan.passes.enumerated() {
            let changes = pass.changes.map { change -> String in
                let (line, column) = pass.kind == .transcode ? (1, 1) : lineAndColumn(of: change.inputRange.lowerBound, in: texts[index])
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
        fields.append("\"passes\": [\n    \(passes.joined(separator: ",\n    "))\n  ]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// A JSON string literal (RFC 8259 escaping).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
