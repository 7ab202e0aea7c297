import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// One thing `check` reports, with its place and severity: `error` (the check fails: `fix` would
/// change it, or a security finding), `warning` (worth a look), `info` (advice).
package struct CheckFinding: Sendable {
    package enum Severity: String, Sendable, Comparable {
        case error, warning, info
        package static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    package var path: String
    package var line: Int
    package var column: Int
    package var rule: String
    package var severity: Severity
    private var storage: Message

    /// A message of its own, or a range of bytes shared by the findings of one file: a garbled
    /// file has hundreds of thousands of findings, and a String each was a third of the time
    /// `check` took to build and print them.
    private enum Message: Sendable {
        case text(String)
        case shared(SharedBytes, Range<Int>)
    }

    package final class SharedBytes: Sendable {
        let bytes: [UInt8]
        package init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    package var message: String {
        get {
            switch storage {
            case .text(let text): text
            case .shared(let shared, let range): String(decoding: shared.bytes[range], as: UTF8.self)
            }
        }
        set { storage = .text(newValue) }
    }

    /// `path:line:col: severity: rule: message`.
    package var text: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` as bytes: a garbled line gives hundreds of thousands of findings, and
    /// interpolating each into a String of its own doubled the time `check` takes to print them.
    package func append(to out: inout [UInt8]) {
        var path = path, rule = rule, severity = severity.rawValue
        path.withUTF8 { out += $0 }
        out.append(0x3A)
        Self.appendDecimal(line, to: &out)
        out.append(0x3A)
        Self.appendDecimal(column, to: &out)
        out.append(0x3A); out.append(0x20)
        severity.withUTF8 { out += $0 }
        out.append(0x3A); out.append(0x20)
        rule.withUTF8 { out += $0 }
        out.append(0x3A); out.append(0x20)
        switch storage {
        case .text(var text): text.withUTF8 { out += $0 }
        case .shared(let shared, let range): out += shared.bytes[range]
        }
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(0x30 + UInt8(value % 10))
    }

    package init(path: String, line: Int, column: Int, rule: String, message: String, severity: Severity) {
        self.path = path; self.line = line; self.column = column; self.rule = rule; self.storage = .text(message); self.severity = severity
    }

    /// With the message `shared.bytes[range]` (valid UTF-8).
    package init(path: String, line: Int, column: Int, rule: String, shared: SharedBytes, range: Range<Int>, severity: Severity) {
        self.path = path; self.line = line; self.column = column; self.rule = rule; self.storage = .shared(shared, range); self.severity = severity
    }

    package init(path: String, line: Int, column: Int, _ finding: Finding) {
        let severity: Severity = switch finding.severity {
        case .fixed, .error: .error
        case .warning: .warning
        case .info: .info
        }
        self.init(path: path, line: line, column: column, rule: finding.rule, message: finding.message, severity: severity)
    }
}

/// `check`'s findings for a repair plan and a normalisation.
package enum FindingLines {
    package static func of(_ repaired: RepairResult, input: [UInt8], normalized: Normalizer.Result?, path raw: RawPath) -> [CheckFinding] {
        var lines: [CheckFinding] = []
        let path = raw.description
        // Line indexes only for texts that have something to report: most files have nothing.
        let texts = repaired.plan.passes.isEmpty ? [] : repaired.plan.passInputs(from: input)
        // Each message is built as bytes, and each chain described once: a garbled file has
        // hundreds of thousands of changes and a handful of chains.
        var chains: [[ChainStep]: [UInt8]] = [:]
        let transcode = Array("Transcode to UTF-8 (".utf8), repair = Array("Repair ".utf8)
        // The messages of the passes' changes go into buffers of about a megabyte, each shared by
        // the findings whose messages it holds.
        let chunk = 1 << 20
        var out: [UInt8] = [], pending: [(line: Int, column: Int, rule: String, end: Int)] = []
        out.reserveCapacity(chunk + 4096)
        // Every finding's room up front: growing the array copies hundreds of thousands of them.
        let plan = repaired.plan
        lines.reserveCapacity(plan.changeCount + (plan.withheld?.count ?? 0) + (plan.quoted?.count ?? 0) + (plan.ambiguous?.count ?? 0) + (normalized?.findings.count ?? 0))
        func share() {
            let shared = CheckFinding.SharedBytes(out)
            var start = 0
            for (line, column, rule, end) in pending {
                lines.append(CheckFinding(path: path, line: line, column: column, rule: rule, shared: shared, range: start..<end, severity: .error))
                start = end
            }
            pending.removeAll(keepingCapacity: true)
            out = []
            out.reserveCapacity(chunk + 4096)
        }
        for (index, pass) in repaired.plan.passes.enumerated() {
            var positions = pass.kind == .transcode ? nil : LineIndex.Walk(LineIndex(texts[index]))
            let passChain = Array(pass.chain.chainDescription.utf8)
            let rule = pass.kind == .transcode ? "encoding" : "mojibake"
            for change in pass.changes {
                let (line, column) = positions?.lineAndColumn(of: change.inputRange.lowerBound) ?? (1, 1)
                var chain = passChain
                if change.steps != pass.chain {
                    chain = chains[change.steps] ?? Array(change.steps.chainDescription.utf8)
                    chains[change.steps] = chain
                }
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
                pending.append((line, column, rule, out.count))
                if out.count >= chunk { share() }
            }
        }
        if !pending.isEmpty { share() }
        for (change, line, column) in LocatedChanges.positioned(repaired.plan.withheldChanges(input: input, output: repaired.output)) {
            lines.append(CheckFinding(path: path, line: line, column: column, rule: "mojibake-lossy",
                                      message: "Lossy repair not made (--lossy makes it) \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after))",
                                      severity: .warning))
        }
        for (change, line, column) in LocatedChanges.positioned(repaired.plan.quotedChanges(input: input, output: repaired.output)) {
            lines.append(CheckFinding(path: path, line: line, column: column, rule: "mojibake-quoted",
                                      message: "quoted mojibake left as written \(PlanText.quoted(change.before ?? "")) (would be \(PlanText.quoted(change.after)))",
                                      severity: .info))
        }
        for (change, line, column) in LocatedChanges.positioned(repaired.plan.ambiguousChanges(input: input, output: repaired.output)) {
            lines.append(CheckFinding(path: path, line: line, column: column, rule: "mojibake-ambiguous",
                                      message: "mojibake left as written: readings tie \(PlanText.quoted(change.before ?? "")) (one gives \(PlanText.quoted(change.after)))",
                                      severity: .warning))
        }
        guard let normalized else { return lines }
        lines += of(normalized.findings, in: repaired.output, path: raw)   // in place: no copy of the many
        return lines
    }

    /// Findings of a normalisation, positioned in `text` (what the normaliser read).
    package static func of(_ findings: [Finding], in text: [UInt8], path raw: RawPath) -> [CheckFinding] {
        guard !findings.isEmpty else { return [] }
        let path = raw.description
        let positions = LineIndex(text)
        return findings.map { finding in
            let (line, column) = positions.lineAndColumn(of: finding.offset)
            return CheckFinding(path: path, line: line, column: column, finding)
        }
    }
}
