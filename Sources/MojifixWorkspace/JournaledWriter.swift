import CMojifixFS
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Replaces many files, journaled, with a group commit: a crash or SIGKILL at any moment leaves
/// every file either as it was or wholly new, and the journal describes every replaced file.
///
/// Per chunk of files (64, or 32 MiB): their new bytes go to temporary files (no fsync each), one syncfs makes
/// them durable, their journal entries are appended with one fsync, and only then are the
/// temporary files renamed over the targets; the folders are synced once at the end. Three
/// fsyncs per file become about two per chunk, which is most of a batch's time on a real disk.
package final class JournaledWriter: Sendable {
    package struct Failed: Sendable {
        /// Relative to the root.
        package var path: RawPath
        package var message: String
        package var kind: AtomicFile.Failure.Kind
    }

    private struct Pending {
        var entries: [JournalEntry] = []
        var staged: [AtomicFile.Staged] = []
        var bytes = 0
    }

    private let journal: Journal
    private let group: String
    private let maxFiles: Int
    private let maxBytes: Int
    private let pending = Mutex(Pending())
    /// Serialises flushes (journal order = commit order) and holds what the run did.
    private let committed = Mutex<(run: JournalRun?, folders: Set<RawPath>, staging: Set<RawPath>, failed: [Failed])>((nil, [], [], []))

    package init(journal: Journal, group: String = Journal.currentGroup(), maxFiles: Int = 64, maxBytes: Int = 32 << 20) {
        self.journal = journal; self.group = group; self.maxFiles = maxFiles; self.maxBytes = maxBytes
    }

    /// Why a file is not rewritten though its contents would change: read-only (unless `force`),
    /// hard-linked (a new file would split the link: the other names would keep the old bytes).
    /// Another user's file this one may not write is not replaced either, even with `force`: the
    /// folder may let us rename over it, but the file would become ours.
    /// One this user may write but does not own becomes this user's when replaced: only with `force`.
    package static func refusal(_ stamp: FileStamp, force: Bool, uid: uid_t = geteuid()) -> String? {
        if stamp.links > 1 {
            return "hard-linked (\(stamp.links) names): rewriting would split the link; not rewritten"
        }
        if !mayWrite(stamp, uid: uid) {
            return "not writable by this user (owner \(stamp.owner), mode \(String(stamp.permissions, radix: 8))); not rewritten"
        }
        if uid != 0 && stamp.owner != uid && !force {
            return "owned by another user (\(stamp.owner)): rewritten, it would become yours; not rewritten (--force rewrites it)"
        }
        if stamp.mode & 0o222 == 0 && !force { return "read-only; not rewritten (--force rewrites it, keeping the mode)" }
        return nil
    }

    /// Whether the permission bits let this process write the file: root may, an owner may (a
    /// read-only file of one's own is `force`'s business), others by the group or other bits.
    /// (`groups`: nil, this process's, asked only when the bits of the group decide.)
    static func mayWrite(_ stamp: FileStamp, uid: uid_t = geteuid(), groups: [gid_t]? = nil) -> Bool {
        if uid == 0 || stamp.owner == uid { return true }
        return (groups ?? currentGroups()).contains(stamp.group) ? stamp.mode & 0o020 != 0 : stamp.mode & 0o002 != 0
    }

    /// The effective group and the supplementary ones.
    static func currentGroups() -> [gid_t] {
        var groups = [gid_t](repeating: 0, count: Int(max(0, getgroups(0, nil))))
        let count = getgroups(Int32(groups.count), &groups)
        return [getegid()] + groups.prefix(Int(max(0, count)))
    }

    /// Stages one file's replacement; it is in place after a later flush (at the latest `finish`).
    /// `relative` is the file's path below the journal's root (see `Beneath.relative`), `stamp` how
    /// it was when read: a file that is no longer so is left alone.
    package func replace(_ relative: RawPath, with output: [UInt8], entry: JournalEntry, stamp: FileStamp, force: Bool = false) throws(AtomicFile.Failure) {
        if let why = Self.refusal(stamp, force: force) { throw AtomicFile.Failure(description: "\(relative): \(why)", kind: .skipped) }
        let (fd, name) = try journal.root.openFolder(of: relative)
        defer { close(fd) }
        guard let now = Beneath.stamp(fd, name) else { throw .errno("\(relative)") }
        guard now == stamp else {
            throw AtomicFile.Failure(description: "\(relative): changed while mojifix ran; left alone (run again)", kind: .changed)
        }
        let folder = Beneath.folder(of: relative)
        try committed.withLock { (state: inout (run: JournalRun?, folders: Set<RawPath>, staging: Set<RawPath>, failed: [Failed])) throws(AtomicFile.Failure) in
            if state.run == nil { state.run = try journal.start(group: group) }
            if state.staging.insert(folder).inserted { try state.run!.append([JournalEntry(stagingIn: folder)], sync: false) }
        }
        var sha256Before: String? = nil
        if case .content(let content) = entry.change { sha256Before = content.sha256Before }
        let staged = try AtomicFile.stage(output, in: fd, name: name, shown: relative, like: stamp, mode: stamp.permissions, sync: false,
                                          sha256Before: sha256Before)
        let full: Pending? = pending.withLock { pending in
            pending.entries.append(entry); pending.staged.append(staged); pending.bytes += output.count + entry.originalSize
            guard pending.staged.count >= maxFiles || pending.bytes >= maxBytes else { return nil }
            defer { pending = Pending() }
            return pending
        }
        if let full { flush(full) }
    }

    /// Commits what is staged and syncs the folders; returns the run's name (nil: nothing written),
    /// the files that could not be put in place, and the run file's size.
    package func finish() -> (run: String?, failed: [Failed], size: Int64) {
        flush(pending.withLock { pending in defer { pending = Pending() }; return pending })
        return committed.withLock { state in
            for folder in state.folders {
                if let fd = try? journal.root.openFolder(folder) { fsync(fd); close(fd) }
            }
            state.folders = []
            return (state.run?.name, state.failed, state.run?.size ?? 0)
        }
    }

    private func flush(_ chunk: Pending) {
        guard !chunk.staged.isEmpty else { return }
        committed.withLock { state in
            func fail(_ why: String) {
                chunk.staged.forEach { $0.discard() }
                state.failed += chunk.staged.map { Failed(path: $0.path, message: why, kind: .error) }
            }
            // 1. The new bytes are durable before anything points at them.
            var devices = Set<UInt64>()
            for staged in chunk.staged where devices.insert(staged.device).inserted {
                guard mj_syncfs_fd(staged.folderDescriptor) == 0 else {
                    return fail("\(staged.path): \(String(cString: strerror(errno))); not written")
                }
            }
            // 2. The journal describes every file before it is replaced.
            do {
                try state.run!.append(chunk.entries)
            } catch {
                return fail("journal: \(error); not written")
            }
            // 3. In place, unless changed since it was read.
            for staged in chunk.staged {
                do throws(AtomicFile.Failure) {
                    try staged.commit()
                    state.folders.insert(Beneath.folder(of: staged.path))
                } catch {
                    state.failed.append(Failed(path: staged.path, message: "\(error)", kind: error.kind))
                    // Left as it was (the one kind of failure that says so): its entry is void,
                    // else undo would wait on it for ever. After another failure the file may hold
                    // the new bytes, which the entry still undoes.
                    if error.kind == .changed { try? state.run!.append([JournalEntry(kept: staged.path)]) }
                }
            }
        }
    }
}
