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

    @Option(name: .long, help: "Read legacy input as this charset (see `repair --help`).")
    var from: String?

    @OptionGroup var normalize: NormalizeOptionsGroup

    func run() throws {
        try reportingErrors {
            let options = try normalize.options()
            let repairer = try Repairer(options: RepairOptions(from: from.map(Charset.named)))
            let normalizer = Normalizer(options: options)
            if paths == ["-"] || stdout {
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
            var run: JournalRun? = nil
            var modified = 0, failed = false
            for path in try FileIO.markdownFiles(under: paths) {
                let original: [UInt8], mode: mode_t
                do { (original, mode) = try AtomicFile.read(path) } catch {
                    FileIO.writeError("mojifix: error: \(error)\n"); failed = true; continue
                }
                let repaired: RepairResult
                do { repaired = try repairer.repair(original) } catch let error as RepairError {
                    if case .binary = error { FileIO.writeError("mojifix: skipped \(path): \(error)\n"); continue }
                    FileIO.writeError("mojifix: error: \(path): \(error)\n"); failed = true; continue
                }
                let output = normalizer.normalize(repaired.output).output
                guard output != original else { continue }
                modified += 1
                FileIO.writeOutput("\(dryRun ? "would fix" : "fixed") \(path)\n")
                if dryRun { continue }
                do {
                    if run == nil { run = try Journal(folder: journal).start() }
                    // The journal entry is on disk before the file is replaced.
                    try run!.append(JournalEntry(path: FileIO.absolute(path), mode: UInt32(mode), sha256Before: SHA256.hex(original),
                                                 sha256After: SHA256.hex(output), original: original))
                    try AtomicFile.write(output, to: path, mode: mode)
                } catch {
                    FileIO.writeError("mojifix: error: \(error)\n"); failed = true
                }
            }
            if let run { FileIO.writeError("journal: \(journal)/\(run.name) (undo with `mojifix undo`)\n") }
            if failed { throw ExitCode(2) }
            if modified > 0 { throw ExitCode(1) }
        }
    }
}

/// `mojifix undo [RUN]`: restores the files of the last (or the named) journaled run, byte for
/// byte; a file that changed since is refused, not overwritten.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the files of the last (or a named) `fix` run byte for byte.",
        discussion: "Exit codes: 0 restored; 2 a file changed since the run (not restored) or the journal is unreadable."
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
            for entry in entries.reversed() {
                let current: [UInt8]
                do { current = try AtomicFile.read(entry.path).bytes } catch {
                    FileIO.writeError("mojifix: error: \(entry.path): cannot read (\(error)); not restored\n"); refused = true; continue
                }
                guard SHA256.hex(current) == entry.sha256After else {
                    FileIO.writeError("mojifix: error: \(entry.path): changed since the fix; not restored\n"); refused = true; continue
                }
                do {
                    try AtomicFile.write(entry.original, to: entry.path, mode: mode_t(entry.mode))
                    FileIO.writeOutput("restored \(entry.path)\n")
                } catch {
                    FileIO.writeError("mojifix: error: \(error)\n"); refused = true
                }
            }
            if refused { throw ExitCode(2) }
            do { try journal.markUndone(name) } catch { throw CLIError(message: "\(error)", code: 2) }
        }
    }
}
