#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixWorkspace

/// `mojifix rename PATH...` (also `fix --names`): garbled file and folder names under each PATH,
/// repaired by FileNameRepair. Without `--apply` it lists `old -> new` (or, with `--diff`, git's
/// rename diff) and changes nothing. With it, each folder's renames are journaled (synced) and then
/// made, children before their folder so the paths still to be walked stay valid. Every PATH is
/// itself a target too (`rename *` renames the folders `*` matched), except the current folder
/// and the folders above it, where the caller's shell stands.
package final class FixNames {
    /// Which entries under a walked folder are considered: --exclude leaves files and folders out
    /// (a folder is not entered); --include/--include-only, when given, limit the files.
    package struct Scope {
        package var include: [PathPattern]? = nil
        package var exclude: [PathPattern] = []

        package init(include: [PathPattern]? = nil, exclude: [PathPattern] = []) {
            self.include = include; self.exclude = exclude
        }

        package func takes(_ relative: [UInt8], isDirectory: Bool) -> Bool {
            if exclude.contains(where: { $0.matches(relative, isDirectory: isDirectory) }) { return false }
            return isDirectory || include?.contains(where: { $0.matches(relative, isDirectory: false) }) ?? true
        }
    }

    /// One name the run looked at and what became of it (the `--report` document).
    package struct Record {
        package var path: RawPath
        package var newName: [UInt8]?
        package var plan: String?
        package var status: String
    }

    private let apply: Bool
    private let diff: Bool
    private let scope: Scope
    private let journal: Journal
    private let names: FileNameRepair
    private var run: JournalRun?
    /// The journal folder (device, inode) once it exists, never walked or renamed.
    private var journalIdentity: (dev_t, ino_t)?
    /// The folders holding the journal folder (device, inode): renamed, they would carry the
    /// journal away from where `undo` looks for it.
    private var journalAncestors: Set<[UInt64]> = []
    /// The root being walked, for the scope's relative paths.
    private var root: [UInt8] = []
    package private(set) var renamed = 0
    package private(set) var problems = 0
    package private(set) var records: [Record] = []
    package var journalRunPath: String? { run.map { "\(journal.folder)/\($0.name)" } }

    package init(apply: Bool, journal: Journal, scope: Scope = Scope(), diff: Bool = false) throws {
        self.apply = apply
        self.diff = diff
        self.scope = scope
        self.journal = journal
        let journalFolder = journal.folder
        do { names = try FileNameRepair() } catch { throw WorkflowError("ICU failure: \(error)") }
        journalIdentity = RawPath(journalFolder).status().map { ($0.st_dev, $0.st_ino) }
        var folder = Paths.canonical(journalFolder)
        while folder != "/" {
            folder = Paths.parent(folder)
            if let info = RawPath(folder).status() { journalAncestors.insert([UInt64(info.st_dev), UInt64(info.st_ino)]) }
        }
    }

    /// Repairs the names under (or of) every path; exit code 0 nothing to rename, 1 renamed (or
    /// would be), 2 a name could not be repaired (collision, ambiguous reading, error).
    package func fix(_ roots: [RawPath]) throws -> ExitStatus {
        for root in roots {
            guard let info = root.status() else { problem("mojifix: error: \(root.display): \(String(cString: strerror(errno)))"); continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                self.root = root.bytes
                try walk(root)
                if Self.holdsCurrentFolder(root) { continue }
            }
            let (parent, name) = root.parentAndName
            self.root = []
            try fixFolder(parent, [name])
        }
        if let run { FileIO.writeError("journal: \(journal.folder)/\(run.name) (undo with `mojifix undo`)\n") }
        if !apply && renamed > 0 { FileIO.writeError("\(renamed) name(s) would be renamed; rename with --apply\n") }
        return problems > 0 ? .failure : renamed > 0 ? .changed : .clean
    }

    private func walk(_ root: RawPath) throws {
        var failure: Error? = nil
        FolderWalk.bottomUp(root, skip: { path, info in
            isJournal(info) || !scope.takes(relative(path), isDirectory: info.st_mode & S_IFMT == S_IFDIR)
        }, visit: { folder, entries in
            guard failure == nil else { return }
            do { try fixFolder(folder, entries) } catch { failure = error }
        }, failure: { folder, why in problem("mojifix: error: \(folder.display): \(why)") })
        if let failure { throw failure }
    }

    /// `path` relative to the root being walked (its own name for a root named on the command line).
    private func relative(_ path: RawPath) -> [UInt8] {
        guard !root.isEmpty, path.bytes.count > root.count + 1 else { return path.parentAndName.name }
        return Array(path.bytes[(root.count + 1)...])
    }

    /// The current folder or one above it: renaming it would pull the ground from under the shell.
    private static func holdsCurrentFolder(_ folder: RawPath) -> Bool {
        guard let resolved = folder.withCString({ realpath($0, nil) }) else { return true }
        defer { free(resolved) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return true }
        let target = String(cString: resolved), current = String(cString: buffer)
        return current == target || target == "/" || current.hasPrefix(target + "/")
    }

    private func isJournal(_ info: stat) -> Bool {
        guard let (device, inode) = journalIdentity else { return false }
        return info.st_dev == device && info.st_ino == inode
    }

    /// The renames of one folder's entries. Refused: a name two readings repair differently, a
    /// new name that already exists, and names that would all become the same one (none of them
    /// is renamed: which one deserves the name is not for mojifix to guess).
    private func fixFolder(_ folder: RawPath, _ entries: [[UInt8]]) throws {
        var planned: [(old: [UInt8], proposal: FileNameProposal)] = []
        for name in entries {
            let readings = names.readings(name)
            if !readings.isEmpty, let info = folder.appending(name).status(),
               journalAncestors.contains([UInt64(info.st_dev), UInt64(info.st_ino)]) {
                problem("mojifix: left alone: \(folder.appending(name).display) holds the journal folder \(journal.folder); "
                        + "not renamed (undo would no longer find the journal; choose another with --journal or [journal] folder)")
            } else if Self.lostBytes(name, garbled: !readings.isEmpty) {
                problem("mojifix: unrecoverable: \(folder.appending(name).display): the extractor replaced bytes of this name with "
                        + "`?` or U+FFFD, so its original cannot be rebuilt; extract the archive again keeping the raw bytes "
                        + "(`unzip -O cp949 ARCHIVE` or `bsdtar -xf ARCHIVE`), then run `mojifix rename`",
                        record: Record(path: folder.appending(name), status: "unrecoverable"))
            } else if readings.count > 1 {
                let options = readings.map { "\(RawPath.display($0.repaired)) (\($0.chainDescription))" }.joined(separator: " or ")
                problem("mojifix: ambiguous: \(folder.appending(name).display) could be \(options); not renamed")
            } else if let proposal = readings.first {
                planned.append((name, proposal))
            }
        }
        var targets: [[UInt8]: [[UInt8]]] = [:]
        for entry in planned { targets[entry.proposal.repaired, default: []].append(entry.old) }
        var renames: [(old: [UInt8], proposal: FileNameProposal)] = []
        for entry in planned {
            let new = entry.proposal.repaired
            if let sources = targets[new], sources.count > 1 {
                if sources[0] == entry.old {
                    problem("mojifix: collision: \(sources.map { folder.appending($0).display }.joined(separator: ", ")) "
                            + "would all become \(RawPath.display(new)); none renamed")
                }
            } else if folder.appending(new).status() != nil {
                problem("mojifix: collision: \(folder.appending(entry.old).display) -> \(RawPath.display(new)): "
                        + "\(RawPath.display(new)) already exists; not renamed")
            } else {
                renames.append(entry)
            }
        }
        guard !renames.isEmpty else { return }
        guard apply else {
            for entry in renames { report("would rename", folder, entry.old, entry.proposal) }
            renamed += renames.count
            return
        }
        try rename(renames, in: folder)
    }

    /// Journals the folder's renames (one sync) before making any of them, then makes them in the
    /// folder opened below the root without following symlinks (the folder journaled is the one renamed in).
    private func rename(_ renames: [(old: [UInt8], proposal: FileNameProposal)], in folder: RawPath) throws {
        var entries: [JournalEntry] = []
        let fd: Int32
        do {
            let parent = try journal.root.relativeFolder(folder)
            fd = try journal.root.openFolder(parent)
            for entry in renames {
                guard let info = Beneath.stamp(fd, entry.old) else { continue }
                // For a reader of the journal: the bytes the file had when renamed.
                let sha256 = info.isRegular ? (try? Beneath.read(fd, entry.old, shown: folder.appending(entry.old))).map { SHA256.hex($0.bytes) } : nil
                entries.append(JournalEntry(JournalEntry.Rename(parent: parent, oldName: entry.old, newName: entry.proposal.repaired,
                                                                inode: info.inode, plan: entry.proposal.chainDescription, sha256: sha256,
                                                                born: NameRename.birthTime(fd, entry.old))))
            }
            if run == nil {
                run = try journal.start(group: Journal.currentGroup())
                journalIdentity = RawPath(journal.folder).status().map { ($0.st_dev, $0.st_ino) }
            }
            try run!.append(entries)
        } catch { throw WorkflowError("\(error); nothing renamed in \(folder.display)") }
        defer { close(fd) }
        for entry in renames {
            do {
                switch try NameRename.rename(in: fd, shown: folder, from: entry.old, to: entry.proposal.repaired) {
                case .renamed:
                    report("renamed", folder, entry.old, entry.proposal)
                    renamed += 1
                case .taken:
                    problem("mojifix: collision: \(RawPath.display(entry.proposal.repaired)) appeared in \(folder.display); "
                            + "\(RawPath.display(entry.old)) not renamed")
                }
            } catch {
                problem("mojifix: error: \(error)")
            }
        }
        fsync(fd)
    }

    private func report(_ verb: String, _ folder: RawPath, _ old: [UInt8], _ proposal: FileNameProposal) {
        records.append(Record(path: folder.appending(old), newName: proposal.repaired, plan: proposal.chainDescription,
                              status: verb == "renamed" ? "renamed" : "would_rename"))
        if diff {
            // git's rename diff: `git apply -p1` makes the same renames.
            let from = GitPath.patchPath(folder.appending(old).bytes), to = GitPath.patchPath(folder.appending(proposal.repaired).bytes)
            FileIO.writeOutput("diff --git \(GitPath.name("a/", from).text) \(GitPath.name("b/", to).text)\nsimilarity index 100%\n"
                               + "rename from \(GitPath.name("", from).text)\nrename to \(GitPath.name("", to).text)\n")
            return
        }
        let note = proposal.note.map { "; \($0)" } ?? ""
        FileIO.writeOutput("\(verb) \(folder.appending(old).display) -> \(RawPath.display(proposal.repaired))  (\(proposal.chainDescription)\(note))\n")
    }



    /// Bytes an extractor replaced: U+FFFD always means lost bytes; a `?` (legal in a clean name)
    /// only in a name that is garbled too.
    package static func lostBytes(_ name: [UInt8], garbled: Bool) -> Bool {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        let hasReplacement = name.count >= 3 && (0...(name.count - 3)).contains { name[$0..<($0 + 3)].elementsEqual(replacement) }
        return hasReplacement || (garbled && name.contains(UInt8(ascii: "?")))
    }

    private func problem(_ message: String, record: Record? = nil) {
        FileIO.writeError(message + "\n")
        problems += 1
        if let record { records.append(record) }
    }
}
