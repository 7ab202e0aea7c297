import ArgumentParser
import MojifixCore
import MojifixWorkspace

/// `mojifix rename PATH...`: repairs garbled file and folder names (see FixNames). A dry run
/// unless --apply: a rename breaks every link and script that names the old path, so the user
/// reads the list first. `fix --names` is the same command under its first name.
struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Repair garbled file and folder names; a dry run unless --apply (journaled; `mojifix undo` renames back).",
        discussion: """
            Repairs raw CP949 bytes, CP949 or UTF-8 shown as \(Misreading.nameCharsetsDescription), and \
            macOS's decomposed Hangul. Prints `would rename OLD -> NEW (plan)` for each name (--diff: git's rename \
            diff, which `git apply -p1` replays). Every PATH is renamed too (`rename *` renames the folders `*` \
            matched), except the current folder and those above it. Hidden entries, the journal folder and symlink \
            targets are never walked. A name whose bytes an extractor replaced with `?` or U+FFFD is reported as \
            unrecoverable, with how to extract it again keeping the raw bytes. Exit codes: 0 nothing to rename; \
            1 renamed (or would be, without --apply); 2 a name could not be repaired (collision, ambiguous reading, \
            unrecoverable, error); 64 usage error.
            """
    )

    @Argument(help: "Files or folders.")
    var paths: [String]

    @Flag(name: .long, help: "Rename (each folder's renames journaled first; `mojifix undo` renames back).")
    var apply = false

    @Flag(name: .long, help: "Write nothing; print git's rename diff of what would be renamed.")
    var diff = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per name its path, new name, plan and status.", valueName: "FILE.json"))
    var report: String?

    @Option(name: .long, help: "Journal folder for undo (default: as for `fix`).")
    var journal: String?

    @Option(name: .long, help: ArgumentHelp("Under folders, rename only files matching this glob (repeatable; folders are always considered).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files and folders matching this glob (repeatable; a folder is not entered).", valueName: "glob"))
    var exclude: [String] = []

    @OptionGroup var configFile: ConfigOptions

    func run() throws {
        try reportingErrors {
            if apply && diff { throw CLIError(message: "--apply renames and --diff only previews: choose one", code: 64) }
            if paths.contains("-") { throw CLIError(message: "rename takes files or folders, not -", code: 64) }
            let location = try JournalLocation(flag: journal, configuration: try configFile.load())
            let scope = FixNames.Scope(include: include.isEmpty ? nil : BatchOptions.patterns(include), exclude: BatchOptions.patterns(exclude))
            throw ExitCode(try Self.rename(paths, apply: apply, diff: diff, report: report, scope: scope, location: location))
        }
    }

    /// The run shared with `fix --names`; its exit code.
    static func rename(_ paths: [String], apply: Bool, diff: Bool, report: String?, scope: FixNames.Scope,
                       location: JournalLocation) throws -> Int32 {
        let names = try FixNames(apply: apply, journal: Journal(folder: location.path, root: Beneath(root: FileIO.repositoryRoot())), scope: scope, diff: diff)
        let code = try names.fix(RawArguments.paths(paths))
        if let report {
            Paths.createFolders(Paths.parent(Paths.absolute(report)))
            do { try AtomicFile.write(json(names, dryRun: !apply), to: report, mode: 0o644) } catch {
                throw CLIError(message: "report: \(error)", code: 2)
            }
        }
        return code
    }

    /// `{"command": "rename", "dry_run", "journal", "names": [...], "summary": {...}}`.
    static func json(_ names: FixNames, dryRun: Bool) -> [UInt8] {
        var out = "{\"command\": \"rename\", \"dry_run\": \(dryRun), \"journal\": \(names.journalRunPath.map(JSONText.quote) ?? "null"), \"names\": ["
        for (index, record) in names.records.enumerated() {
            var fields = [JSONText.pathMember(record.path), "\"status\": \"\(record.status)\""]
            if let new = record.newName { fields.append("\"new_name\": \(JSONText.quote(String(decoding: new, as: UTF8.self)))") }
            if let plan = record.plan { fields.append("\"plan\": \(JSONText.quote(plan))") }
            out += (index == 0 ? "\n  {" : ",\n  {") + fields.joined(separator: ", ") + "}"
        }
        out += "\n], \"summary\": {\"renamed\": \(names.renamed), \"problems\": \(names.problems)}}\n"
        return Array(out.utf8)
    }
}
