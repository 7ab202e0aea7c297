import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `mojifix fix PATH...`: repair then normalise, rewriting files in place (atomically, journaled
/// for `undo`); `fix -` and `fix --stdout FILE` print instead; `fix --names` repairs names.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair mojibake, then normalise the Markdown, in place (journaled; see `undo`).",
        discussion: """
            `fix -` reads stdin and writes stdout; `fix --stdout FILE` prints instead of rewriting. Folders are \
            walked (see --include). Markdown files are repaired and normalised, other text files only repaired; \
            binary files are skipped. Files are rewritten only below the repository root, through folders opened \
            without following symlinks, keeping owner, group (as root), mode and extended attributes; read-only \
            files are skipped unless --force, hard-linked files are skipped (a rewrite would split the link), and a \
            file edited while fix runs is left alone and reported. Exit codes (pre-commit's fixer convention): 0 \
            nothing changed; 1 files were modified (or would be, with --dry-run or --diff), or a security finding \
            remains (listed; removed only with --strip-security, never in code); 2 a file or folder could not be \
            processed or was edited meanwhile (the others were); 3 no errors, but a legacy file's encoding is \
            ambiguous (listed, not guessed).

            `fix --names PATH...` is `mojifix rename PATH...` (see `mojifix rename --help`).
            """
    )

    @Argument(help: "Files or folders, or - for standard input.")
    var paths: [String]

    @Flag(name: .long, help: "Print the result instead of rewriting the file (one file).")
    var stdout = false

    @Option(name: .customLong("as"), help: ArgumentHelp("With - or --stdout: read the input as markdown (repair and normalise) or text (repair only). Default: by the file's extension; markdown for stdin.", valueName: "markdown|text"))
    var inputKind: InputKind?

    @Flag(name: .customLong("no-normalize"), help: "Repair only: leave Markdown files unnormalised.")
    var noNormalize = false

    @Flag(name: .long, help: "Write nothing; list the files that would change.")
    var dryRun = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of what would change.")
    var diff = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per file its status, SHA-256 before and after, plan and normalisation rules.", valueName: "FILE.json"))
    var report: String?

    @Option(name: .long, help: "Journal folder for undo (default: [journal] folder of .mojifix.toml, else .mojifix/journal at the repository root).")
    var journal: String?

    @Flag(name: .long, help: "Repair garbled file and folder names instead of contents: `mojifix rename` (a dry run unless --apply).")
    var names = false

    @Flag(name: .long, help: "With --names: rename (each folder's renames journaled first; `mojifix undo` renames back).")
    var apply = false

    @Flag(name: .long, help: "Rewrite read-only files too (keeping their mode); by default they are skipped.")
    var force = false

    @Flag(name: .long, help: "Also make lossy repairs (guessed lost bytes); default: .mojifix.toml's lossy, else off (they are then listed by check).")
    var lossy = false

    @OptionGroup var batch: BatchOptions

    @OptionGroup var normalize: NormalizeOptionsGroup

    enum InputKind: String, ExpressibleByArgument, CaseIterable { case markdown, text }

    var printing: Bool { paths == ["-"] || stdout }

    /// Flags that contradict each other are usage errors, never silently ignored.
    func checkFlags() throws {
        let given = { (flags: [(String, Bool)]) in flags.filter(\.1).map(\.0) }
        if printing, let other = given([("--dry-run", dryRun), ("--diff", diff), ("--journal", journal != nil), ("--names", names)]).first {
            throw CLIError(message: "\(stdout ? "--stdout" : "fix -") prints the result and writes nothing: \(other) does not apply", code: 64)
        }
        if inputKind != nil && !printing { throw CLIError(message: "--as goes with - or --stdout (files are read by their extension)", code: 64) }
        if noNormalize, let other = given([("--as markdown", inputKind == .markdown), ("--enable", !normalize.enable.isEmpty),
                                           ("--profile", normalize.profile != nil), ("--strip-security", normalize.stripSecurity),
                                           ("--keep-crlf", normalize.keepCRLF)]).first {
            throw CLIError(message: "--no-normalize contradicts \(other)", code: 64)
        }
        if names, let other = given([("--no-normalize", noNormalize), ("--from", !batch.from.isEmpty)]).first {
            throw CLIError(message: "\(other) does not apply to --names (names are detected one by one)", code: 64)
        }
        if apply && !names { throw CLIError(message: "--apply goes with --names (fix PATH already rewrites; preview with --dry-run)", code: 64) }
        if apply && (dryRun || diff) { throw CLIError(message: "--apply and \(dryRun ? "--dry-run" : "--diff") contradict each other", code: 64) }
    }

    func run() throws {
        try reportingErrors {
            try checkFlags()
            let loaded = try normalize.configFile.load()
            let location = try JournalLocation(flag: journal, configuration: loaded)
            if names { throw ExitCode(try fixNames(location)) }
            let normalizer = Normalizer(options: try normalize.options(loaded))
            let makeWork = { () throws -> FileWork in
                var work = FileWork(repairer: try Repairer(options: RepairOptions(maxInputBytes: batch.maxBytes, lossy: lossy || loaded?.configuration.lossy == true)),
                                    from: CharsetScopes(batch.from), normalizer: normalizer, limit: batch.maxBytes, hashEveryFile: report != nil)
                work.normalizesMarkdown = !noNormalize
                return work
            }
            if printing {
                try printFixed(try makeWork())
            } else {
                try fixInPlace(makeWork, location, loaded)
            }
        }
    }

    /// `fix -` / `fix --stdout FILE`: the result on stdout, nothing written: exactly what `fix`
    /// would write for that file (Markdown by its extension, or --as; stdin is Markdown).
    private func printFixed(_ work: FileWork) throws {
        guard paths.count == 1 else { throw CLIError(message: "--stdout takes one file", code: 64) }
        let name = paths[0] == "-" ? "<stdin>" : paths[0]
        let input: [UInt8]
        do {
            input = try paths[0] == "-" ? FileIO.readStandardInput(limit: 512 << 20) : FileIO.read(path: paths[0], limit: 512 << 20)
        } catch { throw CLIError(message: "\(name): \(error)", code: 2) }
        var output: [UInt8] = []
        let markdown = inputKind.map { $0 == .markdown } ?? (paths[0] == "-" || FileWork.isMarkdown(RawPath(paths[0])))
        let outcome = work.process(input, path: RawPath(name), markdown: markdown && work.normalizesMarkdown) { output = $0 }
        switch outcome.status {
        case .ambiguous: throw CLIError(message: outcome.message ?? name, code: 3)
        case .error, .skipped: throw CLIError(message: outcome.message ?? name, code: 2)
        default: FileIO.writeOutput(output)
        }
        if let report {
            try BatchReport(outcomes: [outcome], problems: []).writeJSON(command: "fix", dryRun: true, journalRun: nil, to: report)
        }
    }

    private func fixInPlace(_ makeWork: () throws -> FileWork, _ location: JournalLocation, _ loaded: ConfigOptions.Loaded?) throws {
        let walked = batch.files(under: paths, configured: loaded)
        var files = walked.files
        if let file = files.first(where: { $0.string.map(location.isWithin) ?? false }) {
            throw CLIError(message: "journal folder \(location.path) is \(file), one of the files being fixed; choose another with --journal", code: 2)
        }
        // Never rewrite the journal's own files: `undo` must find them as they were written.
        let inJournal = files.filter { $0.string.map(location.holds) ?? false }
        files.removeAll { $0.string.map(location.holds) ?? false }
        let writing = !dryRun && !diff
        if writing { Self.removeStaleTemporaries(in: files.map(\.parentAndName.parent)) }
        let root = Beneath(root: FileIO.repositoryRoot())
        let writer = JournaledWriter(journal: Journal(folder: location.path, root: root))
        let diff = diff, force = force
        let runner = BatchRunner(total: files.count, showProgress: batch.showsProgress)
        var outcomes = try runner.run(files, workers: batch.workerCount, makeWorker: makeWork) { work, path in
            work.process(path) { original, stamp, output, outcome in
                guard outcome.changed else { return }
                if diff {
                    let name = path.bytes.first == UInt8(ascii: "/") ? String(path.description.dropFirst()) : path.description
                    outcome.diff = UnifiedDiff.make(old: original, new: output, name: name)
                }
                guard writing else { return }
                do throws(AtomicFile.Failure) {
                    // The path the kernel resolves (`link/../x.md`), below the root; journaled as written.
                    let relative = try root.relative(path)
                    outcome.relative = relative
                    try writer.replace(relative, with: output, entry: JournalEntry(path: relative, mode: stamp.mode & 0o7777, sha256Before: outcome.sha256Before!,
                                                                                    sha256After: outcome.sha256After!, original: original),
                                       stamp: stamp, force: force)
                } catch {
                    outcome.status = error.kind == .skipped ? .skipped : .error
                    outcome.message = "\(error)"
                }
            }
        }
        outcomes += inJournal.map { FileOutcome(path: $0, status: .skipped, message: "\($0): inside the journal folder \(location.path)") }
        let (run, failed, journalSize) = writer.finish()
        for failure in failed {
            if let index = outcomes.firstIndex(where: { $0.relative == failure.path }) {
                outcomes[index].status = .error; outcomes[index].message = failure.message
            }
        }
        let runPath = run.map { location.path + "/" + $0 }
        let report = BatchReport(outcomes: outcomes, problems: walked.problems, leftOut: walked.leftOut)
        report.printProblems()
        for outcome in outcomes where outcome.changed {
            if let diff = outcome.diff { FileIO.writeOutput(diff); continue }
            FileIO.writeOutput("\(writing ? "fixed" : "would fix") \(outcome.path) (\(outcome.status.rawValue))\n")
        }
        // What is left that a `check` fails (security findings are reported, not removed): the
        // hook must fail on them too.
        for outcome in outcomes where !outcome.findings.isEmpty {
            FileIO.writeOutput(outcome.findings.map(\.text).joined(separator: "\n") + "\n")
        }
        if walked.walkedFolder { FileIO.writeError(report.table) }
        if let path = self.report { try report.writeJSON(command: "fix", dryRun: !writing, journalRun: runPath, to: path) }
        if let runPath { FileIO.writeError("journal: \(runPath), \(JournalCommand.size(journalSize)) (undo with `mojifix undo`)\n") }
        let code = report.exitCode(dirty: outcomes.contains(where: \.dirty))
        if code != 0 { throw ExitCode(code) }
    }

    /// `fix --names` is `rename`, with the folder options, --report and --diff.
    private func fixNames(_ location: JournalLocation) throws -> Int32 {
        guard !paths.contains("-") else { throw CLIError(message: "--names takes files or folders, not -", code: 64) }
        let include = batch.includeOnly + batch.include
        let scope = FixNames.Scope(include: include.isEmpty ? nil : BatchOptions.patterns(include), exclude: BatchOptions.patterns(batch.exclude))
        return try RenameCommand.rename(paths, apply: apply, diff: diff, report: report, scope: scope, location: location)
    }

    /// Removes what writers killed mid-write left in these folders (never a live process's:
    /// pre-commit runs several `fix` at once).
    static func removeStaleTemporaries(in folders: [RawPath]) {
        var seen = Set<RawPath>()
        for folder in folders where seen.insert(folder).inserted {
            let fd = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
            guard fd >= 0 else { continue }
            for name in AtomicFile.removeStaleTemporaries(in: fd) {
                FileIO.writeError("mojifix: removed \(folder.absolute.appending(name)), a temporary file of a killed run\n")
            }
            close(fd)
        }
    }
}
