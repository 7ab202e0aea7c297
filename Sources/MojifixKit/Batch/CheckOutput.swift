

/// How `check` prints its findings: `text` (one `path:line:col: severity: rule: message` line
/// each, then a per-rule summary on stderr), `json` (one object on stdout), or `github` (GitHub
/// Actions workflow commands: `::error file=…,line=…,col=…,title=rule::message`, which annotate
/// the pull request).
package enum CheckFormat: String, CaseIterable, Sendable {
    case text, json, github
}

package struct CheckOutput {
    package let findings: [CheckFinding]
    package let flavor: String

    package init(findings: [CheckFinding], flavor: String) {
        self.findings = findings; self.flavor = flavor
    }

    /// Per rule: its most severe severity, the number of findings and of files.
    package var summary: [(rule: String, severity: CheckFinding.Severity, findings: Int, files: Int)] {
        // A handful of rules and hundreds of thousands of findings: a linear search of the rows
        // and a file counted when it differs from the rule's last one (a file's findings come
        // together) cost less than hashing every finding's rule and path.
        var rows: [(rule: String, severity: CheckFinding.Severity, findings: Int, files: Set<String>, last: String)] = []
        for finding in findings {
            guard let k = rows.firstIndex(where: { $0.rule == finding.rule }) else {
                rows.append((finding.rule, finding.severity, 1, [finding.path], finding.path))
                continue
            }
            rows[k].severity = min(rows[k].severity, finding.severity)
            rows[k].findings += 1
            if rows[k].last != finding.path {
                rows[k].files.insert(finding.path)
                rows[k].last = finding.path
            }
        }
        return rows.map { (rule: $0.rule, severity: $0.severity, findings: $0.findings, files: $0.files.count) }
            .sorted { ($0.severity, -$0.findings, $0.rule) < ($1.severity, -$1.findings, $1.rule) }
    }

    /// The text format's lines, `path:line:col: severity: rule: message` each.
    package var textLines: [UInt8] {
        var out: [UInt8] = []
        writeTextLines { out += $0 }
        return out
    }

    /// `textLines` given to `write` a megabyte at a time: a garbled file's findings print tens of
    /// megabytes, which need not be held at once.
    package func writeTextLines(_ write: ([UInt8]) -> Void) {
        let chunk = 1 << 20
        var out: [UInt8] = []
        out.reserveCapacity(chunk + 4096)
        for finding in findings {
            finding.append(to: &out)
            out.append(0x0A)
            if out.count >= chunk { write(out); out.removeAll(keepingCapacity: true) }
        }
        if !out.isEmpty { write(out) }
    }

    /// The per-rule table (text format, on stderr).
    package var summaryTable: String {
        let rows = summary
        guard !rows.isEmpty else { return "" }
        let width = max(4, rows.map(\.rule.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var out = pad("rule", width) + "  severity  findings  files\n"
        for row in rows {
            out += pad(row.rule, width) + "  " + pad(row.severity.rawValue, 8) + "  " + pad(String(row.findings), 8) + "  \(row.files)\n"
        }
        return out
    }

    package var json: String {
        let items = findings.map {
            FindingJSON.object(path: $0.path, line: $0.line, column: $0.column, rule: $0.rule, severity: $0.severity.rawValue, message: $0.message)
        }
        let rows = summary.map {
            "{\"rule\": \(PlanJSON.string($0.rule)), \"severity\": \"\($0.severity.rawValue)\", \"findings\": \($0.findings), \"files\": \($0.files)}"
        }
        return "{\"flavor\": \(PlanJSON.string(flavor)),\n\"findings\": [\n  " + items.joined(separator: ",\n  ")
            + "\n],\n\"summary\": [\n  " + rows.joined(separator: ",\n  ") + "\n]}\n"
    }

    /// GitHub Actions annotations: `error`, `warning`, `notice` (info).
    package var github: String {
        findings.map { finding in
            let command = finding.severity == .info ? "notice" : finding.severity.rawValue
            return "::\(command) file=\(Self.property(finding.path)),line=\(finding.line),col=\(finding.column),title=\(Self.property(finding.rule))::"
                + Self.data(finding.message) + "\n"
        }.joined()
    }

    /// Escapes of the workflow-command syntax (the runner's `escapeData` / `escapeProperty`).
    package static func data(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    package static func property(_ s: String) -> String {
        data(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    /// Every `target` replaced by `replacement` (no Foundation).
    package func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
