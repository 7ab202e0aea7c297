import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `mojifix fix PATH...`: repair then normalise, rewriting files in place (atomically, journaled
/// for `undo`); `fix -` and `fix --stdout FILE` print instead.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair mojibake, then normalise the Markdown, in place (journaled; see `undo`).",
        discussion: """
            `fix -` reads stdin and writes stdout; `fix --stdout FILE` prints instead of rewriting. Folders are \
            searched for Markdown files. Exit codes (the pre-commit fixer convention): 0 nothing changed; \
            1 files were modified (or would be, with --dry-run); 2 a file could not be processed.

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

    @Option(name: .long, help: "Journal folder for undo.")
    var journal: String = ".mojifix/journal"

    @Flag(name: .long, help: "Repair garbled file and folder names instead of contents; a dry run unless --apply (exit 1 when something would be renamed).")
    var names = false

    @Flag(name: .long, help: "With --names: rename (each folder's renames journaled first; `mojifix undo` renames back).")
    var apply = false

    @Option(name: .long, help: "Read legacy input as this charset (see `repair --help`).")
    var from: String?

    @Option(name: .customLong("report-json"), help: ArgumentHelp("Write a JSON report: one entry per file with its status and plan.", valueName: "file.json"))
    var reportJSON: String?

    @OptionGroup var batch: BatchOptions

    @OptionGroup var normalize: NormalizeOptionsGroup

    func run() throws {
        try reportingErrors {
            if names { throw ExitCode(try fixNames()) }
            guard !apply else { throw CLIError(message: "--apply goes with --names (fix PATH already rewrites; preview with --dry-run)", code: 64) }
            let options = try normalize.options()
            let normalizer = Normalizer(options: options)
            if paths == ["-"] || stdout {
                let repairer = try Repairer(options: RepairOptions(from: from.map(Charset.named)))
                guard paths.count == 1 else { throw CLIError(message: "--stdout takes one file", code: 64) }
                let name = paths[0] == "-" ? "<stdin>" : paths[0]
                let input: [UInt8]
                do {
                    input = try paths[0] == "-" ? FileIO.readStandardInput(limit: 512 << 20) : FileIO.read(path: paths[0], limit: 512 << 20)
                } catch { throw CLIError(message: "\(name): \(error)", code: 2) }
                let repaired = try InputOptions.repair(input, with: repairer, name: name)
                let result = normalizer.normalize(repaired.output)
                FileIO.writeOutput(result.output)
                normalize.printReport(result, input: repaired.output, file: name)
                return
            }
            let journalFolder = journal
            let (files, problems, walkedFolder) = batch.files(under: paths, skipping: journalFolder)
            let sink = JournalSink(folder: journalFolder)
            let dryRun = dryRun
            let runner = BatchRunner(total: files.count, showProgress: batch.showsProgress)
            let outcomes = try runner.run(files, workers: batch.workerCount, makeWorker: {
                FileWork(repairer: try Repairer(options: RepairOptions(from: from.map(Charset.named), maxInputBytes: batch.maxBytes)),
                         normalizer: normalizer, limit: batch.maxBytes)
            }) { work, path in
                work.process(path) { original, mode, output, outcome in
                    guard outcome.changed else { return }
                    outcome.sha256Before = SHA256.hex(original)
                    outcome.sha256After = SHA256.hex(output)
                    if dryRun { return }
                    do {
                        // The journal entry is on disk before the file is replaced.
                        try sink.append(JournalEntry(path: path.absolute, mode: mode, sha256Before: outcome.sha256Before!,
                                                     sha256After: outcome.sha256After!, original: original))
                        try AtomicFile.write(output, to: path, mode: mode_t(mode))
                    } catch {
                        outcome.status = .error; outcome.message = "\(error)"
                    }
                }
            }
            let report = BatchReport(outcomes: outcomes, problems: problems)
            try finish(report, walkedFolder: walkedFolder, run: sink.runName)
        }
    }

    /// Per-file lines in file order, the summary table after a folder walk, the JSON report.
    private func finish(_ report: BatchReport, walkedFolder: Bool, run: String?) throws {
        report.printProblems()
        for outcome in report.outcomes where outcome.changed {
            FileIO.writeOutput("\(dryRun ? "would fix" : "fixed") \(outcome.path) (\(outcome.status.rawValue))\n")
        }
        try report.finish(command: "fix", dryRun: dryRun, walkedFolder: walkedFolder, jsonPath: reportJSON)
        if let run { FileIO.writeError("journal: \(journal)/\(run) (undo with `mojifix undo`)\n") }
        let code = report.exitCode(dirty: report.outcomes.contains(where: \.changed))
        if code != 0 { throw ExitCode(code) }
    }
}

extension FixCommand {
    /// Renaming is a preview by default, unlike content fixes: a rename breaks every link,
    /// script and bookmark that names the old path, and is harder to spot afterwards than an
    /// edit, so the user reads the list first and adds --apply.
    private func fixNames() throws -> Int32 {
        guard !stdout, !paths.contains("-") else { throw CLIError(message: "--names takes files or folders, not - or --stdout", code: 64) }
        guard from == nil else { throw CLIError(message: "--from does not apply to --names (names are detected one by one)", code: 64) }
        guard !(apply && dryRun) else { throw CLIError(message: "--apply and --dry-run contradict each other", code: 64) }
        return try FixNames(apply: apply, journalFolder: journal).fix(RawArguments.paths(paths))
    }
}

/// `mojifix undo [RUN]`: restores the files of the last (or the named) journaled run, byte for
/// byte; a file that changed since is refused, not overwritten.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the files of the last (or a named) `fix` run byte for byte, and rename back what `fix --names` renamed.",
        discussion: """
            Changes are undone in reverse order. A file that changed since the run is not restored; a renamed entry \
            that is gone or was replaced, or whose old name is taken, is not renamed back. Exit codes: 0 restored; \
            2 something was refused (the run stays undoable) or the journal is unreadable.
            """
    )

    @Argument(help: "The run to undo (a file name in the journal folder); default: the last one.")
    var runName: String?

    @Option(name: .long, help: "Journal folder.")
    var journal: String = ".mojifix/journal"

    func run() throws {
        try reportingErrors {
            let journal = Journal(folder: journal)
            guard let name = runName ?? journal.runs().last else {
                throw CLIError(message: "nothing to undo in \(self.journal)", code: 2)
            }
            let entries: [JournalEntry]
            do { entries = try journal.entries(of: name) } catch { throw CLIError(message: "\(error)", code: 2) }
            var refused = false
            var folders: Set<RawPath> = []
            for entry in entries.reversed() {
                switch entry.change {
                case .content(let content): refused = !Self.restore(content) || refused
                case .rename(let rename):
                    refused = !Self.renameBack(rename) || refused
                    folders.insert(rename.parent)
                }
            }
            folders.forEach(NameRename.syncFolder)
            if refused { throw ExitCode(2) }
            do { try journal.markUndone(name) } catch { throw CLIError(message: "\(error)", code: 2) }
        }
    }

    /// Writes a file's original bytes back, unless it changed since the fix.
    private static func restore(_ entry: JournalEntry.Content) -> Bool {
        let current: [UInt8]
        do { current = try AtomicFile.read(entry.path).bytes } catch {
            FileIO.writeError("mojifix: error: \(entry.path): cannot read (\(error)); not restored\n"); return false
        }
        guard SHA256.hex(current) == entry.sha256After else {
            FileIO.writeError("mojifix: error: \(entry.path): changed since the fix; not restored\n"); return false
        }
        do {
            try AtomicFile.write(entry.original, to: entry.path, mode: mode_t(entry.mode))
            FileIO.writeOutput("restored \(entry.path)\n")
            return true
        } catch {
            FileIO.writeError("mojifix: error: \(error)\n"); return false
        }
    }

    /// Gives a renamed entry its old name back (refused when it is gone, replaced, or the old name is taken).
    private static func renameBack(_ rename: JournalEntry.Rename) -> Bool {
        do {
            if try NameRename.undo(rename) == .restored {
                FileIO.writeOutput("renamed back \(rename.parent.appending(rename.newName).display) -> \(RawPath.display(rename.oldName))\n")
            }
            return true
        } catch {
            FileIO.writeError("mojifix: error: \(error)\n"); return false
        }
    }
}
