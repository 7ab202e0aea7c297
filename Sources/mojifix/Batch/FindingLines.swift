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
        var chains: [[ChainStep]: String] = [:]   // a handful of chains for thousands of changes
        for (index, pass) in repaired.plan.passes.enumerated() {
            let positions = pass.kind == .transcode ? nil : LineIndex(texts[index])
            for change in pass.changes {
                let (line, column) = positions?.lineAndColumn(of: change.inputRange.lowerBound) ?? (1, 1)
                let chain = chains[change.steps] ?? change.steps.chainDescription
                chains[change.steps] = chain
                let what = pass.kind == .transcode ? "Transcode to UTF-8 (\(chain))"
                    : "Repair \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after)) (\(chain))"
                lines.append("\(path):\(line):\(column): \(pass.kind == .transcode ? "encoding" : "mojibake"): \(what)")
            }
        }
        guard let normalized else { return lines }
        return lines + of(normalized.findings, in: repaired.output, path: raw)
    }

    /// Lines for a normalisation's findings, positioned in `text` (what the normaliser read).
    static func of(_ findings: [Finding], in text: [UInt8], path raw: RawPath) -> [String] {
        guard !findings.isEmpty else { return [] }
        let path = raw.description
        let positions = LineIndex(text)
        return findings.map { finding in
            let (line, column) = positions.lineAndColumn(of: finding.offset)
            return "\(path):\(line):\(column): \(finding.rule): \(finding.message)"
        }
    }
}
