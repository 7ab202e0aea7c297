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
        let names = records.map { record in
            var fields = [JSONText.pathMember(record.path), "\"status\": \"\(record.status)\""]
            if let new = record.newName { fields.append("\"new_name\": \(JSONText.quote(String(decoding: new, as: UTF8.self)))") }
            if let plan = record.plan { fields.append("\"plan\": \(JSONText.quote(plan))") }
            return ReportJSON.object(fields)
        }
        return ReportJSON.document(command: "rename", dryRun: dryRun, journal: journalRunPath, key: "names", items: names,
                                   rest: "\"summary\": {\"renamed\": \(renamed), \"problems\": \(problems)}")
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
