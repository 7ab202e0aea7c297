#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// What `fix` did (or would do) to one file: the report's row.
struct FileFix {
    enum Status: String { case fixed, wouldFix = "would-fix", unchanged, skipped, error }

    var path: String
    var status: Status
    var sha256Before: String? = nil
    var sha256After: String? = nil
    /// The repair passes' chains (`encode macintosh -> decode UTF-8`), in order.
    var chains: [String] = []
    /// The normalisation rules that changed something.
    var rules: [String] = []
    /// Why a file was skipped or could not be processed.
    var message: String? = nil

    /// The file's bytes and mode, and the fixed bytes when they differ (nil: nothing to write).
    struct Work {
        var original: [UInt8]
        var mode: mode_t
        var output: [UInt8]?
    }

    /// Reads, repairs and normalises one file without writing anything.
    static func prepare(_ path: String, repairer: Repairer, normalizer: Normalizer) -> (FileFix, Work?) {
        let original: [UInt8], mode: mode_t
        do { (original, mode) = try AtomicFile.read(path) } catch {
            return (FileFix(path: path, status: .error, message: "\(error)"), nil)
        }
        var fix = FileFix(path: path, status: .unchanged, sha256Before: SHA256.hex(original))
        let repaired: RepairResult
        do { repaired = try repairer.repair(original) } catch {
            if case .binary = error { fix.status = .skipped } else { fix.status = .error }
            fix.message = "\(error)"
            return (fix, nil)
        }
        let normalized = normalizer.normalize(repaired.output)
        fix.describe(repaired, normalized)
        // Bytes, not String ==: a canonically equivalent rewrite is still a change.
        let changed = normalized.output != original
        fix.sha256After = changed ? SHA256.hex(normalized.output) : fix.sha256Before
        return (fix, Work(original: original, mode: mode, output: changed ? normalized.output : nil))
    }

    /// The repair chains and the normalisation rules that changed something.
    mutating func describe(_ repaired: RepairResult, _ normalized: Normalizer.Result) {
        chains = repaired.plan.passes.filter { !$0.changes.isEmpty }.map { $0.chain.chainDescription }
        for finding in normalized.findings where finding.severity == .fixed && !rules.contains(finding.rule) {
            rules.append(finding.rule)
        }
    }
}

/// `fix --report FILE.json`: one object per file, written atomically.
enum FixReport {
    static func json(_ files: [FileFix], journalRun: String?) -> String {
        func strings(_ items: [String]) -> String { "[" + items.map(JSONText.quote).joined(separator: ", ") + "]" }
        func optional(_ text: String?) -> String { text.map(JSONText.quote) ?? "null" }
        let rows = files.map { file in
            "{\"path\": \(JSONText.quote(file.path)), \"status\": \"\(file.status.rawValue)\", "
                + "\"sha256_before\": \(optional(file.sha256Before)), \"sha256_after\": \(optional(file.sha256After)), "
                + "\"repairs\": \(strings(file.chains)), \"rules\": \(strings(file.rules)), \"message\": \(optional(file.message))}"
        }
        return "{\"journal\": \(optional(journalRun)),\n\"files\": [\n  " + rows.joined(separator: ",\n  ") + "\n]}\n"
    }

    static func write(_ files: [FileFix], journalRun: String?, to path: String) throws {
        Paths.createFolders(Paths.parent(Paths.absolute(path)))
        do { try AtomicFile.write(Array(json(files, journalRun: journalRun).utf8), to: path, mode: 0o644) } catch {
            throw CLIError(message: "report: \(error)", code: 2)
        }
    }
}
