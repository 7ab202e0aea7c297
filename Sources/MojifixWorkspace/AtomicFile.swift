import CMojifixFS
#if canImport(Glibc)
import Glibc
#endif

/// Files written so that a reader (or a crash) sees the old bytes or the new ones, never a mix:
/// a temporary file in the same folder, fsync, rename over the original, fsync of the folder.
/// The file's permission bits are kept.
package enum AtomicFile {
    package struct Failure: Error, CustomStringConvertible {
        package enum Kind: Sendable { case error, skipped, changed }
        package var description: String
        /// Skipped: left alone on purpose (read-only, hard-linked, too large); changed: edited while mojifix ran.
        package var kind = Kind.error
        package init(description: String, kind: Kind = .error) { self.description = description; self.kind = kind }
        static func errno(_ what: String) -> Failure {
            Failure(description: what + (what.hasSuffix(" ") ? "" : ": ") + String(cString: strerror(Glibc.errno)))
        }
    }

    /// Bytes and permission bits of a regular file (a symlink is refused: it may point out of the tree).
    package static func read(_ path: String) throws(Failure) -> (bytes: [UInt8], mode: mode_t) {
        let read = try read(RawPath(path))
        return (read.bytes, read.stamp.permissions)
    }

    /// Bytes and stamp of a regular file (a symlink is refused: it may point out of the tree; a
    /// FIFO is refused without blocking).
    package static func read(_ path: RawPath, limit: Int = .max) throws(Failure) -> (bytes: [UInt8], stamp: FileStamp) {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) }
        guard fd >= 0 else {
            if Glibc.errno == ELOOP { throw Failure(description: "\(path): not a regular file (symlinks are not followed)") }
            throw .errno("\(path)")
        }
        defer { close(fd) }
        return try read(fd: fd, shown: path, limit: limit)
    }

    /// The bytes of an open regular file, with its stamp as read.
    package static func read(fd: Int32, shown path: RawPath, limit: Int) throws(Failure) -> (bytes: [UInt8], stamp: FileStamp) {
        guard let stamp = FileStamp(fd: fd) else { throw .errno("\(path)") }
        guard stamp.isRegular else { throw Failure(description: "\(path): not a regular file (symlinks are not followed)") }
        guard Int(stamp.size) <= limit else {
            throw Failure(description: "\(path): \(stamp.size) bytes, over the \(limit)-byte limit; skipped", kind: .skipped)
        }
        // Read to the end, not to the size the stamp gives: procfs reports 0 bytes for
        // `/proc/PID/stat`. One byte more than that size is asked for, so the end is seen.
        var bytes = [UInt8](repeating: 0, count: Int(stamp.size) + 1)
        var offset = 0
        while true {
            if offset == bytes.count {
                guard bytes.count <= limit else {
                    throw Failure(description: "\(path): over the \(limit)-byte limit; skipped", kind: .skipped)
                }
                bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096))
            }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw .errno("\(path)") }
            if n == 0 { bytes.removeLast(bytes.count - offset); break }
            offset += n
        }
        return (bytes, stamp)
    }

    /// A file outside any journaled tree (a report): staged beside it and renamed over it.
    package static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(Failure) {
        let (parent, name) = RawPath(path).parentAndName
        let folder = parent.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard folder >= 0 else { throw .errno("\(parent)") }
        defer { close(folder) }
        let staged = try stage(bytes, in: folder, name: name, shown: RawPath(path), like: nil, mode: mode, sync: true)
        try staged.commit()
        fsync(folder)
    }

    static let temporaryMarker = ".mojifix-"
    /// The longest file name (bytes) Linux file systems take.
    static let nameMax = 255

    /// Writes `bytes` to a temporary file in the open `folder` (beside `name`, so the rename is
    /// atomic), owned like and carrying the extended attributes of the file `like` describes (an
    /// owner is kept only when we may set it: root), with `mode`. `sync: false` leaves the flush to
    /// the caller (a batch syncs many files at once). The writer's pid is in the name, so a later
    /// run can tell a file left by a killed writer from one a live writer is still filling.
    package static func stage(_ bytes: [UInt8], in folder: Int32, name: [UInt8], shown: RawPath, like original: FileStamp?,
                             mode: mode_t, sync: Bool, sha256Before: String? = nil) throws(Failure) -> Staged {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var temporary: [UInt8] = [], fd: Int32 = -1
        for _ in 0..<100 where fd < 0 {
            let suffix = Array("\(temporaryMarker)\(getpid())-".utf8) + (0..<6).map { _ in letters.randomElement()! }
            // (A name near NAME_MAX leaves no room for the suffix: its head stands for it.)
            temporary = [UInt8(ascii: ".")] + name.prefix(max(0, Self.nameMax - 1 - suffix.count)) + suffix
            fd = RawPath(temporary).withCString { openat(folder, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
            if fd < 0 && Glibc.errno != EEXIST { throw .errno("\(shown)") }
        }
        guard fd >= 0 else { throw .errno("\(shown)") }
        let staged = Staged(folder: dup(folder), temporary: temporary, name: name, path: shown, expected: original, sha256Before: sha256Before)
        func failed(_ what: String) -> Failure {
            let failure = Failure.errno(what); close(fd); staged.discard(); return failure
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw failed("\(shown)")
            }
            offset += n
        }
        if let original {
            // The owner first (chown clears setuid bits), then attributes, then the mode.
            if geteuid() == 0, original.owner != 0 || original.group != getegid(), fchown(fd, original.owner, original.group) != 0 {
                throw failed("\(shown): cannot keep its owner and group (\(original.owner):\(original.group)); not rewritten: ")
            }
            // Not root: the file becomes ours, its group kept where we may.
            if geteuid() != 0 && original.group != getegid() { _ = fchown(fd, UInt32.max, original.group) }
            let source = RawPath(name).withCString { mj_open_beneath(folder, $0, O_RDONLY | O_NONBLOCK) }
            let copied = source >= 0 && mj_copy_xattrs(source, fd) == 0
            if source >= 0 { close(source) }
            guard copied else { throw failed("\(shown): cannot keep its extended attributes; not rewritten: ") }
        }
        guard fchmod(fd, mode) == 0, !sync || fsync(fd) == 0 else { throw failed("\(shown)") }
        close(fd)
        return staged
    }

    /// A temporary file holding a target's new bytes, not yet in place, in an open folder.
    package final class Staged: @unchecked Sendable {
        let folder: Int32
        let temporary: [UInt8]
        let name: [UInt8]
        /// As shown to the user and journaled: relative to the root.
        package let path: RawPath
        /// The target as it was read: the rename happens only while it is still so.
        let expected: FileStamp?
        let sha256Before: String?
        private var open = true
        /// Runs between the last check and the rename (for the tests: an edit saved there).
        package var beforeRename: (() -> Void)? = nil
        /// Off: renamed as where the file system cannot swap (for the tests).
        package var swaps = true
        /// Off: no lease is taken, as where the file system has none (for the tests: an edit
        /// in this process would wait on its own lease).
        package var leases = true

        init(folder: Int32, temporary: [UInt8], name: [UInt8], path: RawPath, expected: FileStamp?, sha256Before: String?) {
            self.folder = folder; self.temporary = temporary; self.name = name; self.path = path
            self.expected = expected; self.sha256Before = sha256Before
        }

        deinit { if open { close(folder) } }

        /// The file system holding the folder, and the folder's descriptor (for syncfs).
        package var device: UInt64 { FileStamp(fd: folder)?.device ?? 0 }
        package var folderDescriptor: Int32 { folder }

        /// Renames the temporary file over the target, unless the target changed since it was
        /// read (an edit saved while `fix` ran is never overwritten).
        package func commit() throws(Failure) {
            guard let expected else {
                beforeRename?()
                return try rename()
            }
            // Leased first: a process holding the file open for writing (appending to a log)
            // would go on writing into the file the swap unlinks.
            var lease: WriterLease? = nil
            switch leases ? WriterLease.take(in: folder, name) : .unavailable {
            case .held(let held): lease = held
            case .openForWriting:
                discard()
                throw Failure(description: "\(path): open for writing in another program; left alone (run again once it is closed)", kind: .changed)
            case .unavailable: break
            }
            defer { lease?.release() }
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            // The bytes first when the stamp alone cannot tell (a read and a hash), the stamp
            // last, right before the swap: the window an edit can fall in is kept short.
            guard !expected.isRacy(now: now.tv_sec) || stillHolds(expected) else { discard(); throw changed }
            guard let current = Beneath.stamp(folder, name) else { let failure = Failure.errno("\(path)"); discard(); throw failure }
            guard current == expected else { discard(); throw changed }
            beforeRename?()
            // Swapped, not renamed over: what the swap takes out is what was in place at that very
            // moment, so an edit saved after the check (in place, or a new file renamed there) is
            // seen and swapped back in, never overwritten.
            let swapped = swaps ? RawPath(temporary).withCString { a in RawPath(name).withCString { mj_exchange(folder, a, $0) } } : -1
            guard swapped == 0 else {
                guard !swaps || errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
                    let failure = Failure.errno("\(path)"); discard(); throw failure
                }
                return try renameHolding(expected)
            }
            // (The change time moved with the swap; the rest only with an edit. A process that
            // opened the file for writing meanwhile waits on the lease, and gets the file back.)
            let out = Beneath.stamp(folder, temporary)
            guard !(lease?.broken ?? false), let out, out.device == expected.device, out.inode == expected.inode, out.size == expected.size,
                  out.modified == expected.modified else {
                let back = RawPath(temporary).withCString { a in RawPath(name).withCString { mj_exchange(folder, a, $0) } }
                guard back == 0 else {
                    let failure = Failure.errno("\(path): an edit saved while mojifix ran is in \(RawPath(temporary)), not put back")
                    close(folder); open = false
                    throw failure
                }
                discard()
                throw changed
            }
            discard()  // (the replaced file, now under the temporary name)
        }

        /// Renames the temporary file over the target.
        private func rename() throws(Failure) {
            let renamed = RawPath(temporary).withCString { from in RawPath(name).withCString { renameat(folder, from, folder, $0) } }
            guard renamed == 0 else { let failure = Failure.errno("\(path)"); discard(); throw failure }
            close(folder); open = false
        }

        /// Where the file system cannot swap: renames over the target, holding the target as
        /// checked open, and puts back the bytes of an edit saved in place meanwhile.
        private func renameHolding(_ expected: FileStamp) throws(Failure) {
            let held = RawPath(name).withCString { mj_open_beneath(folder, $0, O_RDONLY | O_NONBLOCK) }
            guard held >= 0 else { let failure = Failure.errno("\(path)"); discard(); throw failure }
            defer { close(held) }
            guard FileStamp(fd: held) == expected else { discard(); throw changed }
            let renamed = RawPath(temporary).withCString { from in RawPath(name).withCString { renameat(folder, from, folder, $0) } }
            guard renamed == 0 else { let failure = Failure.errno("\(path)"); discard(); throw failure }
            // (The folder stays open until the edit, if any, is back in place.)
            defer { close(folder); open = false }
            guard let after = FileStamp(fd: held), after.size != expected.size || after.modified != expected.modified else { return }
            let edit = try AtomicFile.read(fd: held, shown: path, limit: .max).bytes
            let restored = try AtomicFile.stage(edit, in: folder, name: name, shown: path, like: after, mode: after.permissions, sync: true)
            try restored.rename()
            throw changed
        }

        private var changed: Failure { Failure(description: "\(path): changed while mojifix ran; left alone (run again)", kind: .changed) }

        /// The target's bytes still hash to what was read (when the stamp alone cannot tell).
        private func stillHolds(_ expected: FileStamp) -> Bool {
            guard let sha256Before, let read = try? Beneath.read(folder, name, shown: path) else { return sha256Before == nil }
            return read.stamp == expected && SHA256.hex(read.bytes) == sha256Before
        }

        package func discard() {
            guard open else { return }
            _ = RawPath(temporary).withCString { unlinkat(folder, $0, 0) }
            close(folder); open = false
        }
    }

    /// Removes the temporary files (`.<name>.mojifix-<pid>-XXXXXX`) that writers which no longer run
    /// left in `folder` when they were killed between creating and renaming them. Those of a live
    /// process are kept: several `fix` processes may work in one folder at once (pre-commit runs
    /// hooks in parallel). Returns the names removed.
    @discardableResult
    package static func removeStaleTemporaries(in folder: Int32) -> [[UInt8]] {
        let copy = dup(folder)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        var stale: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name.first == UInt8(ascii: "."), let pid = writerPid(ofTemporary: name), !isRunning(pid) else { continue }
            stale.append(name)
        }
        closedir(dir)
        return stale.filter { name in RawPath(name).withCString { unlinkat(folder, $0, 0) } == 0 }
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
