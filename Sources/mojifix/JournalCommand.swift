import ArgumentParser
import MojifixKit
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// `mojifix journal list | show RUN | prune [--older-than DAYS]`: what the journal holds.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List, show or prune the runs `undo` can restore (the journal keeps the original bytes of every rewritten file).",
        subcommands: [List.self, Show.self, Prune.self]
    )

    struct Place: ParsableArguments {
        @Option(name: .long, help: "Journal folder (default: as for `fix`).")
        var journal: String?

        @OptionGroup var configFile: ConfigOptions

        func open() throws -> Journal {
            JournalRuns(location: try JournalLocation(flag: journal, configuration: try configFile.load())).journal
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The runs in the order they started: name, state, group, size.")
        @OptionGroup var place: Place

        func run() throws {
            try reportingErrors {
                let journal = try place.open()
                let runs: [Journal.Run], unlisted: [String]
                do { (runs, unlisted) = (try journal.runs(), try journal.unlisted()) } catch { throw WorkflowError("\(error)") }
                var total: Int64 = 0
                for run in runs {
                    let state = run.undone ? "undone" : run.size == nil ? "missing" : "pending"
                    FileIO.writeOutput("\(run.name)  \(state)  \(run.group)  \(run.size.map(JournalRuns.size) ?? "-")\n")
                    total += run.size ?? 0
                }
                for name in unlisted { FileIO.writeOutput("\(name)  not in the index (never undone)\n") }
                FileIO.writeError("\(runs.count) run(s), \(JournalRuns.size(total)) in \(journal.folder)\n")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The changes of one pending run, in the order they were made.")
        @Argument(help: ArgumentHelp("The run (see `mojifix journal list`).", valueName: "run")) var runName: String
        @OptionGroup var place: Place

        func run() throws {
            try reportingErrors {
                let entries: [JournalEntry]
                do { entries = try place.open().entries(of: runName) } catch { throw WorkflowError("\(error)") }
                for entry in entries {
                    switch entry.change {
                    case .content(let c): FileIO.writeOutput("content \(c.path)  \(c.original.count) B  \(c.sha256Before.prefix(12)) -> \(c.sha256After.prefix(12))\n")
                    case .rename(let r): FileIO.writeOutput("rename \(r.parent.appending(r.oldName).display) -> \(RawPath.display(r.newName))  (\(r.plan))\n")
                    case .staging, .root, .kept: break
                    }
                }
            }
        }
    }

    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove undone runs, and with --older-than every run older than DAYS (it can no longer be undone).")
        @Option(name: .long, help: "Also remove runs started more than this many days ago.") var olderThan: Double?
        @OptionGroup var place: Place

        func run() throws {
            try reportingErrors {
                var now = timespec()
                clock_gettime(CLOCK_REALTIME, &now)
                let cutoff = olderThan.map { Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec / 1_000_000) + 1 - Int64($0 * 86_400_000) }
                let removed: [Journal.Run]
                do { removed = try place.open().prune(before: cutoff) } catch { throw WorkflowError("\(error)") }
                for run in removed { FileIO.writeOutput("removed \(run.name)\n") }
                FileIO.writeError("\(removed.count) run(s) removed, \(JournalRuns.size(removed.reduce(0) { $0 + ($1.size ?? 0) })) freed\n")
            }
        }
    }
}
