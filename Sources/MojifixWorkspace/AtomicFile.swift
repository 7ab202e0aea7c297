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
        let (folder, name) = path.parentAndName
        var template = (folder.appending([UInt8(ascii: ".")] + name + Array(".mojifix-XXXXXX".utf8)).bytes + [0]).map { CChar(bitPattern: $0) }
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .errno("\(folder)") }
        let temporary = template   // the bytes as made by mkstemp (a String could not hold a non-UTF-8 folder)
        let shown = RawPath(bytes: temporary.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }).description
        var ok = false
        defer { if !ok { unlink(temporary) } }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; close(fd); throw .errno(shown) }
            offset += n
        }
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { close(fd); throw .errno(shown) }
        close(fd)
        guard path.withCString({ rename(temporary, $0) }) == 0 else { throw .errno("\(path)") }
        ok = true
        let dir = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if dir >= 0 { fsync(dir); close(dir) }
    }
}
