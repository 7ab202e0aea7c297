#if canImport(Glibc)
import Glibc
#endif
import CMojifixFS

/// Renames inside one folder that never replace an entry, and their undo.
package enum NameRename {
    package enum Outcome: Equatable, Sendable {
        case renamed
        /// The new name is taken (by an entry that existed, or appeared since the check).
        case taken
    }

    /// Renames `old` to `new` in the open folder `folder` (`shown` in messages); an existing `new`
    /// is never replaced.
    package static func rename(in folder: Int32, shown: RawPath, from old: [UInt8], to new: [UInt8]) throws(AtomicFile.Failure) -> Outcome {
        let result = RawPath(old).withCString { from in RawPath(new).withCString { mj_renameat_noreplace(folder, from, $0) } }
        if result == 0 { return .renamed }
        if errno == EEXIST || errno == ENOTEMPTY { return .taken }
        throw .errno(shown.appending(old).display)
    }

    package enum UndoOutcome: Equatable, Sendable {
        case restored
        /// The entry already has its old name (the rename failed after it was journaled, or
        /// this run was partly undone before).
        case alreadyInPlace
    }

    /// Gives a journaled rename back its old name, in its folder opened below `root` (never through
    /// a symlink; names are single components). Refused, with the reason, when the entry under the
    /// new name is gone or is another one (replaced since), or when the old name is taken. A
    /// regular file whose content a journaled run rewrote (or whose rewrite was undone) has another
    /// inode: it is still the one renamed when it holds the bytes that rewrite left under the new
    /// name (`rewrites`: SHA-256 values), so names and contents undo in any order.
    package static func undo(_ rename: JournalEntry.Rename, below root: Beneath, rewrites: @autoclosure () -> Set<String> = []) throws(AtomicFile.Failure) -> UndoOutcome {
        for name in [rename.oldName, rename.newName] where name.isEmpty || name.contains(0x2F) || name == [0x2E] || name == [0x2E, 0x2E] {
            throw AtomicFile.Failure(description: "\(RawPath.display(name)): not a single name; refused")
        }
        let fd = try root.openFolder(rename.parent)
        defer { close(fd) }
        let old = rename.parent.appending(rename.oldName), new = rename.parent.appending(rename.newName)
        if let info = Beneath.stamp(fd, rename.oldName), isRenamed(info, fd, rename.oldName, rename) { return .alreadyInPlace }
        guard let info = Beneath.stamp(fd, rename.newName) else {
            throw AtomicFile.Failure(description: "\(new.display): no longer exists; not renamed back to \(RawPath.display(rename.oldName))")
        }
        guard isRenamed(info, fd, rename.newName, rename) || holdsKnownBytes(fd, rename, rewrites) else {
            throw AtomicFile.Failure(description: "\(new.display): not the entry that was renamed (replaced since); not renamed back")
        }
        let result = RawPath(rename.newName).withCString { from in RawPath(rename.oldName).withCString { mj_renameat_noreplace(fd, from, $0) } }
        if result == 0 { fsync(fd); return .restored }
        if errno == EEXIST || errno == ENOTEMPTY {
            throw AtomicFile.Failure(description: "\(old.display): the old name is taken; \(RawPath.display(rename.newName)) not renamed back")
        }
        throw .errno(new.display)
    }

    /// The entry that was renamed: its inode, and its birth time where the file system keeps one.
    private static func isRenamed(_ info: FileStamp, _ fd: Int32, _ name: [UInt8], _ rename: JournalEntry.Rename) -> Bool {
        info.inode == rename.inode && (rename.born == 0 || birthTime(fd, name) == rename.born)
    }

    /// Birth time of `name` in the open folder (0: unknown), for a rename entry.
    package static func birthTime(_ folder: Int32, _ name: [UInt8]) -> Int64 {
        Int64(RawPath(name).withCString { mj_birth_time_ns(folder, $0) })
    }

    private static func holdsKnownBytes(_ fd: Int32, _ rename: JournalEntry.Rename, _ rewrites: () -> Set<String>) -> Bool {
        guard let read = try? Beneath.read(fd, rename.newName, shown: RawPath(rename.newName)) else { return false }
        return rewrites().contains(SHA256.hex(read.bytes))
    }
}
