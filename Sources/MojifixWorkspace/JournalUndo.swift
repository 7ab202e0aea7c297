import CMojifixFS
#if canImport(Glibc)
import Glibc
#endif

/// Undoes journaled runs, confined and verified: every path is relative to the journal's root
/// and reached without following a symlink (see Beneath); a file is restored only when it still
/// holds what the run wrote (`sha256_after`) and the journal's bytes are what it replaced
/// (`sha256_before`), keeping the file's current owner, mode and attributes (never a mode from
/// the journal); a rename is undone only for the entry that was renamed. Names and contents undo
/// in any order: a content entry whose path an undone rename changed is followed to the old name.
package final class JournalUndo {
    package enum Event {
        case restored(RawPath), alreadyOriginal(RawPath), renamedBack(RawPath, [UInt8])
        case refused(String)
    }

    package struct Summary: Sendable {
        package var runs = 0, restored = 0, alreadyOriginal = 0, renamedBack = 0, refused = 0
        package init() {}
        package var description: String {
            "undone \(runs) run(s): \(restored) restored, \(alreadyOriginal) already original, \(renamedBack) renamed back, \(refused) refused"
        }
    }

    package let journal: Journal

    /// The journal folder relative to the root, when it lies below it: never written by undo.
    private let journalFolder: RawPath?

    package init(journal: Journal) {
        self.journal = journal
        journalFolder = try? journal.root.relativeFolder(RawPath(journal.folder))
    }

    /// The entries a run holds (for a progress bar).
    package func entries(of run: String) throws(AtomicFile.Failure) -> [JournalEntry] { try journal.entries(of: run) }

    /// Undoes one run's entries, newest first; marks the run undone when nothing was refused.
    /// Returns whether it was.
    package func undo(_ run: String, _ entries: [JournalEntry], summary: inout Summary, event: (Event) -> Void) -> Bool {
        // A killed run leaves temporary files where it was writing: remove those (never a live writer's).
        for case .staging(let folder) in entries.map(\.change) {
            if let fd = try? journal.root.openFolder(folder) { AtomicFile.removeStaleTemporaries(in: fd); close(fd) }
        }
        var refused = 0
        // Restores are staged in groups, made durable with one syncfs, then renamed in (as `fix`
        // writes): one sync per group rather than two per file.
        var staged: [AtomicFile.Staged] = []
        var folders = Set<RawPath>()
        func commit() {
            var devices = Set<UInt64>()
            for file in staged where devices.insert(file.device).inserted { _ = mj_syncfs_fd(file.folderDescriptor) }
            for file in staged {
                do throws(AtomicFile.Failure) {
                    try file.commit()
                    folders.insert(Beneath.folder(of: file.path))
                    summary.restored += 1
                    event(.restored(file.path))
                } catch {
                    refused += 1
                    event(.refused(error.description))
                }
            }
            staged = []
        }
        for entry in entries.reversed() {
            do throws(AtomicFile.Failure) {
                switch entry.change {
                case .content(let content):
                    if let file = try restore(content) {
                        staged.append(file)
                        if staged.count >= 64 { commit() }
                    } else {
                        summary.alreadyOriginal += 1
                        event(.alreadyOriginal(content.path))
                    }
                case .rename(let rename):
                    if let inside = journalFolder, rename.parent.isInside(inside) {
                        throw AtomicFile.Failure(description: "\(rename.parent): inside the journal folder; not renamed back")
                    }
                    if try NameRename.undo(rename, below: journal.root, rewrites: rewrites(rename.parent.appending(rename.newName))) == .restored {
                        summary.renamedBack += 1
                        event(.renamedBack(rename.parent.appending(rename.newName), rename.oldName))
                    }
                case .staging, .root, .kept: break
                }
            } catch {
                refused += 1
                event(.refused(error.description))
            }
        }
        commit()
        for folder in folders {
            if let fd = try? journal.root.openFolder(folder) { fsync(fd); close(fd) }
        }
        summary.refused += refused
        guard refused == 0 else { return false }
        do { try journal.markUndone(run) } catch { event(.refused(error.description)); summary.refused += 1; return false }
        summary.runs += 1
        return true
    }

    /// Stages one file's original bytes beside it; nil when it already holds them (a run stopped
    /// before replacing it).
    private func restore(_ entry: JournalEntry.Content) throws(AtomicFile.Failure) -> AtomicFile.Staged? {
        let path = try located(entry.path)
        if let inside = journalFolder, path.isInside(inside) {
            throw AtomicFile.Failure(description: "\(path): inside the journal folder; not restored")
        }
        let (fd, name) = try journal.root.openFolder(of: path)
        defer { close(fd) }
        let current = try Beneath.read(fd, name, shown: path)
        let sha = SHA256.hex(current.bytes)
        if sha == entry.sha256Before { return nil }
        guard sha == entry.sha256After else { throw AtomicFile.Failure(description: "\(path): changed since the fix; not restored") }
        guard SHA256.hex(entry.original) == entry.sha256Before else {
            throw AtomicFile.Failure(description: "\(path): the journal's original bytes do not hash to its sha256_before (damaged); not restored")
        }
        return try AtomicFile.stage(entry.original, in: fd, name: name, shown: path, like: current.stamp,
                                    mode: current.stamp.permissions, sync: false, sha256Before: sha)
    }

    /// The path now: `path` as journaled, or, when it is gone, with the renames of undone runs
    /// applied (a name undone before the content fix made under it).
    private func located(_ path: RawPath) throws(AtomicFile.Failure) -> RawPath {
        if (try? journal.root.openFolder(of: path)).map({ fd in defer { close(fd.fd) }; return Beneath.stamp(fd.fd, fd.name) != nil }) == true {
            return path
        }
        var current = try Beneath.components(path)
        for rename in undoneRenames().reversed() {
            let from = (try? Beneath.components(rename.parent, allowEmpty: true) + [rename.newName]) ?? []
            guard !from.isEmpty, current.count >= from.count, Array(current.prefix(from.count)) == from else { continue }
            current[from.count - 1] = rename.oldName
        }
        return RawPath(bytes: Array(current.joined(separator: [0x2F])))
    }

    private func undoneRenames() -> [JournalEntry.Rename] {
        let runs = (try? journal.runs().filter(\.undone)) ?? []
        return runs.flatMap { run in
            ((try? journal.entries(ofUndone: run.name)) ?? []).compactMap { entry -> JournalEntry.Rename? in
                if case .rename(let rename) = entry.change { return rename }
                return nil
            }
        }
    }

    private var rewriteHashes: [RawPath: Set<String>]?

    /// Per path, the bytes journaled rewrites left there: what pending runs wrote, and what undone
    /// runs restored (read once, when a renamed file turns out to have another inode). A file
    /// with another inode and other bytes is another file.
    private func rewrites(_ path: RawPath) -> Set<String> {
        if let rewriteHashes { return rewriteHashes[path] ?? [] }
        var hashes: [RawPath: Set<String>] = [:]
        var contents: [(path: RawPath, sha: String)] = []
        var renames: [JournalEntry.Rename] = []
        for run in (try? journal.runs()) ?? [] where run.size != nil {
            let entries = (try? run.undone ? journal.entries(ofUndone: run.name) : journal.entries(of: run.name)) ?? []
            for entry in entries {
                switch entry.change {
                case .content(let content): contents.append((content.path, run.undone ? content.sha256Before : content.sha256After))
                case .rename(let rename): renames.append(rename)
                case .staging, .root, .kept: break
                }
            }
        }
        // A rename entry names its file under the folder names of its time; a content entry may
        // name it under folders renamed later (a file renamed inside a renamed folder, then fixed).
        for content in contents {
            hashes[content.path, default: []].insert(content.sha)
            if let earlier = Self.folderRenamesUndone(content.path, renames), earlier != content.path {
                hashes[earlier, default: []].insert(content.sha)
            }
        }
        rewriteHashes = hashes
        return hashes[path] ?? []
    }

    /// `path` with every journaled rename of one of its folders undone, latest first.
    static func folderRenamesUndone(_ path: RawPath, _ renames: [JournalEntry.Rename]) -> RawPath? {
        guard var current = try? Beneath.components(path) else { return nil }
        for rename in renames.reversed() {
            guard let from = try? Beneath.components(rename.parent, allowEmpty: true) + [rename.newName],
                  current.count > from.count, Array(current.prefix(from.count)) == from else { continue }
            current[from.count - 1] = rename.oldName
        }
        return RawPath(bytes: Array(current.joined(separator: [0x2F])))
    }
}
