import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `check`'s lines, `path:line:col: rule: message`, for a repair plan and a normalisation.
enum FindingLines {
    static func of(_ repaired: RepairResult, input: [UInt8], normalized: Normalizer.Result?, path raw: RawPath) -> [String] {
        var lines: [String] = []
        let path = raw.description
        // Line indexes only for texts that have something to report: most files have nothing.
        let texts = repaired.plan.passes.isEmpty ? [] : repaired.plan.passInputs(from: input)
        for (index, pass) in repaired.plan.passes.enumerated() {
            let positions = pass.kind == .transcode ? nil : LineIndex(texts[index])
            for change in pass.changes {
                let (line, column) = positions?.lineAndColumn(of: change.inputRange.lowerBound) ?? (1, 1)
                let what = pass.kind == .transcode ? "Transcode to UTF-8 (\(change.steps.chainDescription))"
                    : "Repair \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after)) (\(change.steps.chainDescription))"
                lines.append("\(path):\(line):\(column): \(pass.kind == .transcode ? "encoding" : "mojibake"): \(what)")
            }
        }
        for (change, text) in repaired.plan.withheldChanges(input: input, output: repaired.output) {
            let (line, column) = LineIndex(text).lineAndColumn(of: change.inputRange.lowerBound)
            lines.append("\(path):\(line):\(column): mojibake-lossy: Lossy repair not made (--lossy makes it) \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after))")
        }
        for (change, text) in repaired.plan.quotedChanges(input: input, output: repaired.output) {
            let (line, column) = LineIndex(text).lineAndColumn(of: change.inputRange.lowerBound)
            lines.append("\(path):\(line):\(column): mojibake-quoted: info: quoted mojibake left as written \(PlanText.quoted(change.before ?? "")) (would be \(PlanText.quoted(change.after)))")
        }
        guard let normalized, !normalized.findings.isEmpty else { return lines }
        let positions = LineIndex(repaired.output)
        for finding in normalized.findings {
            let (line, column) = positions.lineAndColumn(of: finding.offset)
            lines.append("\(path):\(line):\(column): \(finding.rule): \(finding.message)")
        }
        return lines
    }
}
