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
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .errno(path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Failure(description: "\(path): not a regular file (symlinks are not followed)") }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .errno(path) }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw .errno(path) }
            if n == 0 { bytes.removeLast(bytes.count - offset); break }
            offset += n
        }
        return (bytes, info.st_mode & 0o7777)
    }

    static let temporaryMarker = ".mojifix-"

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(Failure) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // The writer's pid is in the name so that a later run can tell a temporary file left by a
        // killed writer (removable) from one a live writer is still filling (see removeStaleTemporaries).
        var template = Array((folder.isEmpty ? "/" : folder + "/").utf8CString.dropLast())
            + Array(".\(name)\(temporaryMarker)\(getpid())-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .errno(folder) }
        let temporary = String(cString: template)
        var ok = false
        defer { if !ok { unlink(temporary) } }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; close(fd); throw .errno(temporary) }
            offset += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { close(fd); throw .errno(temporary) }
        close(fd)
        guard rename(temporary, path) == 0 else { throw .errno(path) }
        ok = true
        let dir = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Removes the temporary files (`.<name>.mojifix-<pid>-XXXXXX`) that writers which no longer run
    /// left in `folder` when they were killed between creating and renaming them. Those of a live
    /// process are kept: several `fix` processes may work in one folder at once (pre-commit runs
    /// hooks in parallel). Returns the names removed.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> [String] {
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return [] }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasPrefix("."), let pid = writerPid(ofTemporary: name), !isRunning(pid) else { continue }
            stale.append(name)
        }
        closedir(dir)
        return stale.filter { unlink((folder.isEmpty ? "" : folder + "/") + $0) == 0 }
    }

    /// The pid in a temporary file's name `.<name>.mojifix-<pid>-XXXXXX`, or nil for any other name.
    static func writerPid(ofTemporary name: String) -> pid_t? {
        let bytes = Array(name.utf8), marker = Array(temporaryMarker.utf8)
        guard bytes.count > marker.count,
              let start = (0...(bytes.count - marker.count)).last(where: { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        let rest = bytes[(start + marker.count)...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard rest.count == 2, rest[1].count == 6, let pid = pid_t(rest[0]), pid > 0 else { return nil }
        return pid
    }

    /// A process exists with this pid (EPERM: it exists but is someone else's).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || Glibc.errno == EPERM
    }
}
