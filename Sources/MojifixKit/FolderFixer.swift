import MojifixWorkspace

/// Fixes, checks and undoes folders in-process: what `mojifix fix`, `check`, `undo` and `rename`
/// do, without a subprocess. Results come back as values; only name repair also prints its list
/// (`renamed OLD -> NEW`) as the command does.
///
/// ```swift
/// var fixer = FolderFixer(root: "/srv/docs")
/// let report = try fixer.fix(["/srv/docs"])
/// for file in report.files where file.status != .unchanged { print(file.path, file.status) }
/// try fixer.undoLastRun()
/// ```
public struct FolderFixer {
    /// How each file is repaired and normalised.
    public var settings: BatchSettings
    /// Files are rewritten only below this folder; the journal's paths are relative to it.
    public var root: String
    /// Where runs are journaled for undo (default: `.mojifix/journal` below `root`).
    public var journalFolder: String
    /// Globs of the files a folder walk takes (nil: `*.md`, `*.markdown`, `*.txt`).
    public var include: [String]? = nil
    /// Globs of the files and folders a walk leaves out.
    public var exclude: [String] = []

    /// A fixer confined to `root` (made absolute from the current folder).
    public init(root: String, settings: BatchSettings = BatchSettings(), journalFolder: String? = nil) {
        self.root = Paths.absolute(root)
        self.settings = settings
        self.journalFolder = journalFolder.map { Paths.absolute($0) } ?? Paths.absolute(".mojifix/journal", from: self.root)
    }

    /// Repairs and normalises the files under `paths` in place (journaled), or only reports
    /// what would change with `dryRun`.
    public func fix(_ paths: [String], dryRun: Bool = false) throws -> FixReport {
        var fix = FolderFix(settings: settings, location: try location(), root: root)
        fix.dryRun = dryRun
        let run = try fix.run(walk(paths))
        return FixReport(run.report, command: "fix", dryRun: !run.writing, journalRun: run.journalRun)
    }

    /// What `fix` would change, and the findings a check fails on; writes nothing.
    public func check(_ paths: [String]) throws -> FixReport {
        let walked = walk(paths)
        let outcomes = try settings.run(walked.files, showProgress: false) { work, path in work.process(path, findings: true) }
        return FixReport(BatchReport(outcomes: outcomes, problems: walked.problems, leftOut: walked.leftOut),
                         command: "check", dryRun: true, journalRun: nil)
    }

    /// Restores the files of the last journaled run byte for byte (a file changed since is
    /// refused, not overwritten, and the run stays undoable); returns the files restored.
    @discardableResult
    public func undoLastRun() throws -> [String] {
        let runs = JournalRuns(location: try location(), root: root)
        var restored: [String] = [], refused: [String] = []
        let undone = try runs.undo(try runs.choose(names: [], all: false, group: false)) { event in
            switch event {
            case .restored(let path), .alreadyOriginal(let path): restored.append(path.description)
            case .renamedBack(let path, _): restored.append(path.display)
            case .refused(let why): refused.append(why)
            }
        }
        if undone.refused { throw WorkflowError(refused.joined(separator: "\n")) }
        return restored
    }

    /// Repairs the garbled file and folder names under `paths` (renamed with `apply`, journaled).
    public func repairNames(_ paths: [String], apply: Bool) throws -> ExitStatus {
        let scope = FixNames.Scope(include: include.map(BatchFiles.patterns), exclude: BatchFiles.patterns(exclude))
        return try FixNames.run(paths.map(RawPath.init), apply: apply, diff: false, report: nil, scope: scope,
                                location: try location(), root: root)
    }

    private func location() throws -> JournalLocation { try JournalLocation(flag: journalFolder, configuration: nil) }

    private func walk(_ paths: [String]) -> BatchFiles {
        BatchFiles(under: paths, include: include, exclude: exclude, gitignore: false)
    }
}

/// What a `fix` or `check` run did, file by file: the model of `--report FILE.json`.
public struct FixReport {
    /// One file and what became of it.
    public struct File {
        /// The path as walked (hidden characters escaped).
        public var path: String
        /// What became of the file.
        public var status: FileStatus
        /// Why the file was skipped or failed.
        public var message: String?
        /// The repair plan's chains (e.g. `encode macintosh -> decode UTF-8`) with their change counts.
        public var chains: [(chain: String, changes: Int)]
        /// The normalisation rules that changed something.
        public var rules: [String]
        /// `check`'s findings as `path:line:col: severity: rule: message` lines.
        public var findings: [String]
    }

    /// Every file walked, in walk order.
    public var files: [File]
    /// Paths that could not be walked.
    public var problems: [String]
    /// The journal run to undo (nil: nothing written).
    public var journalRun: String?
    /// The exit status the command line would end with.
    public var exitStatus: ExitStatus
    /// The `--report` JSON document.
    public var json: [UInt8]

    init(_ report: BatchReport, command: String, dryRun: Bool, journalRun: String?) {
        files = report.outcomes.map {
            File(path: $0.path.description, status: $0.status, message: $0.message, chains: $0.plan, rules: $0.rules,
                 findings: $0.findings.map(\.text))
        }
        problems = report.problems
        self.journalRun = journalRun
        exitStatus = report.exitStatus(dirty: report.outcomes.contains(where: \.dirty))
        json = report.json(command: command, dryRun: dryRun, journalRun: journalRun)
    }
}
