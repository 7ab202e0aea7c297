#if canImport(Glibc)
import Glibc
#endif

/// The journal folder: one file per run (`<time>-<pid>.jsonl`, renamed `.undone` once undone),
/// and `index`, the runs in the order they started with their group. The folder is private
/// (0700, files 0600: it holds the original bytes of every rewritten file) and holds a
/// `.gitignore` of `*`, so `git add -A` never commits it. A journal is trusted only when the
/// user owns it and nobody else can write to it, only runs its index names are undone (a run
/// file dropped in the folder is refused), and only runs whose root line carries their MAC under
/// the user's key (see JournalKey): a journal committed to a cloned repository is the user's own
/// files with ordinary modes, even at the same absolute root, but was not made with that key.
package struct Journal: Sendable {
    package let folder: String
    /// Every path of a run is relative to this folder (the repository root).
    package let root: Beneath

    package init(folder: String, root: Beneath) { self.folder = folder; self.root = root }

    package struct Run: Equatable, Sendable {
        package var name: String
        /// The runs of one hook invocation (pre-commit's parallel processes) share a group.
        package var group: String
        package var undone: Bool
        /// Bytes of the run file (nil: missing).
        package var size: Int64?
        /// Milliseconds since 1970, from the name.
        package var started: Int64 { Int64(name.prefix { $0 != "-" }) ?? 0 }
    }

    private func path(_ name: String) -> String { folder + "/" + name }

    /// Refuses a file or folder someone else could have written.
    private func trusted(_ path: String) throws(AtomicFile.Failure) -> stat? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if info.st_uid != geteuid() {
            throw AtomicFile.Failure(description: "\(path): owned by uid \(info.st_uid), not by you; journal not trusted")
        }
        if info.st_mode & 0o022 != 0 {
            throw AtomicFile.Failure(description: "\(path): writable by others (mode \(String(info.st_mode & 0o777, radix: 8))); journal not trusted")
        }
        if info.st_mode & S_IFMT == S_IFLNK { throw AtomicFile.Failure(description: "\(path): a symlink; journal not trusted") }
        return info
    }

    /// The runs in the order they started (the index's order, not the names').
    package func runs() throws(AtomicFile.Failure) -> [Run] {
        guard try trusted(folder) != nil, try trusted(path("index")) != nil, let lines = try Self.indexLines(of: folder) else { return [] }
        var runs: [Run] = []
        // (indexLines lets through lines of NUL bytes a crash left: no run.)
        for line in lines where Self.isIndexLine(line) {
            let parts = line.split(separator: 0x20, maxSplits: 1).map { String(decoding: $0, as: UTF8.self) }
            var info = stat()
            if lstat(path(parts[0]), &info) == 0 {
                runs.append(Run(name: parts[0], group: parts[1], undone: false, size: Int64(info.st_size)))
            } else {
                let undone = lstat(path(parts[0] + ".undone"), &info) == 0
                runs.append(Run(name: parts[0], group: parts[1], undone: undone, size: undone ? Int64(info.st_size) : nil))
            }
        }
        return runs
    }

    /// Run files in the folder that the index does not list (an older mojifix's, or dropped there):
    /// never undone, shown so that they can be looked at and removed.
    package func unlisted() throws(AtomicFile.Failure) -> [String] {
        let listed = Set(try runs().map(\.name))
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".jsonl") && !listed.contains(name) { names.append(name) }
        }
        return names.sorted()
    }

    /// Runs not yet undone, oldest first.
    package func pending() throws(AtomicFile.Failure) -> [Run] { try runs().filter { !$0.undone && $0.size != nil } }

    static func isRunName(_ name: String) -> Bool {
        let parts = name.split(separator: "-")
        return name.hasSuffix(".jsonl") && parts.count == 2 && parts[0].allSatisfy(\.isNumber)
            && parts[1].dropLast(6).allSatisfy(\.isNumber) && !name.utf8.contains(UInt8(ascii: "/"))
    }

    /// A run's entries, after its root line. Stops at a damaged line, naming it: a run whose middle
    /// is unreadable cannot be undone faithfully. Only a last line without its newline (an
    /// append cut short by a kill, made before its files were replaced) is left out.
    package func entries(of run: String) throws(AtomicFile.Failure) -> [JournalEntry] {
        guard try runs().contains(where: { $0.name == run && !$0.undone }) else {
            throw AtomicFile.Failure(description: "\(path(run)): not a pending run of this journal's index; not undone")
        }
        return try parse(run)
    }

    /// The entries of a run already undone (its renames tell where a path is now).
    package func entries(ofUndone run: String) throws(AtomicFile.Failure) -> [JournalEntry] {
        try parse(run + ".undone", name: run)
    }

    private func parse(_ file: String, name run: String? = nil) throws(AtomicFile.Failure) -> [JournalEntry] {
        let run = run ?? file
        guard try trusted(path(file)) != nil else { throw AtomicFile.Failure(description: "\(path(run)): no such run") }
        let bytes = try AtomicFile.read(path(file)).bytes
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() } else if !lines.isEmpty { lines.removeLast() }
        var entries: [JournalEntry] = []
        for (number, line) in lines.enumerated() {
            guard let entry = JournalEntry(line: line) else {
                throw AtomicFile.Failure(description: "\(path(run)) line \(number + 1): damaged; nothing undone")
            }
            entries.append(entry)
        }
        guard case .root(let recorded, let mac)? = entries.first?.change else {
            throw AtomicFile.Failure(description: "\(path(run)) line 1: no root line (a journal of an older mojifix, or damaged); nothing undone")
        }
        guard let mac, let key = try JournalKey.read(),
              HMACSHA256.equal(Array(mac.utf8), Array(JournalKey.mac(key: key, run: run, root: recorded).utf8)) else {
            throw AtomicFile.Failure(description: "\(path(run)): not made by mojifix for this user on this machine (no valid MAC under \(JournalKey.path)); nothing undone")
        }
        guard recorded == root.root else {
            throw AtomicFile.Failure(description: "\(path(run)): made under \(recorded), not \(root.root); run undo from there")
        }
        return Self.voidingKept(Array(entries.dropFirst()))
    }

    /// The entries less those a later `kept` line voids (the file was left as it was), and the
    /// `kept` lines themselves.
    static func voidingKept(_ entries: [JournalEntry]) -> [JournalEntry] {
        var kept: [RawPath: Int] = [:]
        for (index, entry) in entries.enumerated() { if case .kept(let path) = entry.change { kept[path] = index } }
        guard !kept.isEmpty else { return entries }
        return entries.enumerated().compactMap { index, entry in
            switch entry.change {
            case .kept: return nil
            case .content(let content): return kept[content.path].map { $0 > index } == true ? nil : entry
            default: return entry
            }
        }
    }

    package func markUndone(_ run: String) throws(AtomicFile.Failure) {
        guard rename(path(run), path(run) + ".undone") == 0 else { throw .errno(run) }
    }

    /// Removes undone runs, and with `olderThan` (milliseconds since 1970) every run started before
    /// it; the index keeps the others. Returns the runs removed.
    package func prune(before cutoff: Int64?) throws(AtomicFile.Failure) -> [Run] {
        let lock = try locked()
        defer { close(lock) }
        let all = try runs()
        let removed = all.filter { run in run.undone || run.size == nil || cutoff.map { run.started < $0 } == true }
        guard !removed.isEmpty else { return [] }
        let kept = all.filter { run in !removed.contains(run) }
        try AtomicFile.write(Array(kept.map { "\($0.name) \($0.group)\n" }.joined().utf8), to: path("index"), mode: 0o600)
        for run in removed { unlink(path(run.name)); unlink(path(run.name + ".undone")) }
        return removed
    }

    /// The journal folder, open and locked (flock, released on close): an index line appended
    /// while `prune` rewrites the index would be lost.
    private func locked() throws(AtomicFile.Failure) -> Int32 {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(folder) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { let failure = AtomicFile.Failure.errno(folder); close(fd); throw failure }
        }
        return fd
    }

    /// Creates the private folder (its parents as usual), its `.gitignore`, and a run file.
    /// The key runs are authenticated with (made on first use), or why it cannot be had.
    package static func key() throws(AtomicFile.Failure) -> [UInt8] {
        do { return try JournalKey.create() } catch {
            throw AtomicFile.Failure(description: "\(error.description) (the journal key, which undo checks runs with; MOJIFIX_STATE_DIR or XDG_STATE_HOME chooses its folder)")
        }
    }

    package func start(group: String) throws(AtomicFile.Failure) -> JournalRun {
        try checkIsJournal()
        Paths.createFolders(Paths.parent(Paths.absolute(folder)))
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw .errno(folder) }
        _ = try trusted(folder)
        chmod(folder, 0o700)
        let ignore = open(path(".gitignore"), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if ignore >= 0 { _ = Glibc.write(ignore, "*\n", 2); close(ignore) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let name = "\(now.tv_sec)\(String(now.tv_nsec / 1_000_000 + 1000).dropFirst())-\(getpid()).jsonl"
        let key = try Self.key()
        let mac = JournalKey.mac(key: key, run: name, root: root.root)
        let fd = open(path(name), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .errno(path(name)) }
        let run = JournalRun(name: name, fd: fd)
        try run.append([JournalEntry(root: root.root, mac: mac)], sync: false)
        // The index line last: a run is listed only once it names its root.
        let lock = try locked()
        defer { close(lock) }
        let index = open(path("index"), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard index >= 0 else { throw .errno(path("index")) }
        defer { close(index) }
        // An append cut short before (a full disk) would glue this line to its piece: cut off.
        let complete = Self.completeLength(index)
        if ftruncate(index, complete) != 0 { throw .errno(path("index")) }
        let line = Array("\(name) \(group.isEmpty ? "-" : group)\n".utf8)
        guard line.withUnsafeBytes({ Glibc.write(index, $0.baseAddress!, $0.count) }) == line.count, fsync(index) == 0 else {
            let failure = AtomicFile.Failure.errno(path("index"))
            _ = ftruncate(index, complete)
            throw failure
        }
        // The run file's and the index's names are on disk before any file is replaced.
        fsync(lock)
        return run
    }

    /// Bytes of the open index up to its last newline.
    private static func completeLength(_ index: Int32) -> off_t {
        var end = lseek(index, 0, SEEK_END)
        var byte: UInt8 = 0
        while end > 0, pread(index, &byte, 1, end - 1) == 1, byte != 0x0A { end -= 1 }
        return end
    }

    /// The group of this process: `MOJIFIX_GROUP` when set, else its parent process (pid and
    /// start time: pids are reused), which pre-commit's parallel hook processes share. A run is a
    /// group of its own when there is no parent to tell (pid 1 of a container, whose parent is 0
    /// in every container; no procfs), or when the parent is a shell (runs typed one after the
    /// other, or a script's): a shared group would let `undo --group` take older, unrelated runs.
    package static func currentGroup() -> String {
        if let set = getenv("MOJIFIX_GROUP") {
            // One word on the index line (see Journal.isIndexLine).
            return String(cString: set).filter { !$0.isWhitespace && !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        }
        let parent = getppid()
        guard parent > 0, let stat = try? AtomicFile.read("/proc/\(parent)/stat").bytes,
              let open = stat.firstIndex(of: UInt8(ascii: "(")), let close = stat.lastIndex(of: UInt8(ascii: ")")),
              open < close, close + 2 < stat.count,
              !shells.contains(String(decoding: stat[(open + 1)..<close], as: UTF8.self)),
              case let fields = stat[(close + 2)...].split(separator: 0x20), fields.count > 19 else {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            return "pid-\(getpid())-\(now.tv_sec)\(now.tv_nsec / 1000)"
        }
        return "ppid-\(parent)-\(String(decoding: fields[19], as: UTF8.self))"
    }

    private static let shells: Set = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "tcsh", "csh"]
}

/// An open run file; every entry is appended whole and synced before the caller makes the change.
package final class JournalRun: @unchecked Sendable {
    package let name: String
    private let fd: Int32

    init(name: String, fd: Int32) { self.name = name; self.fd = fd }
    deinit { close(fd) }

    package func append(_ entry: JournalEntry) throws(AtomicFile.Failure) {
        try append([entry])
    }

    /// Bytes of the run file so far.
    package var size: Int64 { FileStamp(fd: fd)?.size ?? 0 }

    /// Several entries, synced once (a folder's renames are journaled together before any is
    /// made). Whole or not at all: the length is checked after the sync, and a short or failed
    /// write (disk full) is cut off again, so no half line is left for the next one to be glued
    /// to. `sync: false` for a line only a killed process's successor needs (the kernel keeps it).
    package func append(_ entries: [JournalEntry], sync: Bool = true) throws(AtomicFile.Failure) {
        let bytes = Array(entries.map(\.line).joined().utf8)
        let start = lseek(fd, 0, SEEK_END)
        var offset = 0
        var failure: AtomicFile.Failure? = nil
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; failure = .errno(name); break }
            if n == 0 { failure = AtomicFile.Failure(description: "\(name): short write"); break }
            offset += n
        }
        if failure == nil, sync, fsync(fd) != 0 { failure = .errno(name) }
        if failure == nil, size != Int64(start) + Int64(bytes.count) {
            failure = AtomicFile.Failure(description: "\(name): the journal is \(size) bytes, not \(Int64(start) + Int64(bytes.count)) as written")
        }
        if let failure {
            _ = ftruncate(fd, start)
            _ = fsync(fd)
            throw failure
        }
    }
}
