import MojifixCore

/// The human-readable `explain` output.
enum PlanText {
    static func document(file: String, input: [UInt8], result: RepairResult, verified: Bool?) -> String {
        let plan = result.plan
        var out = ""
        if plan.isEmpty {
            let withheld = plan.withheld?.count ?? 0
            out += withheld > 0 ? "\(file): no lossless repair; \(withheld) lossy repair\(withheld == 1 ? "" : "s") not made (use --lossy)\n"
                : "\(file): no mojibake found; output is identical to input\n"
        } else {
            let kind = plan.isLossless ? "lossless" : "lossy (lost bytes were guessed; see below)"
            out += "\(file): \(plan.changeCount) change\(plan.changeCount == 1 ? "" : "s") in \(plan.passes.count) pass\(plan.passes.count == 1 ? "" : "es"), \(kind)\n"
        }
        if plan.inputEncoding != "UTF-8" { out += "input encoding: \(plan.inputEncoding)\n" }
        let texts = plan.passInputs(from: input)
        let indexes = texts.map(LineIndex.init)
        for (index, pass) in plan.passes.enumerated() {
            out += "pass \(index + 1) (\(pass.kind.rawValue)): \(pass.chain.chainDescription)\n"
            for change in pass.changes {
                let (line, column) = pass.kind == .transcode ? (1, 1) : indexes[index].lineAndColumn(of: change.inputRange.lowerBound)
                let before = change.before.map { quoted($0) } ?? "<\(change.inputRange.count) bytes>"
                let chain = change.steps == pass.chain ? "" : " [\(change.steps.chainDescription)]"
                out += "  \(line):\(column) \(before) -> \(quoted(change.after))\(chain) confidence \(change.confidence)"
                out += change.lossless ? "\n" : " LOSSY\n"
                for guess in change.guesses ?? [] { out += "      guessed: \(guess)\n" }
            }
        }
        for (change, text) in plan.withheldChanges(input: input, output: result.output) {
            let (line, column) = LineIndex(text).lineAndColumn(of: change.inputRange.lowerBound)
            out += "  \(line):\(column) \(quoted(change.before ?? "")) -> \(quoted(change.after)) LOSSY, not made (--lossy makes it)\n"
            for guess in change.guesses ?? [] { out += "      would guess: \(guess)\n" }
        }
        for (change, text) in plan.quotedChanges(input: input, output: result.output) {
            let (line, column) = LineIndex(text).lineAndColumn(of: change.inputRange.lowerBound)
            out += "  \(line):\(column) \(quoted(change.before ?? "")) info: quoted mojibake left as written (would be \(quoted(change.after)))\n"
        }
        if let verified { out += verified ? "verified: replay and inverse give the exact bytes\n" : "verification FAILED\n" }
        return out
    }

    /// Quotes text for one line, showing controls and invisible characters as escapes.
    static func quoted(_ text: String, limit: Int = 120) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit { out += "…"; break }
            count += 1
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x22: out += "\\\""
            case 0x00..<0x20, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFEFF, 0xE000...0xF8FF:
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
