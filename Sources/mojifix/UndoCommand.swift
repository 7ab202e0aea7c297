import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// `mojifix undo [RUN]`: restores the files of the last (or the named) journaled run, byte for
/// byte, and renames back what `fix --names` renamed; a file that changed since is refused, not
/// overwritten.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Restore the files of the last (or a named) `fix` run byte for byte, and rename back what `fix --names` renamed.",
        discussion: """
            Changes are undone in reverse order. A file still holding its original bytes (a run stopped before \
            replacing it) counts as restored. A file that changed since the run is not restored; a renamed entry \
            that is gone or was replaced, or whose old name is taken, is not renamed back. Exit codes: 0 restored; \
            2 something was refused (the run stays undoable) or the journal is unreadable.
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
            guard !name.utf8.contains(UInt8(ascii: "/")) else { throw CLIError(message: "\(name): a run is a file name in \(location.path)", code: 64) }
            let entries: [JournalEntry]
            do { entries = try journal.entries(of: name) } catch { throw CLIError(message: "\(error)", code: 2) }
            // A killed run leaves temporary files where it was writing: remove those (never a live writer's).
            FixCommand.removeStaleTemporaries(in: entries.compactMap {
                switch $0.change {
                case .content(let content): return content.path.parentAndName.parent
                case .staging(let folder): return folder
                case .rename: return nil
                }
            })
            var refused = false
            var folders: Set<RawPath> = []
            for entry in entries.reversed() {
                switch entry.change {
                case .content(let content): refused = !Self.restore(content, location) || refused
                case .rename(let rename):
                    refused = !Self.renameBack(rename) || refused
                    folders.insert(rename.parent)
                case .staging: break
                }
            }
            folders.forEach(NameRename.syncFolder)
            if refused { throw ExitCode(2) }
            do { try journal.markUndone(name) } catch { throw CLIError(message: "\(error)", code: 2) }
        }
    }

    /// Writes a file's original bytes back, unless it changed since the fix.
    private static func restore(_ entry: JournalEntry.Content, _ location: JournalLocation) -> Bool {
        if entry.path.string.map(location.holds) ?? false {
            FileIO.writeError("mojifix: error: \(entry.path): inside the journal folder; not restored\n"); return false
        }
        let current: [UInt8]
        do { current = try AtomicFile.read(entry.path).bytes } catch {
            FileIO.writeError("mojifix: error: \(entry.path): cannot read (\(error)); not restored\n"); return false
        }
        let sha = SHA256.hex(current)
        if sha == entry.sha256Before {
            // The run was stopped between journaling the file and replacing it.
            FileIO.writeOutput("already original \(entry.path)\n")
            return true
        }
        guard sha == entry.sha256After else {
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
