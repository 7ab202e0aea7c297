import ArgumentParser
import Dispatch
#if canImport(Glibc)
import Glibc
#endif
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
            let files = try FileIO.markdownFiles(under: paths)
            // Files are checked on every core (a Repairer per worker: ICU converters are not
            // shared between threads); output stays in file order.
            let workers = max(1, min(files.count, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
            var outcomes = [FileCheck](repeating: FileCheck(), count: files.count)
            outcomes.withUnsafeMutableBufferPointer { slots in
                let base = slots.baseAddress!
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    guard let repairer = try? Repairer() else { return }
                    let normalizer = Normalizer(options: options)
                    var index = worker
                    while index < files.count {
                        (base + index).pointee = Self.check(files[index], repairer, normalizer)
                        index += workers
                    }
                }
            }
            var dirty = false, failed = false
            for outcome in outcomes {
                if let error = outcome.error { FileIO.writeError("mojifix: error: \(error)\n"); failed = true }
                if !outcome.lines.isEmpty { FileIO.writeOutput(outcome.lines.joined(separator: "\n") + "\n") }
                dirty = dirty || outcome.dirty
            }
            if failed { throw ExitCode(2) }
            if dirty { throw ExitCode(1) }
        }
    }

    struct FileCheck {
        var lines: [String] = []
        var dirty = false
        var error: String? = nil
    }

    static func check(_ path: String, _ repairer: Repairer, _ normalizer: Normalizer) -> FileCheck {
        var outcome = FileCheck()
        let input: [UInt8]
        do { input = try FileIO.read(path: path, limit: 512 << 20) } catch {
            outcome.error = "\(path): \(error)"
            return outcome
        }
        let repaired: RepairResult
        do { repaired = try repairer.repair(input) } catch {
            outcome.error = "\(path): \(error)"
            return outcome
        }
        // Line indexes only for texts that have something to report: most files have nothing.
        let indexes = repaired.plan.passes.isEmpty ? [] : repaired.plan.passInputs(from: input).map(LineIndex.init)
        for (index, pass) in repaired.plan.passes.enumerated() {
            for change in pass.changes {
                let (line, column) = pass.kind == .transcode ? (1, 1) : indexes[index].lineAndColumn(of: change.inputRange.lowerBound)
                let what = pass.kind == .transcode ? "Transcode to UTF-8 (\(change.steps.chainDescription))"
                    : "Repair \(PlanText.quoted(change.before ?? "")) -> \(PlanText.quoted(change.after)) (\(change.steps.chainDescription))"
                outcome.lines.append("\(path):\(line):\(column): \(pass.kind == .transcode ? "encoding" : "mojibake"): \(what)")
            }
        }
        let result = normalizer.normalize(repaired.output)
        if !result.findings.isEmpty {
            let lines = LineIndex(repaired.output)
            for finding in result.findings {
                let (line, column) = lines.lineAndColumn(of: finding.offset)
                outcome.lines.append("\(path):\(line):\(column): \(finding.rule): \(finding.message)")
            }
        }
        outcome.dirty = repaired.changed || result.changed || result.findings.contains { $0.severity == .error }
        return outcome
    }
}
