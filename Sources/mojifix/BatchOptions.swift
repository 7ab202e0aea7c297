import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixKit
import MojifixWorkspace

/// How `fix` and `check` walk folders and run over many files.
struct BatchOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Under folders, also take files matching this gitignore-style glob (repeatable; adds to the defaults).",
                                            discussion: "Default: \(BatchFiles.defaultInclude.joined(separator: ", ")). Braces list alternatives: '*.{md,txt}'.",
                                            valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Under folders, take only files matching this glob (repeatable; replaces the defaults; '*' for every file).",
                                            valueName: "glob"))
    var includeOnly: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files and folders matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Leave out what the repository's .gitignore files leave out (default: on inside a git repository).")
    var gitignore: Bool?

    @Option(name: .long, help: "Read legacy (not UTF-8) files as this charset; GLOB=CHARSET limits it to the matching paths (a pattern without / matches names). Repeatable; the first match wins.")
    var from: [String] = []

    @Option(name: .long, help: "Skip files larger than this many bytes (with a message).")
    var maxBytes: Int = 64 << 20

    @Option(name: [.customShort("j"), .long], help: "Files processed at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, inversion: .prefixedNo, help: "Show a progress bar on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 0 { throw ValidationError("--max-bytes must not be negative") }
        for glob in include + includeOnly + exclude where PathPattern(glob) == nil {
            throw ValidationError("empty or comment-only glob \"\(glob)\"")
        }
    }

    var workerCount: Int { jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    var showsProgress: Bool { progress ?? (isatty(STDERR_FILENO) == 1) }

    /// `configured` adds the `exclude` globs of `.mojifix.toml`.
    func files(under paths: [String], configured: LoadedConfiguration? = nil) -> BatchFiles {
        BatchFiles(under: paths, include: includeOnly.isEmpty ? BatchFiles.defaultInclude + include : includeOnly + include,
                   exclude: exclude, gitignore: gitignore, configured: configured)
    }
}
