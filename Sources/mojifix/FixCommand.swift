import ArgumentParser
import MojifixKit
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
            throw WorkflowError("\(stdout ? "--stdout" : "fix -") prints the result and writes nothing: \(other) does not apply", .usage)
        }
        if inputKind != nil && !printing { throw WorkflowError("--as goes with - or --stdout (files are read by their extension)", .usage) }
        if noNormalize, let other = given([("--as markdown", inputKind == .markdown), ("--enable", !normalize.enable.isEmpty),
                                           ("--profile", normalize.profile != nil), ("--strip-security", normalize.stripSecurity),
                                           ("--keep-crlf", normalize.keepCRLF)]).first {
            throw WorkflowError("--no-normalize contradicts \(other)", .usage)
        }
        if names, let other = given([("--no-normalize", noNormalize), ("--from", !batch.from.isEmpty)]).first {
            throw WorkflowError("\(other) does not apply to --names (names are detected one by one)", .usage)
        }
        if apply && !names { throw WorkflowError("--apply goes with --names (fix PATH already rewrites; preview with --dry-run)", .usage) }
        if apply && (dryRun || diff) { throw WorkflowError("--apply and \(dryRun ? "--dry-run" : "--diff") contradict each other", .usage) }
    }

    func run() throws {
        try reportingErrors {
            try checkFlags()
            let loaded = try normalize.configFile.load()
            let location = try JournalLocation(flag: journal, configuration: loaded)
            if names { throw ExitCode(try fixNames(location)) }
            var settings = BatchSettings(normalize: try normalize.options(loaded))
            settings.normalizesMarkdown = !noNormalize
            settings.from = batch.from
            settings.maxBytes = batch.maxBytes
            settings.lossy = lossy || loaded?.configuration.lossy == true
            settings.workers = batch.workerCount
            settings.hashEveryFile = report != nil
            if printing {
                try printFixed(try settings.makeWork(normalizer: Normalizer(options: settings.normalize)))
            } else {
                try fixInPlace(settings, location, loaded)
            }
        }
    }

    /// `fix -` / `fix --stdout FILE`: the result on stdout, nothing written: exactly what `fix`
    /// would write for that file (Markdown by its extension, or --as; stdin is Markdown).
    private func printFixed(_ work: FileWork) throws {
        guard paths.count == 1 else { throw WorkflowError("--stdout takes one file", .usage) }
        let name = paths[0] == "-" ? "<stdin>" : paths[0]
        let input = try FileIO.readInput(paths[0], limit: 512 << 20, name: name)
        var output: [UInt8] = []
        let markdown = inputKind.map { $0 == .markdown } ?? (paths[0] == "-" || FileWork.isMarkdown(RawPath(paths[0])))
        let outcome = work.process(input, path: RawPath(name), markdown: markdown && work.normalizesMarkdown) { output = $0 }
        // Left as it was, the input is what comes out: an editor filtering its buffer through
        // `fix -` (vim's `:%!mojifix fix -`) replaces it with stdout whatever the exit status.
        switch outcome.status {
        case .ambiguous: FileIO.writeOutput(input); throw WorkflowError(outcome.message ?? name, .ambiguous)
        case .error, .skipped: FileIO.writeOutput(input); throw WorkflowError(outcome.message ?? name)
        default: FileIO.writeOutput(output)
        }
        if let report {
            try BatchReport(outcomes: [outcome], problems: []).writeJSON(command: "fix", dryRun: true, journalRun: nil, to: report)
        }
    }

    private func fixInPlace(_ settings: BatchSettings, _ location: JournalLocation, _ loaded: LoadedConfiguration?) throws {
        let walked = batch.files(under: paths, configured: loaded)
        var fix = FolderFix(settings: settings, location: location)
        fix.dryRun = dryRun; fix.diff = diff; fix.force = force; fix.showProgress = batch.showsProgress
        let run = try fix.run(walked)
        let report = run.report
        report.printProblems()
        for outcome in report.outcomes where outcome.changed {
            if let diff = outcome.diff { FileIO.writeOutput(diff); continue }
            FileIO.writeOutput("\(run.writing ? "fixed" : "would fix") \(outcome.path) (\(outcome.status.rawValue))\n")
        }
        // What is left that a `check` fails (security findings are reported, not removed): the
        // hook must fail on them too.
        for outcome in report.outcomes where !outcome.findings.isEmpty {
            FileIO.writeOutput(outcome.findings.map(\.text).joined(separator: "\n") + "\n")
        }
        if walked.walkedFolder { FileIO.writeError(report.table) }
        if let path = self.report { try report.writeJSON(command: "fix", dryRun: !run.writing, journalRun: run.journalRun, to: path) }
        if let runPath = run.journalRun { FileIO.writeError("journal: \(runPath), \(JournalRuns.size(run.journalSize)) (undo with `mojifix undo`)\n") }
        let status = report.exitStatus(dirty: report.outcomes.contains(where: \.dirty))
        if status != .clean { throw ExitCode(status) }
    }

    /// `fix --names` is `rename`, with the folder options, --report and --diff.
    private func fixNames(_ location: JournalLocation) throws -> ExitStatus {
        guard !paths.contains("-") else { throw WorkflowError("--names takes files or folders, not -", .usage) }
        let include = batch.includeOnly + batch.include
        let scope = FixNames.Scope(include: include.isEmpty ? nil : BatchFiles.patterns(include), exclude: BatchFiles.patterns(batch.exclude))
        return try FixNames.run(RawArguments.paths(paths), apply: apply, diff: diff, report: report, scope: scope, location: location)
    }
}
