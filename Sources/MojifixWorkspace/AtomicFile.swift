#if canImport(Glibc)
import Glibc
#endif

/// Files written so that a reader (or a crash) sees the old bytes or the new ones, never a mix:
/// a temporary file in the same folder, fsync, rename over the original, fsync of the folder.
/// The file's permission bits are kept.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        static func errno(_ what: String) -> Failure { Failure(description: "\(what): \(String(cString: strerror(Glibc.errno)))") }
    }

    /// Bytes and permission bits of a regular file (a symlink is refused: it may point out of the tree).
    public static func read(_ path: String) throws(Failure) -> (bytes: [UInt8], mode: mode_t) {
        try read(RawPath(path))
    }

    public static func read(_ path: RawPath, limit: Int = .max) throws(Failure) -> (bytes: [UInt8], mode: mode_t) {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { throw .errno("\(path)") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(description: "\(path): not a regular file (symlinks are not followed)") }
        guard Int(info.st_size) <= limit else {
            throw Failure(description: "\(path): \(info.st_size) bytes, over the \(limit)-byte limit; skipped")
        }
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
        guard fd >= 0 else { throw .errno("\(path)") }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw .errno("\(path)") }
            if n == 0 { bytes.removeLast(bytes.count - offset); break }
            offset += n
        }
        return (bytes, info.st_mode & 0o7777)
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(Failure) {
        try write(bytes, to: RawPath(path), mode: mode)
    }

    public static func write(_ bytes: [UInt8], to path: RawPath, mode: mode_t) throws(Failure) {
        let staged = try stage(bytes, for: path, mode: mode, sync: true)
        try staged.commit()
        syncFolder(staged.folder)
    }

    static let temporaryMarker = ".mojifix-"

    /// Writes `bytes` to a temporary file beside `path` (same folder, so the rename is atomic),
    /// with the target's mode. `sync: false` leaves the flush to the caller (a batch syncs many
    /// files at once). The writer's pid is in the name, so a later run can tell a file left by a
    /// killed writer from one a live writer is still filling.
    public static func stage(_ bytes: [UInt8], for path: RawPath, mode: mode_t, sync: Bool) throws(Failure) -> Staged {
        let (folder, name) = path.parentAndName
        let marker = Array("\(temporaryMarker)\(getpid())-XXXXXX".utf8)
        var template = (folder.appending([UInt8(ascii: ".")] + name + marker).bytes + [0]).map { CChar(bitPattern: $0) }
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .errno("\(folder)") }
        let staged = Staged(temporary: template, path: path, folder: folder)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                let failure = Failure.errno(staged.shown); close(fd); staged.discard(); throw failure
            }
            offset += n
        }
        guard fchmod(fd, mode) == 0, !sync || fsync(fd) == 0 else {
            let failure = Failure.errno(staged.shown); close(fd); staged.discard(); throw failure
        }
        close(fd)
        return staged
    }

    /// A temporary file holding a target's new bytes, not yet in place.
    public struct Staged: Sendable {
        /// The bytes as made by mkstemp (a String could not hold a non-UTF-8 folder).
        let temporary: [CChar]
        public let path: RawPath
        public let folder: RawPath

        var shown: String { RawPath(bytes: temporary.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }).description }

        /// Renames the temporary file over the target.
        public func commit() throws(Failure) {
            guard path.withCString({ rename(temporary, $0) }) == 0 else {
                let failure = Failure.errno("\(path)"); discard(); throw failure
            }
        }

        public func discard() { unlink(temporary) }
    }

    /// fsync of a folder: its renames survive a crash.
    public static func syncFolder(_ folder: RawPath) {
        let dir = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Removes the temporary files (`.<name>.mojifix-<pid>-XXXXXX`) that writers which no longer run
    /// left in `folder` when they were killed between creating and renaming them. Those of a live
    /// process are kept: several `fix` processes may work in one folder at once (pre-commit runs
    /// hooks in parallel). Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: RawPath) -> [[UInt8]] {
        guard let dir = folder.withCString({ opendir($0) }) else { return [] }
        var stale: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.first == UInt8(ascii: "."), let pid = writerPid(ofTemporary: name), !isRunning(pid) else { continue }
            stale.append(name)
        }
        closedir(dir)
        return stale.filter { name in folder.appending(name).withCString { unlink($0) } == 0 }
    }

    /// The pid in a temporary file's name `.<name>.mojifix-<pid>-XXXXXX`, or nil for any other name.
    static func writerPid(ofTemporary name: [UInt8]) -> pid_t? {
        let marker = Array(temporaryMarker.utf8)
        guard name.count > marker.count,
              let start = (0...(name.count - marker.count)).last(where: { name[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        let rest = name[(start + marker.count)...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard rest.count == 2, rest[1].count == 6, let pid = pid_t(rest[0]), pid > 0 else { return nil }
        return pid
    }

    /// A process exists with this pid (EPERM: it exists but is someone else's).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || Glibc.errno == EPERM
    }
}
