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
public final class JournaledWriter: Sendable {
    public struct Failed: Sendable {
        public var path: RawPath
        public var message: String
    }

    private struct Pending {
        var entries: [JournalEntry] = []
        var staged: [AtomicFile.Staged] = []
        var bytes = 0
    }

    private let journal: Journal
    private let maxFiles: Int
    private let maxBytes: Int
    private let pending = Mutex(Pending())
    /// Serialises flushes (journal order = commit order) and holds what the run did.
    private let committed = Mutex<(run: JournalRun?, folders: Set<RawPath>, staging: Set<RawPath>, failed: [Failed])>((nil, [], [], []))

    public init(journal: Journal, maxFiles: Int = 64, maxBytes: Int = 32 << 20) {
        self.journal = journal; self.maxFiles = maxFiles; self.maxBytes = maxBytes
    }

    /// Stages one file's replacement; it is in place after a later flush (at the latest `finish`).
    public func replace(_ path: RawPath, with output: [UInt8], entry: JournalEntry, mode: mode_t) throws(AtomicFile.Failure) {
        let folder = path.parentAndName.parent
        try committed.withLock { (state: inout (run: JournalRun?, folders: Set<RawPath>, staging: Set<RawPath>, failed: [Failed])) throws(AtomicFile.Failure) in
            if state.run == nil { state.run = try journal.start() }
            if state.staging.insert(folder).inserted { try state.run!.append([JournalEntry(stagingIn: folder.absolute)], sync: false) }
        }
        let staged = try AtomicFile.stage(output, for: path, mode: mode, sync: false)
        let full: Pending? = pending.withLock { pending in
            pending.entries.append(entry); pending.staged.append(staged); pending.bytes += output.count + entry.originalSize
            guard pending.staged.count >= maxFiles || pending.bytes >= maxBytes else { return nil }
            defer { pending = Pending() }
            return pending
        }
        if let full { flush(full) }
    }

    /// Commits what is staged and syncs the folders; returns the run's name (nil: nothing written)
    /// and the files that could not be put in place.
    public func finish() -> (run: String?, failed: [Failed]) {
        flush(pending.withLock { pending in defer { pending = Pending() }; return pending })
        return committed.withLock { state in
            for folder in state.folders { AtomicFile.syncFolder(folder) }
            state.folders = []
            return (state.run?.name, state.failed)
        }
    }

    private func flush(_ chunk: Pending) {
        guard !chunk.staged.isEmpty else { return }
        committed.withLock { state in
            func fail(_ why: String) {
                chunk.staged.forEach { $0.discard() }
                state.failed += chunk.staged.map { Failed(path: $0.path, message: why) }
            }
            // 1. The new bytes are durable before anything points at them.
            var devices = Set<UInt64>()
            for staged in chunk.staged {
                guard let info = staged.folder.status(), devices.insert(UInt64(info.st_dev)).inserted else { continue }
                guard staged.folder.withCString({ mj_syncfs_at($0) }) == 0 else {
                    return fail("\(staged.folder): \(String(cString: strerror(errno))); not written")
                }
            }
            // 2. The journal describes every file before it is replaced.
            do {
                try state.run!.append(chunk.entries)
            } catch {
                return fail("journal: \(error); not written")
            }
            // 3. In place.
            for staged in chunk.staged {
                do {
                    try staged.commit()
                    state.folders.insert(staged.folder)
                } catch {
                    state.failed.append(Failed(path: staged.path, message: "\(error)"))
                }
            }
        }
    }
}
