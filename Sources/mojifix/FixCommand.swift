import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// `mojifix fix PATH...`: repair then normalise, rewriting files in place (atomically, journaled
/// for `undo`); `fix -` and `fix --stdout FILE` print instead.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Repair mojibake, then normalise the Markdown, in place (journaled; see `undo`).",
        discussion: """
            `fix -` reads stdin and writes stdout; `fix --stdout FILE` prints instead of rewriting. Folders are \
            searched for Markdown files. Exit codes (the pre-commit fixer convention): 0 nothing changed; \
            1 files were modified (or would be, with --dry-run or --diff); 2 a file could not be processed \
            (binary files are skipped, not errors).
            """
    )

    @Argument(help: "Files or folders, or - for standard input.")
    var paths: [String]

    @Flag(name: .long, help: "Print the result instead of rewriting the file (one file).")
    var stdout = false

    @Flag(name: .long, help: "Write nothing; list the files that would change.")
    var dryRun = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of what would change.")
    var diff = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per file its status, SHA-256 before and after, repair chains and normalisation rules.", valueName: "FILE.json"))
    var report: String?

    @Option(name: .long, help: "Journal folder for undo (default: [journal] folder of .mojifix.toml, else .mojifix/journal at the repository root).")
    var journal: String?

    @Option(name: .long, help: "Read legacy input as this charset (see `repair --help`).")
    var from: String?

    @OptionGroup var normalize: NormalizeOptionsGroup

    func run() throws {
        try reportingErrors {
            let loaded = try normalize.configFile.load()
            let options = try normalize.options(loaded)
            let repairer = try Repairer(options: RepairOptions(from: from.map(Charset.named)))
            let normalizer = Normalizer(options: options)
            if paths == ["-"] || stdout {
                try printFixed(repairer, normalizer)
            } else {
                try fixInPlace(repairer, normalizer, JournalLocation(flag: journal, configuration: loaded))
            }
        }
    }

    /// `fix -` / `fix --stdout FILE`: the result on stdout, nothing written.
    private func printFixed(_ repairer: Repairer, _ normalizer: Normalizer) throws {
        guard paths.count == 1 else { throw CLIError(message: "--stdout takes one file", code: 64) }
        let name = paths[0] == "-" ? "<stdin>" : paths[0]
        let input: [UInt8]
        do {
            input = try paths[0] == "-" ? FileIO.readStandardInput(limit: 512 << 20) : FileIO.read(path: paths[0], limit: 512 << 20)
        } catch { throw CLIError(message: "\(name): \(error)", code: 2) }
        let repaired = try InputOptions.repair(input, with: repairer, name: name)
        let result = normalizer.normalize(repaired.output)
        FileIO.writeOutput(result.output)
        if let report {
            var row = FileFix(path: name, status: result.output == input ? .unchanged : .wouldFix,
                              sha256Before: SHA256.hex(input), sha256After: SHA256.hex(result.output))
            row.describe(repaired, result)
            try FixReport.write([row], journalRun: nil, to: report)
        }
    }

    private func fixInPlace(_ repairer: Repairer, _ normalizer: Normalizer, _ location: JournalLocation) throws {
        let files = try FileIO.markdownFiles(under: paths)
        if let file = files.first(where: location.isWithin) {
            throw CLIError(message: "journal folder \(location.path) is \(file), one of the files being fixed; choose another with --journal", code: 2)
        }
        let writing = !dryRun && !diff
        if writing { Self.removeStaleTemporaries(near: files.map { Paths.absolute($0) }) }
        var rows: [FileFix] = []
        var run: JournalRun? = nil
        for path in files {
            // Never rewrite the journal's own folder: `undo` must find it as it was written.
            if location.holds(path) {
                FileIO.writeError("mojifix: skipped \(path): inside the journal folder \(location.path)\n")
                rows.append(FileFix(path: path, status: .skipped, message: "inside the journal folder"))
                continue
            }
            let (prepared, work) = FileFix.prepare(path, repairer: repairer, normalizer: normalizer)
            var row = prepared
            defer { rows.append(row) }
            if row.status == .skipped { FileIO.writeError("mojifix: skipped \(path): \(row.message ?? "")\n") }
            if row.status == .error { FileIO.writeError("mojifix: error: \(path): \(row.message ?? "")\n") }
            guard let work, let output = work.output else { continue }
            if !writing {
                row.status = .wouldFix
                if diff {
                    let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
                    FileIO.writeOutput(UnifiedDiff.make(old: work.original, new: output, name: name))
                } else {
                    FileIO.writeOutput("would fix \(path)\n")
                }
                continue
            }
            do {
                if run == nil { run = try Journal(folder: location.path).start() }
                // The journal entry is on disk before the file is replaced.
                try run!.append(JournalEntry(path: Paths.absolute(path), mode: UInt32(work.mode), sha256Before: row.sha256Before!,
                                             sha256After: row.sha256After!, original: work.original))
                try AtomicFile.write(output, to: path, mode: work.mode)
                row.status = .fixed
                FileIO.writeOutput("fixed \(path)\n")
            } catch {
                FileIO.writeError("mojifix: error: \(error)\n")
                row.status = .error
                row.message = "\(error)"
            }
        }
        let runPath = run.map { location.path + "/" + $0.name }
        if let runPath { FileIO.writeError("journal: \(runPath) (undo with `mojifix undo`)\n") }
        if let report { try FixReport.write(rows, journalRun: runPath, to: report) }
        if rows.contains(where: { $0.status == .error }) { throw ExitCode(2) }
        if rows.contains(where: { $0.status == .fixed || $0.status == .wouldFix }) { throw ExitCode(1) }
    }

    /// Removes what writers killed mid-write left in the folders of these files (never a live
    /// process's: pre-commit runs several `fix` at once).
    static func removeStaleTemporaries(near files: [String]) {
        var seen = Set<String>()
        for folder in files.map(Paths.parent) where seen.insert(folder).inserted {
            for name in AtomicFile.removeStaleTemporaries(in: folder) {
                FileIO.writeError("mojifix: removed \(folder)/\(name), a temporary file of a killed run\n")
            }
        }
    }
}
