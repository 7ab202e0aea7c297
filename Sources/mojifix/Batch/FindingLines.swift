import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// One thing `check` reports, with its place and severity: `error` (the check fails: `fix` would
/// change it, or a security finding), `warning` (worth a look), `info` (advice).
struct CheckFinding: Sendable {
    enum Severity: String, Sendable, Comparable {
        case error, warning, info
        static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    var path: String
    var line: Int
    var column: Int
    var rule: String
    var message: String
    var severity: Severity

    /// `path:line:col: severity: rule: message`.
    var text: String { "\(path):\(line):\(column): \(severity.rawValue): \(rule): \(message)" }

    init(path: String, line: Int, column: Int, rule: String, message: String, severity: Severity) {
        self.path = path; self.line = line; self.column = column; self.rule = rule; self.message = message; self.severity = severity
    }

    init(path: String, line: Int, column: Int, _ finding: Finding) {
        let severity: Severity = switch finding.severity {
        case .fixed, .error: .error
        case .warning: .warning
        case .info: .info
        }
        self.init(path: path, line: line, column: column, rule: finding.rule, message: finding.message, severity: severity)
    }
}

/// `check`'s findings for a repair plan and a normalisation.
enum FindingLines {
    static func of(_ repaired: RepairResult, input: [UInt8], normalized: Normalizer.Result?, path raw: RawPath) -> [CheckFinding] {
        var lines: [CheckFinding] = []
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
                lines.append(CheckFinding(path: path, line: line, column: column, rule: pass.kind == .transcode ? "encoding" : "mojibake",
                                          message: what, severity: .error))
            }
        }
        guard let normalized else { return lines }
        return lines + of(normalized.findings, in: repaired.output, path: raw)
    }

    /// Findings of a normalisation, positioned in `text` (what the normaliser read).
    static func of(_ findings: [Finding], in text: [UInt8], path raw: RawPath) -> [CheckFinding] {
        guard !findings.isEmpty else { return [] }
        let path = raw.description
        let positions = LineIndex(text)
        return findings.map { finding in
            let (line, column) = positions.lineAndColumn(of: finding.offset)
            return CheckFinding(path: path, line: line, column: column, finding)
        }
    }
}
