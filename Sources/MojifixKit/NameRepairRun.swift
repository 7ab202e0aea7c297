import MojifixWorkspace

extension FixNames {
    /// `rename PATH...` and `fix --names`: the names under `paths` repaired (renamed with `apply`,
    /// journaled in `location`), the `--report` document written when asked; the run's status.
    package static func run(_ paths: [RawPath], apply: Bool, diff: Bool, report: String?, scope: Scope,
                            location: JournalLocation, root: String? = nil) throws -> ExitStatus {
        let names = try FixNames(apply: apply, journal: JournalRuns(location: location, root: root).journal, scope: scope, diff: diff)
        let status = try names.fix(paths)
        if let report { try ReportFile.write(names.json(dryRun: !apply), to: report) }
        return status
    }

    /// `{"command": "rename", "dry_run", "journal", "names": [...], "summary": {...}}`.
    package func json(dryRun: Bool) -> [UInt8] {
        var out = "{\"command\": \"rename\", \"dry_run\": \(dryRun), \"journal\": \(journalRunPath.map(JSONText.quote) ?? "null"), \"names\": ["
        for (index, record) in records.enumerated() {
            var fields = [JSONText.pathMember(record.path), "\"status\": \"\(record.status)\""]
            if let new = record.newName { fields.append("\"new_name\": \(JSONText.quote(String(decoding: new, as: UTF8.self)))") }
            if let plan = record.plan { fields.append("\"plan\": \(JSONText.quote(plan))") }
            out += (index == 0 ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}"
        }
        out += "\n], \"summary\": {\"renamed\": \(renamed), \"problems\": \(problems)}}\n"
        return Array(out.utf8)
    }
}

/// A `--report FILE.json` document, written atomically (its folder created).
enum ReportFile {
    static func write(_ bytes: [UInt8], to path: String) throws(WorkflowError) {
        Paths.createFolders(Paths.parent(Paths.absolute(path)))
        do { try AtomicFile.write(bytes, to: path, mode: 0o644) } catch {
            throw WorkflowError("report: \(error)")
        }
    }
}
