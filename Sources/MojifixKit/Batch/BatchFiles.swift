#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// What a walk of the paths given to `fix` or `check` found: the files to process in walk order,
/// what could not be walked, how many files and folders the filters left out, and whether a
/// folder was walked (then the summary table is printed).
package struct BatchFiles {
    /// The files a folder walk takes when no `--include-only` is given.
    package static let defaultInclude = ["*.md", "*.markdown", "*.txt"]

    package var files: [RawPath] = []
    package var problems: [String] = []
    package var leftOut = 0
    package var walkedFolder = false

    /// The globs with their brace alternatives expanded, as patterns.
    package static func patterns(_ globs: [String]) -> [PathPattern] {
        globs.flatMap(BraceExpansion.expand).compactMap { PathPattern($0) }
    }

    /// `include` nil: the defaults. `configured` adds the `exclude` globs of `.mojifix.toml`;
    /// `gitignore` nil: honoured inside a git repository.
    package init(under paths: [String], include: [String]? = nil, exclude: [String] = [], gitignore: Bool? = nil,
                 configured: LoadedConfiguration? = nil) {
        let options = WalkOptions(include: Self.patterns(include ?? Self.defaultInclude),
                                  exclude: Self.patterns(exclude + (configured?.configuration.exclude ?? [])), honourGitignore: gitignore)
        // A file reached twice (a folder and a file in it, two spellings) is taken once: twice,
        // its second rewrite finds it changed by the first and the run journals it twice.
        var seen = Set<FileIdentity>()
        TreeWalker.walk(paths.map(RawPath.init), options: options) { event in
            switch event {
            case .file(let path):
                if let info = path.status(), !seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted {
                    return
                }
                files.append(path)
            case .problem(let path, let why): problems.append("\(path): \(why.lowercasedFirst)")
            case .leftOut: leftOut += 1
            }
        }
        walkedFolder = paths.contains { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
    }
}

private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}
