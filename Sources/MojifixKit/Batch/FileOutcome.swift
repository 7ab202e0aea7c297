import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// What a batch did to one file.
public enum FileStatus: String, Sendable {
    /// Clean: nothing to repair or normalise.
    case unchanged
    /// Mojibake repaired (and, for Markdown, normalised).
    case repaired
    /// A legacy charset (CP949, Shift_JIS, ...) transcoded to UTF-8.
    case transcoded
    /// Markdown normalised; no mojibake.
    case normalised
    /// Left alone: binary, over the size limit, read-only, hard-linked, inside the journal.
    case skipped
    /// A legacy file whose encoding has two plausible readings: listed, never guessed.
    case ambiguous
    /// Unreadable, vanished, edited meanwhile, outside the root, or not written.
    case error
}

/// What happened to one file of a batch; small (no file bytes), so a batch of any size fits.
package struct FileOutcome: Sendable {
    package typealias Status = FileStatus

    package var path: RawPath
    package var status: Status
    /// Why a file was skipped or failed.
    package var message: String? = nil
    /// `check`'s findings (`fix`: only the errors it leaves).
    package var findings: [CheckFinding] = []
    /// The repair plan's chains (e.g. `encode macintosh -> decode UTF-8`) in first-seen order,
    /// with how many changes used each.
    package var plan: [(chain: String, changes: Int)] = []
    /// Changes of the plan that guessed lost bytes, and lossy changes found but not made.
    package var lossyChanges = 0, lossyWithheld = 0
    /// The normalisation rules that changed something.
    package var rules: [String] = []
    package var sha256Before: String? = nil
    package var sha256After: String? = nil
    package var bytes = 0
    /// The file holds what a check fails on and `fix` does not change (a security finding).
    package var failsCheck = false
    /// A change the writer did not make (read-only, hard-linked, another user's file): the file
    /// still needs it, and the run must not end as if nothing were left (a hook would pass).
    package var leftAsWritten = false
    /// `fix --diff`: the unified diff of the change.
    package var diff: [UInt8]? = nil
    /// `fix`: the path below the journal's root that was staged for writing.
    package var relative: RawPath? = nil

    package init(path: RawPath, status: Status, message: String? = nil, bytes: Int = 0) {
        self.path = path; self.status = status; self.message = message; self.bytes = bytes
    }

    package var changed: Bool { status == .repaired || status == .transcoded || status == .normalised }
    /// The file would change (or did), still needs a change the writer left undone (read-only,
    /// hard-linked: no longer counted as changed, it is skipped), or breaks the security policy.
    package var dirty: Bool { changed || failsCheck || leftAsWritten }
}

