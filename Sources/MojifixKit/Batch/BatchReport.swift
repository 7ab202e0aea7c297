import MojifixWorkspace

/// The end of a batch: the summary table (stderr) and the `--report FILE.json` document.
package struct BatchReport {
    package var outcomes: [FileOutcome]
    package var problems: [String]
    package var renamed = 0
    /// Files and folders the filters (--include, --exclude, .gitignore) left out of a folder walk.
    package var leftOut = 0

    package init(outcomes: [FileOutcome], problems: [String], leftOut: Int = 0) {
        self.outcomes = outcomes; self.problems = problems; self.leftOut = leftOut
    }

    package func count(_ status: FileOutcome.Status) -> Int { outcomes.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }
    package var errors: Int { count(.error) + problems.count }

    /// The batch exit contract: 2 errors, else 3 ambiguous files (choose with --from), else
    /// 1 when something changed (or would, or `check` found something), else 0.
    package func exitStatus(dirty: Bool) -> ExitStatus {
        errors > 0 ? .failure : count(.ambiguous) > 0 ? .ambiguous : dirty ? .changed : .clean
    }

    /// Each file's error, skip or ambiguity on stderr, in file order.
    package func printProblems() {
        for problem in problems { FileIO.writeError("mojifix: error: \(problem)\n") }
        for outcome in outcomes {
            switch outcome.status {
            case .error: FileIO.writeError("mojifix: error: \(outcome.message ?? "\(outcome.path)")\n")
            case .ambiguous: FileIO.writeError("mojifix: ambiguous: \(outcome.message ?? "\(outcome.path)")\n")
            case .skipped: FileIO.writeError("mojifix: skipped \(outcome.message ?? "\(outcome.path)")\n")
            default: break
            }
        }
    }

    /// The JSON report, written atomically.
    package func writeJSON(command: String, dryRun: Bool, journalRun: String?, to path: String) throws {
        try ReportFile.write(json(command: command, dryRun: dryRun, journalRun: journalRun), to: path)
    }

    /// A fixed-width table, one row a status.
    package var table: String {
        let rows: [(String, Int)] = [
            ("files scanned", outcomes.count), ("repaired", count(.repaired)), ("transcoded", count(.transcoded)),
            ("normalised", count(.normalised)), ("renamed", renamed), ("unchanged", count(.unchanged)),
            ("skipped", count(.skipped)), ("ambiguous", count(.ambiguous)), ("errors", errors),
            ("left out", leftOut),
        ]
        let width = rows.map { String($0.1).count }.max() ?? 1
        return rows.map { name, value in
            name + String(repeating: " ", count: 15 + width - name.count - String(value).count) + String(value)
        }.joined(separator: "\n") + "\n"
    }

    /// One JSON object per file (path, status, message, SHA-256 before/after, plan chains, rules).
    package func json(command: String, dryRun: Bool, journalRun: String?) -> [UInt8] {
        let files = outcomes.map { outcome in
            var fields = [JSONText.pathMember(outcome.path) + (outcome.path.string == nil ? ", \"path_display\": \(JSONText.quote(outcome.path.description))" : ""),
                          "\"status\": \"\(outcome.status.rawValue)\"", "\"bytes\": \(outcome.bytes)"]
            if let message = outcome.message { fields.append("\"message\": \(JSONText.quote(message))") }
            if let before = outcome.sha256Before { fields.append("\"sha256_before\": \"\(before)\"") }
            if let after = outcome.sha256After { fields.append("\"sha256_after\": \"\(after)\"") }
            fields.append("\"plan\": [" + outcome.plan.map { "{\"chain\": \(JSONText.quote($0.chain)), \"changes\": \($0.changes)}" }
                .joined(separator: ", ") + "]")
            fields.append("\"lossy_changes\": \(outcome.lossyChanges), \"lossy_withheld\": \(outcome.lossyWithheld)")
            fields.append("\"rules\": [" + outcome.rules.map(JSONText.quote).joined(separator: ", ") + "]")
            return ReportJSON.object(fields)
        }
        let summary = ["repaired", "transcoded", "normalised", "unchanged", "skipped", "ambiguous"].map { name in
            "\"\(name)\": \(count(FileOutcome.Status(rawValue: name)!))"
        }.joined(separator: ", ")
        return ReportJSON.document(command: command, dryRun: dryRun, journal: journalRun, key: "files", items: files,
                                   rest: "\"problems\": [" + problems.map(JSONText.quote).joined(separator: ", ") + "], \"summary\": {" + summary
                                       + ", \"renamed\": \(renamed), \"errors\": \(errors), \"left_out\": \(leftOut), \"files\": \(outcomes.count)}")
    }
}
