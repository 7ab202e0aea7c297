import ArgumentParser
import MojifixCore
import MojifixMarkdown

/// `mojifix check PATH...`: writes nothing; one line per finding, exit 1 when a file would change
/// or breaks the security policy, 0 when every file is clean, 2 when a file could not be checked.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report what `fix` would change (mojibake, normalisation) and security findings; write nothing.",
        discussion: """
            Folders are searched for Markdown files (.md, .markdown), skipping hidden folders. \
            Exit codes: 0 clean; 1 a file would change or has a security finding; 2 a file could not be checked.
            """
    )

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    @OptionGroup var normalize: NormalizeOptionsGroup

    func run() throws {
        try reportingErrors {
            let options = try normalize.options()
            let repairer = try Repairer()
            let normalizer = Normalizer(options: options)
            var dirty = false, failed = false
            for path in try FileIO.markdownFiles(under: paths) {
                let input: [UInt8]
                do { input = try FileIO.read(path: path, limit: 512 << 20) } catch {
                    FileIO.writeError("mojifix: error: \(path): \(error)\n")
                    failed = true
                    continue
                }
                let repaired: RepairResult
                do { repaired = try repairer.repair(input) } catch {
                    FileIO.writeError("mojifix: error: \(path): \(error)\n")
                    failed = true
                    continue
                }
                var lines: [String] = []
                let texts = repaired.plan.passInputs(from: input)
                for (index, pass) in repaired.plan.passes.enumerated() {
                    for change in pass.changes {
                        let (line, column) = pass.kind == .transcode ? (1, 1) : lineAndColumn(of: change.inputRange.lowerBound, in: texts[index])
                        let what = pass.kind == .transcode ? "Transcode to UTF-8 (\(change.steps.chainDescription))"
                            : "Repair \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after)) (\(change.steps.chainDescription))"
                        lines.append("\(path):\(line):\(column): \(pass.kind == .transcode ? "encoding" : "mojibake"): \(what)")
                    }
                }
                let result = normalizer.normalize(repaired.output)
                let document = MarkdownDocument(repaired.output)
                for finding in result.findings {
                    let (line, column) = document.lineAndColumn(of: finding.offset)
                    lines.append("\(path):\(line):\(column): \(finding.rule): \(finding.message)")
                }
                let security = result.findings.contains { $0.severity == .error }
                if repaired.changed || result.changed || security { dirty = true }
                if !lines.isEmpty { FileIO.writeOutput(lines.joined(separator: "\n") + "\n") }
            }
            if failed { throw ExitCode(2) }
            if dirty { throw ExitCode(1) }
        }
    }
}