/// One worker's tools: ICU converters are not shared between threads, so each worker has its own.
package struct FileWork {
    package let repairer: Repairer
    /// `fix --from`: the charset forced on each file, by path.
    package var from = CharsetScopes([])
    package let normalizer: Normalizer
    package let limit: Int
    /// SHA-256 of every file (for a report); otherwise only of the files that change (for the
    /// journal): hashing is most of the time a clean file costs.
    package var hashEveryFile = false
    /// False for `fix --no-normalize`: Markdown files are repaired only.
    package var normalizesMarkdown = true

    package init(repairer: Repairer, from: CharsetScopes = CharsetScopes([]), normalizer: Normalizer, limit: Int, hashEveryFile: Bool = false) {
        self.repairer = repairer; self.from = from; self.normalizer = normalizer; self.limit = limit; self.hashEveryFile = hashEveryFile
    }

    /// Normalisation is for Markdown; other text files (an archive's .txt) are only repaired.
    package static func isMarkdown(_ path: RawPath) -> Bool {
        let name = path.parentAndName.name
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
        return ["md", "markdown", "mdown", "mkd", "mkdn"].contains(ext)
    }

    /// Reads, repairs and (for Markdown) normalises one file. `body` gets the original bytes, the
    /// file's stamp as read and the result when the file could be processed.
    package func process(_ path: RawPath, findings wantFindings: Bool = false,
                 then body: (_ original: [UInt8], _ stamp: FileStamp, _ output: [UInt8], inout FileOutcome) -> Void = { _, _, _, _ in }) -> FileOutcome {
        let original: [UInt8], stamp: FileStamp
        do {
            (original, stamp) = try AtomicFile.read(path, limit: limit)
        } catch {
            return FileOutcome(path: path, status: .error, message: error.description)
        }
        var output: [UInt8] = []
        var outcome = process(original, path: path, markdown: normalizesMarkdown && Self.isMarkdown(path), findings: wantFindings) { output = $0 }
        if outcome.status != .error && outcome.status != .skipped && outcome.status != .ambiguous {
            body(original, stamp, output, &outcome)
        }
        return outcome
    }

    /// The chains of a plan's changes with their change counts, grouped on the steps themselves:
    /// a garbled file has thousands of changes and a handful of chains.
    package static func chains(of changes: some Sequence<RepairChange>) -> [(chain: String, changes: Int)] {
        // A linear search of a handful of chains is cheaper than hashing each change's steps.
        var order: [[ChainStep]] = [], counts: [Int] = []
        for change in changes {
            if let k = order.lastIndex(of: change.steps) { counts[k] += 1 } else { order.append(change.steps); counts.append(1) }
        }
        return zip(order, counts).map { ($0.chainDescription, $1) }
    }

    /// Repairs and (when `markdown`) normalises bytes; `output` gets the result.
    package func process(_ original: [UInt8], path: RawPath, markdown: Bool, findings wantFindings: Bool = false,
                 output: ([UInt8]) -> Void) -> FileOutcome {
        var outcome = FileOutcome(path: path, status: .unchanged, bytes: original.count)
        if hashEveryFile { outcome.sha256Before = SHA256.hex(original) }
        let repaired: RepairResult
        do { repaired = try repairer.repair(original, from: from.charset(for: path)) } catch {
            switch error {
            case .binary: outcome.status = .skipped
            case .ambiguous, .ambiguousReading: outcome.status = .ambiguous   // listed, never guessed
            default: outcome.status = .error
            }
            outcome.message = "\(path): \(error)"
            return outcome
        }
        let normalized = markdown ? normalizer.normalize(repaired.output) : nil
        let result = normalized?.output ?? repaired.output
        // A pass's changes are built from its compact list each time they are asked for: once here.
        let changes = repaired.plan.passes.map(\.changes)
        outcome.plan = Self.chains(of: changes.joined())
        outcome.lossyChanges = changes.reduce(0) { $0 + $1.filter { !$0.lossless }.count }
        outcome.lossyWithheld = repaired.plan.withheld?.count ?? 0
        outcome.rules = Array(Set(normalized?.findings.filter { $0.severity == .fixed }.map(\.rule) ?? [])).sorted()
        // Bytes, not String ==: a canonically equivalent rewrite is still a change.
        outcome.status = zip(repaired.plan.passes, changes).contains { $0.kind == .transcode && !$1.isEmpty } ? .transcoded
            : repaired.changed ? .repaired : result != repaired.output ? .normalised : .unchanged
        // The hashes are for the journal and the report: `check` without a report needs none.
        if outcome.changed && (!wantFindings || hashEveryFile) {
            outcome.sha256Before = outcome.sha256Before ?? SHA256.hex(original)
            outcome.sha256After = SHA256.hex(result)
        } else {
            outcome.sha256After = outcome.sha256Before
        }
        if wantFindings {
            outcome.findings = FindingLines.of(repaired, input: original, normalized: normalized, path: path)
        } else if let errors = normalized?.findings.filter({ $0.severity == .error }), !errors.isEmpty {
            // `fix` lists what it leaves that fails a check (security findings are never fixed by default).
            outcome.findings = FindingLines.of(errors, in: repaired.output, path: path)
        }
        outcome.failsCheck = normalized?.findings.contains { $0.severity == .error } == true
        output(result)
        return outcome
    }
}
