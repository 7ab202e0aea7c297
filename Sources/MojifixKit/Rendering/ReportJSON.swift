import MojifixWorkspace

/// The `--report FILE.json` documents of `fix`, `check` and `rename`: written by hand (no
/// Foundation at start-up), one shape for all: the run, one object a line, then the summary.
package enum ReportJSON {
    /// `{"command": …, "dry_run": …, "journal": …, "KEY": [\n  ITEM,\n  ITEM\n], REST}\n`.
    package static func document(command: String, dryRun: Bool, journal: String?, key: String, items: [String], rest: String) -> [UInt8] {
        var out = "{\"command\": \(JSONText.quote(command)), \"dry_run\": \(dryRun), "
            + "\"journal\": \(journal.map(JSONText.quote) ?? "null"), \"\(key)\": ["
        for (index, item) in items.enumerated() { out += (index == 0 ? "\n  " : ",\n  ") + item }
        out += "\n], " + rest + "}\n"
        return Array(out.utf8)
    }

    /// `{FIELD, FIELD}` from members already written as `"name": value`.
    package static func object(_ fields: [String]) -> String { "{" + fields.joined(separator: ", ") + "}" }
}
