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

/// Walks files and folders: files named directly are taken as they are (a pre-commit hook names
/// them); folders are walked recursively in byte order, skipping hidden entries, never following
/// symlinks, and keeping names as bytes (see RawPath).
package enum TreeWalker {
    package static func walk(_ roots: [RawPath], options: WalkOptions, visit: (WalkEvent) -> Void) {
        for root in roots {
            var info = stat()
            guard root.withCString({ stat($0, &info) }) == 0 else {
                visit(.problem(root, String(cString: strerror(errno)))); continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else { visit(.file(root)); continue }
            let absolute = root.absolute
            let honour = options.honourGitignore ?? (IgnoreFile.repositoryRoot(of: absolute) != nil)
            let ignores = honour ? IgnoreFile.ancestors(of: absolute) : []
            RootWalk(options: options, honourGitignore: honour).walk(root, relative: [], absolute: absolute, ignores: ignores, visit: visit)
        }
    }
}

/// The recursion of one root, with the `.gitignore` files in force on the current branch.
private struct RootWalk {
    let options: WalkOptions
    let honourGitignore: Bool

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
            if options.exclude.contains(where: { $0.matches(childRelative, isDirectory: isDirectory) })
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
