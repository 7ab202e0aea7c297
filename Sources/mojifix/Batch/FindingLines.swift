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
        // Each line is built as bytes, and each chain described once: a garbled file has hundreds
        // of thousands of changes and a handful of chains.
        var chains: [[ChainStep]: [UInt8]] = [:]
        let pathBytes = Array(path.utf8)
        let transcode = Array("Transcode to UTF-8 (".utf8), repair = Array("Repair ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        for (index, pass) in repaired.plan.passes.enumerated() {
            let positions = pass.kind == .transcode ? nil : LineIndex(texts[index])
            let passChain = Array(pass.chain.chainDescription.utf8)
            let rule = Array((pass.kind == .transcode ? ": encoding: " : ": mojibake: ").utf8)
            for change in pass.changes {
                let (line, column) = positions?.lineAndColumn(of: change.inputRange.lowerBound) ?? (1, 1)
                var chain = passChain
                if change.steps != pass.chain {
                    chain = chains[change.steps] ?? Array(change.steps.chainDescription.utf8)
                    chains[change.steps] = chain
                }
                out.removeAll(keepingCapacity: true)
                out += pathBytes
                out.append(0x3A)
                appendDecimal(line, to: &out)
                out.append(0x3A)
                appendDecimal(column, to: &out)
                out += rule
                if pass.kind == .transcode {
                    out += transcode
                } else {
                    out += repair
                    PlanText.quote(change.before ?? "", into: &out)
                    out += [0x20, 0x2D, 0x3E, 0x20]   // " -> "
                    PlanText.quote(change.after, into: &out)
                    out += [0x20, 0x28]   // " ("
                }
                out += chain
                out.append(0x29)
                lines.append(String(decoding: out, as: UTF8.self))
            }
        }
        guard let normalized else { return lines }
        return lines + of(normalized.findings, in: repaired.output, path: raw)
    }

    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(0x30 + UInt8(n % 10))
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
