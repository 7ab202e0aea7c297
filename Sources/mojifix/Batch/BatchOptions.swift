import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// How `fix` and `check` walk folders and run over many files.
struct BatchOptions: ParsableArguments {
    static let defaultInclude = ["*.md", "*.markdown", "*.txt"]

    @Option(name: .long, help: ArgumentHelp("Under folders, take files matching this gitignore-style glob (repeatable).",
                                            discussion: "Default: \(defaultInclude.joined(separator: ", ")). Use '*' for every file.",
                                            valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .long, help: "Leave out what the repository's .gitignore files leave out.")
    var gitignore = false

    @Option(name: .long, help: "Skip files larger than this many bytes (with a message).")
    var maxBytes: Int = 64 << 20

    @Option(name: [.customShort("j"), .long], help: "Files processed at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, inversion: .prefixedNo, help: "Show a progress bar on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 0 { throw ValidationError("--max-bytes must not be negative") }
        for glob in include + exclude where PathPattern(glob) == nil {
            throw ValidationError("empty or comment-only glob \"\(glob)\"")
        }
    }

    var workerCount: Int { jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    var showsProgress: Bool { progress ?? (isatty(STDERR_FILENO) == 1) }

    /// The files to process, in walk order, what could not be walked, and whether a folder was walked.
    /// `configured` adds the `exclude` globs of `.mojifix.toml`.
    func files(under paths: [String], configured: ConfigOptions.Loaded? = nil) -> (files: [RawPath], problems: [String], walkedFolder: Bool) {
        let options = WalkOptions(include: (include.isEmpty ? Self.defaultInclude : include).compactMap { PathPattern($0) },
                                  exclude: (exclude + (configured?.configuration.exclude ?? [])).compactMap { PathPattern($0) },
                                  honourGitignore: gitignore)
        var files: [RawPath] = [], problems: [String] = []
        TreeWalker.walk(paths.map(RawPath.init), options: options) { event in
            switch event {
            case .file(let path): files.append(path)
            case .problem(let path, let why): problems.append("\(path): \(why.lowercasedFirst)")
            }
        }
        let walkedFolder = paths.contains { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }
        return (files, problems, walkedFolder)
    }
}
