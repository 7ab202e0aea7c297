#if canImport(Glibc)
import Glibc
#endif

/// The per-user secret that authenticates journal runs: 32 random bytes in
/// `$MOJIFIX_STATE_DIR/journal-key`, else `$XDG_STATE_HOME/mojifix/journal-key`, else
/// `~/.local/state/mojifix/journal-key` (folder 0700, file 0600). It never lives in a repository:
/// a journal committed to one arrives in a clone owned by the user with ordinary modes, and only
/// the key tells that this user's mojifix did not make its runs.
package enum JournalKey {
    package static var folder: String {
        // Relative values are ignored, as the XDG base directory specification asks: the key
        // must not move with the current folder.
        if let folder = environment("MOJIFIX_STATE_DIR"), folder.hasPrefix("/") { return folder }
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/mojifix" }
        return home() + "/.local/state/mojifix"
    }

    package static var path: String { folder + "/journal-key" }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
        return value
    }

    private static func home() -> String {
        if let home = environment("HOME") { return home }
        if let entry = getpwuid(geteuid()), let folder = entry.pointee.pw_dir { return String(cString: folder) }
        return "/"
    }

    /// The key, created on first use: written whole to a private temporary file, then linked to
    /// its name, so no process ever reads half a key; when two make one at once, the first link wins.
    package static func create() throws(AtomicFile.Failure) -> [UInt8] {
        if let key = try read() { return key }
        let folder = self.folder
        Paths.createFolders(Paths.parent(Paths.absolute(folder)))
        if mkdir(folder, 0o700) == 0 { chmod(folder, 0o700) } else if errno != EEXIST { throw .errno(folder) }
        try checkFolder()
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux
        let key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let temporary = folder + "/.journal-key-\(getpid())"
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd < 0 && errno == EEXIST {
            // The name holds this process's id: one left there is from a killed process that had it.
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw .errno(temporary) }
        defer { unlink(temporary) }
        let written = key.withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == key.count, synced else { throw .errno(temporary) }
        if link(temporary, path) != 0 && errno != EEXIST { throw .errno(path) }
        guard let made = try read() else { throw AtomicFile.Failure(description: "\(path): missing after it was made") }
        return made
    }

    /// The key; nil when there is none yet. One someone else could read or replace is refused.
    package static func read() throws(AtomicFile.Failure) -> [UInt8]? {
        let path = self.path
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw .errno(path)
        }
        defer { close(fd) }
        try checkFolder()
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .errno(path) }
        guard info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(), info.st_mode & 0o077 == 0, info.st_size == 32 else {
            throw AtomicFile.Failure(description: "\(path): not a 32-byte file of yours with mode 0600; journal key not trusted")
        }
        var key = [UInt8](repeating: 0, count: 32)
        guard key.withUnsafeMutableBytes({ Glibc.read(fd, $0.baseAddress!, $0.count) }) == key.count else { throw .errno(path) }
        return key
    }

    private static func checkFolder() throws(AtomicFile.Failure) {
        var info = stat()
        guard stat(folder, &info) == 0 else { throw .errno(folder) }
        guard info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else {
            throw AtomicFile.Failure(description: "\(folder): not a folder of yours with mode 0700; journal key not trusted")
        }
    }

    /// A run's MAC: its name and root under the key (a run copied under another name or root fails).
    package static func mac(key: [UInt8], run: String, root: RawPath) -> String {
        HMACSHA256.hex(key: key, message: Array("mojifix journal run\0\(run)\0".utf8) + root.bytes)
    }
}
