#if canImport(Glibc)
import Glibc
#endif
import CMojifixFS

/// Renames inside one folder that never replace an entry, and their undo.
public enum NameRename {
    public enum Outcome: Equatable, Sendable {
        case renamed
        /// The new name is taken (by an entry that existed, or appeared since the check).
        case taken
    }

    /// Renames `parent/old` to `parent/new`; an existing `new` is never replaced.
    public static func rename(in parent: RawPath, from old: [UInt8], to new: [UInt8]) throws(AtomicFile.Failure) -> Outcome {
        let result = parent.appending(old).withCString { from in parent.appending(new).withCString { to in mj_rename_noreplace(from, to) } }
        if result == 0 { return .renamed }
        if errno == EEXIST || errno == ENOTEMPTY { return .taken }
        throw .errno(parent.appending(old).display)
    }

    public enum UndoOutcome: Equatable, Sendable {
        case restored
        /// The entry already has its old name (the rename failed after it was journaled, or
        /// this run was partly undone before).
        case alreadyInPlace
    }

    /// Gives a journaled rename back its old name. Refused, with the reason, when the entry under
    /// the new name is gone or is another one (replaced since), or when the old name is taken.
    public static func undo(_ rename: JournalEntry.Rename) throws(AtomicFile.Failure) -> UndoOutcome {
        let old = rename.parent.appending(rename.oldName), new = rename.parent.appending(rename.newName)
        if let info = old.status(), UInt64(info.st_ino) == rename.inode { return .alreadyInPlace }
        guard let info = new.status() else {
            throw AtomicFile.Failure(description: "\(new.display): no longer exists; not renamed back to \(RawPath.display(rename.oldName))")
        }
        guard UInt64(info.st_ino) == rename.inode else {
            throw AtomicFile.Failure(description: "\(new.display): not the entry that was renamed (replaced since); not renamed back")
        }
        switch try Self.rename(in: rename.parent, from: rename.newName, to: rename.oldName) {
        case .renamed: return .restored
        case .taken:
            throw AtomicFile.Failure(description: "\(old.display): the old name is taken; \(RawPath.display(rename.newName)) not renamed back")
        }
    }

    /// fsync of a folder, so its renames are on disk.
    public static func syncFolder(_ folder: RawPath) {
        let fd = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
