#if canImport(Glibc)
import Glibc
#endif

/// Folders visited deepest first, with entry names as raw bytes.
package enum FolderWalk {
    /// Calls `visit` for `root` and every folder below it, each folder after all of its
    /// sub-folders, so a visit may rename its entries without invalidating a path still to be
    /// walked. Names come sorted by their bytes. Hidden entries (a leading dot) and entries for
    /// which `skip` (given the entry's path and status) holds are left out; only real folders are entered: a symlink is listed as an
    /// entry and never followed. A folder that cannot be read is reported to `failure`.
    package static func bottomUp(_ root: RawPath, skip: (RawPath, stat) -> Bool, visit: (RawPath, [[UInt8]]) -> Void,
                                failure: (RawPath, String) -> Void) {
        guard let dir = root.withCString({ opendir($0) }) else {
            failure(root, String(cString: strerror(errno)))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first != 0x2E { names.append(name) }
        }
        closedir(dir)
        names.sort { $0.lexicographicallyPrecedes($1) }
        var entries: [[UInt8]] = []
        for name in names {
            let path = root.appending(name)
            guard let info = path.status(), !skip(path, info) else { continue }
            if info.st_mode & S_IFMT == S_IFDIR { bottomUp(path, skip: skip, visit: visit, failure: failure) }
            entries.append(name)
        }
        visit(root, entries)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
