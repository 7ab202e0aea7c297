import ArgumentParser
import MojifixKit
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `mojifix check PATH...`: writes nothing; one line per finding, exit 1 when a file would change
/// or breaks the security policy, 0 when every file is clean, 2 when a file could not be checked,
/// 3 when a legacy file's encoding is ambiguous.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what `fix` would change (mojibake, normalisation) and security findings; write nothing.",
        discussion: """
            Folders are walked (see --include; hidden entries skipped, symlinks never followed); Markdown files \
            are checked for repair and normalisation, other text files for repair. Exit codes: 0 clean (warnings \
            alone do not fail); 1 a file would change or has a security finding; 2 a file or folder could not \
            be checked (the others were); 3 no errors, but a legacy file's encoding is ambiguous.
            """
    )

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    @OptionGroup var normalize: NormalizeOptionsGroup

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per file its status, SHA-256, plan and normalisation rules.", valueName: "FILE.json"))
    var report: String?

    @OptionGroup var batch: BatchOptions

    @Option(name: .long, help: "Output: text (path:line:col: severity: rule: message, and a per-rule summary on stderr), json, github (Actions annotations).")
    var format: CheckFormat = .text

    @Flag(name: .long, help: "Print only the findings that fail the check (severity error); no summary.")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let loaded = try normalize.configFile.load()
            var settings = BatchSettings(normalize: try normalize.options(loaded))
            settings.from = batch.from
            settings.maxBytes = batch.maxBytes
            settings.workers = batch.workerCount
            settings.hashEveryFile = report != nil
            let flavor = try normalize.flavorChoice(loaded)
            let walked = batch.files(under: paths, configured: loaded)
            let outcomes = try settings.run(walked.files, showProgress: batch.showsProgress) { work, path in work.process(path, findings: true) }
            let batchReport = BatchReport(outcomes: outcomes, problems: walked.problems, leftOut: walked.leftOut)
            batchReport.printProblems()
            let all = outcomes.flatMap(\.findings)
            let findings = quiet ? all.filter { $0.severity == .error } : all
            let output = CheckOutput(findings: findings, flavor: flavor.flavor.rawValue)
            switch format {
            case .json: FileIO.writeOutput(output.json)
            case .github: FileIO.writeOutput(output.github)
            case .text:
                output.writeTextLines { FileIO.writeOutput($0) }
                if !quiet {
                    FileIO.writeError("flavor: \(flavor.flavor.rawValue) (\(flavor.source))\n" + output.summaryTable)
                }
            }
            if walked.walkedFolder && !quiet && format == .text { FileIO.writeError(batchReport.table) }
            if let report { try batchReport.writeJSON(command: "check", dryRun: true, journalRun: nil, to: report) }
            let status = batchReport.exitStatus(dirty: outcomes.contains(where: \.dirty))
            if status != .clean { throw ExitCode(status) }
        }
    }
}

extension CheckFormat: ExpressibleByArgument {}
