#if canImport(Glibc)
import Glibc
#endif

/// What to take from a folder walk.
package struct WalkOptions: Sendable {
    /// Files under a folder are taken when one of these matches (relative to the folder given).
    package var include: [PathPattern]
    /// Files and folders matching one of these are left out (folders are not entered).
    package var exclude: [PathPattern] = []
    /// Leave out what the `.gitignore` files of the repository leave out; nil: when the walked
    /// folder is inside a git repository (a folder outside one has no `.gitignore` that applies).
    package var honourGitignore: Bool?
    package init(include: [PathPattern], exclude: [PathPattern] = [], honourGitignore: Bool? = false) {
        self.include = include; self.exclude = exclude; self.honourGitignore = honourGitignore
    }
}

/// One thing the walk found.
package enum WalkEvent: Sendable {
    /// A regular file to process.
    case file(RawPath)
    /// Something that could not be walked (a folder without permission, a missing path).
    case problem(RawPath, String)
    /// A file or folder the filters (include, exclude, .gitignore) left out; a folder is not entered.
    case leftOut(RawPath)
}

/// Walks files and folders: files named directly are taken whatever `include` says (a pre-commit
/// hook names them); folders are walked recursively in byte order, skipping hidden entries, never
/// following symlinks, and keeping names as bytes (see RawPath). `exclude` holds for both: a
/// named file or folder is matched by its path from the current folder (and each folder on the
/// way), as a walk of `.` would match it, so `check .` and `check FILE` agree on what is left out.
package enum TreeWalker {
    package static func walk(_ roots: [RawPath], options: WalkOptions, visit: (WalkEvent) -> Void) {
        let current = RawPath(Paths.currentFolder())
        for root in roots {
            var info = stat()
            guard root.withCString({ stat($0, &info) }) == 0 else {
                visit(.problem(root, String(cString: strerror(errno)))); continue
            }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            let absolute = root.absolute
            let named = relative(absolute, to: current)
            if excluded(named ?? absolute.parentAndName.name, isDirectory: isDirectory, by: options.exclude, anchored: named != nil) {
                visit(.leftOut(root)); continue
            }
            guard isDirectory else { visit(.file(root)); continue }
            let honour = options.honourGitignore ?? (IgnoreFile.repositoryRoot(of: absolute) != nil)
            let ignores = honour ? IgnoreFile.ancestors(of: absolute) : []
            RootWalk(options: options, honourGitignore: honour, named: named)
                .walk(root, relative: [], absolute: absolute, ignores: ignores, visit: visit)
        }
    }

    /// `absolute` below `folder`, without the leading slash; nil when it is the folder or outside it.
    static func relative(_ absolute: RawPath, to folder: RawPath) -> [UInt8]? {
        guard absolute.isInside(folder), absolute.bytes.count > folder.bytes.count else { return nil }
        return Array(absolute.bytes.dropFirst(folder.bytes == [0x2F] ? 1 : folder.bytes.count + 1))
    }

    /// The path or one of the folders on its way matches. Outside the current folder only the
    /// name is known, which only patterns without a slash may match.
    static func excluded(_ relative: [UInt8], isDirectory: Bool, by patterns: [PathPattern], anchored: Bool) -> Bool {
        let usable = anchored ? patterns : patterns.filter { !$0.anchored }
        guard !usable.isEmpty else { return false }
        if usable.contains(where: { $0.matches(relative, isDirectory: isDirectory) }) { return true }
        return relative.indices.contains { index in
            relative[index] == 0x2F && usable.contains { $0.matches(Array(relative[..<index]), isDirectory: true) }
        }
    }
}

/// The recursion of one root, with the `.gitignore` files in force on the current branch.
private struct RootWalk {
    let options: WalkOptions
    let honourGitignore: Bool
    /// The walked folder's path from the current folder, when inside it: `exclude` matches there too.
    let named: [UInt8]?

    func walk(_ folder: RawPath, relative: [UInt8], absolute: RawPath, ignores: [IgnoreFile], visit: (WalkEvent) -> Void) {
        guard let dir = folder.withCString({ opendir($0) }) else {
            visit(.problem(folder, String(cString: strerror(errno)))); return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        closedir(dir)
        var ignores = ignores
        if honourGitignore, let file = IgnoreFile.load(in: absolute) { ignores.append(file) }
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = folder.appending(name)
            let childRelative = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
            var info = stat()
            // Vanished since readdir: nothing to do.
            guard path.withCString({ lstat($0, &info) }) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            guard kind == S_IFDIR || kind == S_IFREG else { continue }   // symlinks, sockets, devices: never followed
            let isDirectory = kind == S_IFDIR
            let childAbsolute = absolute.appending(name)
            let fromCurrent = named.map { $0 + [UInt8(ascii: "/")] + childRelative }
            if options.exclude.contains(where: { pattern in
                pattern.matches(childRelative, isDirectory: isDirectory) || fromCurrent.map { pattern.matches($0, isDirectory: isDirectory) } == true
            })
                || ignored(childAbsolute, isDirectory: isDirectory, by: ignores) {
                visit(.leftOut(path))
            } else if isDirectory {
                walk(path, relative: childRelative, absolute: childAbsolute, ignores: ignores, visit: visit)
            } else if options.include.contains(where: { $0.matches(childRelative, isDirectory: false) }) {
                visit(.file(path))
            } else {
                visit(.leftOut(path))
            }
        }
    }

    /// Git's precedence: deeper `.gitignore` files override outer ones; within one, the last line wins.
    private func ignored(_ path: RawPath, isDirectory: Bool, by ignores: [IgnoreFile]) -> Bool {
        for file in ignores.reversed() {
            if let verdict = file.verdict(path, isDirectory: isDirectory) { return verdict }
        }
        return false
    }
}
