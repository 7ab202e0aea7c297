import ArgumentParser
import MojifixKit
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// `mojifix undo [RUN...] [--group | --all]`: restores the files of journaled runs byte for byte,
/// and renames back what `fix --names` renamed (JournalUndo: confined to the repository root,
/// verified by hash); a file that changed since is refused, not overwritten.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the files of the last (or named) `fix` runs byte for byte, and rename back what `fix --names` renamed.",
        discussion: """
            Runs are taken in the order the journal's index lists them (newest first), never by file name; a run \
            file the index does not list, a journal someone else owns or can write to, a path that is absolute, \
            holds `..` or passes through a symlink, and a damaged line are refused. A file is restored only when \
            it still holds what the run wrote and the journal's bytes hash to what it replaced; its current \
            owner, mode and attributes are kept. A file still holding its original bytes (a run stopped before \
            replacing it) counts as restored. Names and contents undo in any order. --group undoes every run of \
            the last run's group (one pre-commit invocation: its parallel processes share a group; set \
            MOJIFIX_GROUP to choose one). Exit codes: 0 restored; 2 something was refused (those runs stay \
            undoable) or the journal is unreadable.
            """
    )

    @Argument(help: "Runs to undo (file names in the journal folder, see `mojifix journal list`); default: the last one.")
    var runNames: [String] = []

    @Flag(name: .long, help: "Undo every run of the last run's group (one pre-commit invocation).")
    var group = false

    @Flag(name: .long, help: "Undo every pending run, newest first.")
    var all = false

    @Option(name: .long, help: "Journal folder (default: as for `fix`).")
    var journal: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Show a progress bar on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    @OptionGroup var configFile: ConfigOptions

    func validate() throws {
        if [group, all, !runNames.isEmpty].filter({ $0 }).count > 1 { throw ValidationError("give runs, --group or --all, not several") }
    }

    func run() throws {
        try reportingErrors {
            let runs = JournalRuns(location: try JournalLocation(flag: journal, configuration: try configFile.load()))
            let chosen = try runs.choose(names: runNames, all: all, group: group)
            var bar: ProgressBar? = nil
            let undone = try runs.undo(chosen, start: { total in
                bar = (progress ?? (isatty(STDERR_FILENO) == 1)) && total > 0 ? ProgressBar(total: total) : nil
            }) { event in
                switch event {
                case .restored(let path): FileIO.writeOutput("restored \(path)\n")
                case .alreadyOriginal(let path): FileIO.writeOutput("already original \(path)\n")
                case .renamedBack(let path, let old): FileIO.writeOutput("renamed back \(path.display) -> \(RawPath.display(old))\n")
                case .refused(let why): FileIO.writeError("mojifix: error: \(why)\n")
                }
                bar?.advance(bytes: 0)
            }
            bar?.finish()
            FileIO.writeError("\(undone.summary.description) from \(runs.location.path)\n")
            if undone.refused { throw ExitCode(ExitStatus.failure) }
        }
    }
}
