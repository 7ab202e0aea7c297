import CMojifixFS
#if canImport(Glibc)
import Glibc
#endif

/// What tells whether a file is still the one that was read: its identity (device, inode) and
/// content stamp (size, modification and change times), with the metadata a rewrite must keep.
package struct FileStamp: Equatable, Sendable {
    package var device: UInt64, inode: UInt64, size: Int64
    package var modified: [Int], changed: [Int]
    package var mode: UInt32, owner: UInt32, group: UInt32, links: UInt64

    package init(_ info: stat) {
        device = UInt64(info.st_dev); inode = UInt64(info.st_ino); size = Int64(info.st_size)
        modified = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec]; changed = [info.st_ctim.tv_sec, info.st_ctim.tv_nsec]
        mode = UInt32(info.st_mode); owner = UInt32(info.st_uid); group = UInt32(info.st_gid); links = UInt64(info.st_nlink)
    }

    /// The stamp of an open file.
    package init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }

    package var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    package var permissions: mode_t { mode_t(mode & 0o7777) }

    /// Modified within the second before `now`: an edit in the same clock tick could leave the
    /// stamp as it was, so the bytes are compared too.
    func isRacy(now: Int) -> Bool { modified[0] >= now - 1 }
}

/// Files reached only below a root folder (the repository's): every folder on the way is opened
/// with its parent's descriptor and never through a symlink, so a folder swapped for a symlink
/// during a run, or a crafted journal path (`/etc/...`, `../..`, a symlinked folder), cannot
/// make `fix` or `undo` write anywhere else.
package struct Beneath: Sendable {
    /// Absolute, symlinks resolved.
    package let root: RawPath

    package init(root: String) { self.root = RawPath(Paths.canonical(root)) }

    /// The components of a relative path taken from a journal; refused: absolute, empty, `.`, `..`.
    package static func components(_ path: RawPath, allowEmpty: Bool = false) throws(AtomicFile.Failure) -> [[UInt8]] {
        if path.bytes.isEmpty && allowEmpty { return [] }
        guard path.bytes.first != UInt8(ascii: "/") else {
            throw AtomicFile.Failure(description: "\(path): an absolute path in a journal (entries are relative to the root); refused")
        }
        let parts = path.bytes.split(separator: 0x2F, omittingEmptySubsequences: false).map(Array.init)
        for part in parts where part.isEmpty || part == [0x2E] || part == [0x2E, 0x2E] {
            throw AtomicFile.Failure(description: "\(path): an empty, `.` or `..` component in a journal path; refused")
        }
        return parts
    }

    /// The path, relative to the root, of the file `path` names as the kernel resolves it (its
    /// folder's symlinks and `..` resolved; the file itself is not followed). Refused outside the root.
    package func relative(_ path: RawPath) throws(AtomicFile.Failure) -> RawPath {
        let (parent, name) = path.parentAndName
        guard !name.isEmpty, name != [0x2E], name != [0x2E, 0x2E] else { throw AtomicFile.Failure(description: "\(path): not a file name") }
        guard let resolved = parent.withCString({ realpath($0, nil) }) else { throw .errno("\(parent)") }
        let folder = RawPath(bytes: Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved))))
        free(resolved)
        guard folder.isInside(root) else {
            throw AtomicFile.Failure(description: "\(path): outside the root \(root) (run mojifix from the repository holding it); not rewritten")
        }
        let below = folder.bytes.dropFirst(root.bytes == [0x2F] ? 1 : root.bytes.count + 1)
        return RawPath(bytes: below.isEmpty ? name : Array(below) + [0x2F] + name)
    }

    /// The path, relative to the root, of the folder `folder` names (symlinks resolved); refused outside the root.
    package func relativeFolder(_ folder: RawPath) throws(AtomicFile.Failure) -> RawPath {
        let inside = try relative(folder.appending([0x2E, 0x2E, 0x2E]))
        return Self.folder(of: inside)
    }

    /// The folder part of a relative path (empty for a name in the root).
    package static func folder(of relative: RawPath) -> RawPath {
        let parent = relative.parentAndName.parent
        return parent.bytes == [0x2E] ? RawPath([UInt8]()) : parent
    }

    /// Opens the folder holding `relative` (a file's path) and returns it with the file's name.
    package func openFolder(of relative: RawPath) throws(AtomicFile.Failure) -> (fd: Int32, name: [UInt8]) {
        let parts = try Self.components(relative)
        return (try open(RawPath(bytes: Array(parts.dropLast().joined(separator: [0x2F]))), parts.dropLast()), parts.last!)
    }

    /// Opens a folder given relative to the root (empty: the root itself).
    package func openFolder(_ relative: RawPath) throws(AtomicFile.Failure) -> Int32 {
        try open(relative, try Self.components(relative, allowEmpty: true)[...])
    }

    private func open(_ relative: RawPath, _ parts: ArraySlice<[UInt8]>) throws(AtomicFile.Failure) -> Int32 {
        var fd = root.withCString { Glibc.open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw .errno("\(root)") }
        for part in parts {
            let next = RawPath(part).withCString { mj_open_beneath(fd, $0, O_RDONLY | O_DIRECTORY) }
            let failure = errno
            close(fd)
            guard next >= 0 else {
                errno = failure
                if failure == ELOOP || failure == ENOTDIR || failure == EXDEV {
                    throw AtomicFile.Failure(description: "\(relative): \(RawPath.display(part)) is a symlink or not a folder; "
                                             + "never followed below \(root)")
                }
                throw .errno("\(relative)")
            }
            fd = next
        }
        return fd
    }

    /// The stamp of `name` in the open folder (a symlink is not followed).
    package static func stamp(_ folder: Int32, _ name: [UInt8]) -> FileStamp? {
        var info = stat()
        return RawPath(name).withCString { fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) } == 0 ? FileStamp(info) : nil
    }

    /// Bytes and stamp of the regular file `name` in the open folder, never through a symlink.
    package static func read(_ folder: Int32, _ name: [UInt8], shown: RawPath) throws(AtomicFile.Failure) -> (bytes: [UInt8], stamp: FileStamp) {
        let fd = RawPath(name).withCString { mj_open_beneath(folder, $0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else {
            if errno == ELOOP { throw AtomicFile.Failure(description: "\(shown): a symlink; never followed") }
            throw .errno("\(shown)")
        }
        defer { close(fd) }
        return try AtomicFile.read(fd: fd, shown: shown, limit: .max)
    }
}
