import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// `mojifix undo [RUN]`: restores the files of the last (or the named) journaled run, byte for
/// byte; a file that changed since is refused, not overwritten.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the files of the last (or a named) `fix` run byte for byte.",
        discussion: """
            A file still holding its original bytes (a run stopped before replacing it) counts as restored. \
            Exit codes: 0 restored; 2 a file changed since the run (not restored) or the journal is unreadable.
            """
    )

    @Argument(help: "The run to undo (a file name in the journal folder); default: the last one.")
    var runName: String?

    @Option(name: .long, help: "Journal folder (default: as for `fix`).")
    var journal: String?

    @OptionGroup var configFile: ConfigOptions

    func run() throws {
        try reportingErrors {
            let location = JournalLocation(flag: journal, configuration: try configFile.load())
            let journal = Journal(folder: location.path)
            guard let name = runName ?? journal.runs().last else {
                throw CLIError(message: "nothing to undo in \(location.path)", code: 2)
            }
            guard !name.contains("/") else { throw CLIError(message: "\(name): a run is a file name in \(location.path)", code: 64) }
            let entries: [JournalEntry]
            do { entries = try journal.entries(of: name) } catch { throw CLIError(message: "\(error)", code: 2) }
            FixCommand.removeStaleTemporaries(near: entries.map(\.path))
            var refused = false
            for entry in entries.reversed() {
                if location.holds(entry.path) {
                    FileIO.writeError("mojifix: error: \(entry.path): inside the journal folder; not restored\n"); refused = true; continue
                }
                let current: [UInt8]
                do { current = try AtomicFile.read(entry.path).bytes } catch {
                    FileIO.writeError("mojifix: error: \(entry.path): cannot read (\(error)); not restored\n"); refused = true; continue
                }
                let sha = SHA256.hex(current)
                if sha == entry.sha256Before {
                    // The run was stopped between journaling the file and replacing it.
                    FileIO.writeOutput("already original \(entry.path)\n")
                    continue
                }
                guard sha == entry.sha256After else {
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
