import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `mojifix fix PATH...`: repair then normalise, rewriting files in place (atomically, journaled
/// for `undo`); `fix -` and `fix --stdout FILE` print instead; `fix --names` repairs names.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair mojibake, then normalise the Markdown, in place (journaled; see `undo`).",
        discussion: """
            `fix -` reads stdin and writes stdout; `fix --stdout FILE` prints instead of rewriting. Folders are \
            walked (see --include). Markdown files are repaired and normalised, other text files only repaired; \
            binary files are skipped. Exit codes (pre-commit's fixer convention): 0 nothing changed; 1 files were \
            modified (or would be, with --dry-run or --diff); 2 a file or folder could not be processed (the others \
            were); 3 no errors, but a legacy file's encoding is ambiguous (listed, not guessed).

            `fix --names PATH...` repairs garbled file and folder names instead (raw CP949 bytes, CP949 or UTF-8 \
            shown as CP437, Latin-1, Windows-1252 or Mac OS Roman, macOS's decomposed Hangul). It is a dry run \
            that prints `old -> new (plan)` for each name and exits 1 when something would be renamed; add \
            --apply to rename (journaled; `mojifix undo` renames back). Hidden entries, the journal folder and \
            symlink targets are never walked; a folder given as PATH keeps its own name. Exit codes: 0 nothing \
            to rename; 1 renamed (or would be, without --apply); 2 a name could not be repaired (collision, \
            ambiguous reading, error).
            """
    )

    @Argument(help: "Files or folders, or - for standard input.")
    var paths: [String]

    @Flag(name: .long, help: "Print the result instead of rewriting the file (one file).")
    var stdout = false

    @Flag(name: .long, help: "Write nothing; list the files that would change.")
    var dryRun = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of what would change.")
    var diff = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per file its status, SHA-256 before and after, plan and normalisation rules.", valueName: "FILE.json"))
    var report: String?

    @Option(name: .long, help: "Journal folder for undo (default: [journal] folder of .mojifix.toml, else .mojifix/journal at the repository root).")
    var journal: String?

    @Flag(name: .long, help: "Repair garbled file and folder names instead of contents; a dry run unless --apply (exit 1 when something would be renamed).")
    var names = false

    @Flag(name: .long, help: "With --names: rename (each folder's renames journaled first; `mojifix undo` renames back).")
    var apply = false

    @Option(name: .long, help: "Read legacy input as this charset (see `repair --help`).")
    var from: String?

    @Flag(name: .long, help: "Also make lossy repairs (guessed lost bytes); default: .mojifix.toml's lossy, else off (they are then listed by check).")
    var lossy = false

    @OptionGroup var batch: BatchOptions

    @OptionGroup var normalize: NormalizeOptionsGroup

    func run() throws {
        try reportingErrors {
            let loaded = try normalize.configFile.load()
            let location = JournalLocation(flag: journal, configuration: loaded)
            if names { throw ExitCode(try fixNames(location)) }
            guard !apply else { throw CLIError(message: "--apply goes with --names (fix PATH already rewrites; preview with --dry-run)", code: 64) }
            let normalizer = Normalizer(options: try normalize.options(loaded))
            let makeWork = { () throws -> FileWork in
                FileWork(repairer: try Repairer(options: RepairOptions(from: from.map(Charset.named), maxInputBytes: batch.maxBytes,
                                                                     lossy: lossy || loaded?.configuration.lossy == true)),
                         normalizer: normalizer, limit: batch.maxBytes, hashEveryFile: report != nil)
            }
            if paths == ["-"] || stdout {
                try printFixed(try makeWork())
            } else {
                try fixInPlace(makeWork, location, loaded)
            }
        }
    }

    /// `fix -` / `fix --stdout FILE`: the result on stdout, nothing written. The input is
    /// normalised as Markdown whatever its name (this is how editors and scripts call it).
    private func printFixed(_ work: FileWork) throws {
        guard paths.count == 1 else { throw CLIError(message: "--stdout takes one file", code: 64) }
        let name = paths[0] == "-" ? "<stdin>" : paths[0]
        let input: [UInt8]
        do {
            input = try paths[0] == "-" ? FileIO.readStandardInput(limit: 512 << 20) : FileIO.read(path: paths[0], limit: 512 << 20)
        } catch { throw CLIError(message: "\(name): \(error)", code: 2) }
        var output: [UInt8] = []
        let outcome = work.process(input, path: RawPath(name), markdown: true) { output = $0 }
        switch outcome.status {
        case .ambiguous: throw CLIError(message: outcome.message ?? name, code: 3)
        case .error, .skipped: throw CLIError(message: outcome.message ?? name, code: 2)
        default: FileIO.writeOutput(output)
        }
        if let report {
            try BatchReport(outcomes: [outcome], problems: []).writeJSON(command: "fix", dryRun: true, journalRun: nil, to: report)
        }
    }

    private func fixInPlace(_ makeWork: () throws -> FileWork, _ location: JournalLocation, _ loaded: ConfigOptions.Loaded?) throws {
        let (walked, problems, walkedFolder) = batch.files(under: paths, configured: loaded)
        var files = walked
        if let file = files.first(where: { $0.string.map(location.isWithin) ?? false }) {
            throw CLIError(message: "journal folder \(location.path) is \(file), one of the files being fixed; choose another with --journal", code: 2)
        }
        // Never rewrite the journal's own files: `undo` must find them as they were written.
        let inJournal = files.filter { $0.string.map(location.holds) ?? false }
        files.removeAll { $0.string.map(location.holds) ?? false }
        let writing = !dryRun && !diff
        if writing { Self.removeStaleTemporaries(in: files.map(\.parentAndName.parent)) }
        let writer = JournaledWriter(journal: Journal(folder: location.path))
        let diff = diff
        let runner = BatchRunner(total: files.count, showProgress: batch.showsProgress)
        var outcomes = try runner.run(files, workers: batch.workerCount, makeWorker: makeWork) { work, path in
            work.process(path) { original, mode, output, outcome in
                guard outcome.changed else { return }
                if diff {
                    let name = path.bytes.first == UInt8(ascii: "/") ? String(path.description.dropFirst()) : path.description
                    outcome.diff = UnifiedDiff.make(old: original, new: output, name: name)
                }
                guard writing else { return }
                do {
                    try writer.replace(path, with: output, entry: JournalEntry(path: path.absolute, mode: mode, sha256Before: outcome.sha256Before!,
                                                                                sha256After: outcome.sha256After!, original: original),
                                       mode: mode_t(mode))
                } catch {
                    outcome.status = .error; outcome.message = "\(error)"
                }
            }
        }
        outcomes += inJournal.map { FileOutcome(path: $0, status: .skipped, message: "\($0): inside the journal folder \(location.path)") }
        let (run, failed) = writer.finish()
        for failure in failed {
            if let index = outcomes.firstIndex(where: { $0.path == failure.path }) {
                outcomes[index].status = .error; outcomes[index].message = failure.message
            }
        }
        let runPath = run.map { location.path + "/" + $0 }
        let report = BatchReport(outcomes: outcomes, problems: problems)
        report.printProblems()
        for outcome in outcomes where outcome.changed {
            if let diff = outcome.diff { FileIO.writeOutput(diff); continue }
            FileIO.writeOutput("\(writing ? "fixed" : "would fix") \(outcome.path) (\(outcome.status.rawValue))\n")
        }
        if walkedFolder { FileIO.writeError(report.table) }
        if let path = self.report { try report.writeJSON(command: "fix", dryRun: !writing, journalRun: runPath, to: path) }
        if let runPath { FileIO.writeError("journal: \(runPath) (undo with `mojifix undo`)\n") }
        let code = report.exitCode(dirty: outcomes.contains(where: \.changed))
        if code != 0 { throw ExitCode(code) }
    }

    /// Renaming is a preview by default, unlike content fixes: a rename breaks every link,
    /// script and bookmark that names the old path, and is harder to spot afterwards than an
    /// edit, so the user reads the list first and adds --apply.
    private func fixNames(_ location: JournalLocation) throws -> Int32 {
        guard !stdout, !paths.contains("-") else { throw CLIError(message: "--names takes files or folders, not - or --stdout", code: 64) }
        guard from == nil else { throw CLIError(message: "--from does not apply to --names (names are detected one by one)", code: 64) }
        guard !(apply && dryRun) else { throw CLIError(message: "--apply and --dry-run contradict each other", code: 64) }
        return try FixNames(apply: apply, journalFolder: location.path).fix(RawArguments.paths(paths))
    }

    /// Removes what writers killed mid-write left in these folders (never a live process's:
    /// pre-commit runs several `fix` at once).
    static func removeStaleTemporaries(in folders: [RawPath]) {
        var seen = Set<RawPath>()
        for folder in folders where seen.insert(folder).inserted {
            for name in AtomicFile.removeStaleTemporaries(in: folder) {
                FileIO.writeError("mojifix: removed \(folder.absolute.appending(name)), a temporary file of a killed run\n")
            }
        }
    }
}
