import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// What happened to one file of a batch; small (no file bytes), so a batch of any size fits.
struct FileOutcome: Sendable {
    enum Status: String, Sendable {
        case unchanged, repaired, transcoded, normalised, skipped, ambiguous, error
    }

    var path: RawPath
    var status: Status
    /// Why a file was skipped or failed.
    var message: String? = nil
    /// `check`'s findings, `path:line:col: rule: message`.
    var findings: [String] = []
    /// The repair plan's chains (e.g. `encode macintosh -> decode UTF-8`) in first-seen order,
    /// with how many changes used each.
    var plan: [(chain: String, changes: Int)] = []
    /// Changes of the plan that guessed lost bytes, and lossy changes found but not made.
    var lossyChanges = 0, lossyWithheld = 0
    /// The normalisation rules that changed something.
    var rules: [String] = []
    var sha256Before: String? = nil
    var sha256After: String? = nil
    var bytes = 0
    /// `check`: the file would change or breaks the security policy.
    var dirty = false
    /// `fix --diff`: the unified diff of the change.
    var diff: [UInt8]? = nil

    var changed: Bool { status == .repaired || status == .transcoded || status == .normalised }
}

/// One worker's tools: ICU converters are not shared between threads, so each worker has its own.
struct FileWork {
    let repairer: Repairer
    let normalizer: Normalizer
    let limit: Int
    /// SHA-256 of every file (for a report); otherwise only of the files that change (for the
    /// journal): hashing is most of the time a clean file costs.
    var hashEveryFile = false

    /// Normalisation is for Markdown; other text files (an archive's .txt) are only repaired.
    static func isMarkdown(_ path: RawPath) -> Bool {
        let name = path.parentAndName.name
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = String(decoding: name[(dot + 1)...], as: UTF8.self).lowercased()
        return ["md", "markdown", "mdown", "mkd", "mkdn"].contains(ext)
    }

    /// Reads, repairs and (for Markdown) normalises one file. `body` gets the original bytes, the
    /// mode and the result when the file could be processed.
    func process(_ path: RawPath, findings wantFindings: Bool = false,
                 then body: (_ original: [UInt8], _ mode: UInt32, _ output: [UInt8], inout FileOutcome) -> Void = { _, _, _, _ in }) -> FileOutcome {
        let original: [UInt8], mode: UInt32
        do {
            let read = try AtomicFile.read(path, limit: limit)
            (original, mode) = (read.bytes, UInt32(read.mode))
        } catch {
            return FileOutcome(path: path, status: .error, message: error.description)
        }
        var output: [UInt8] = []
        var outcome = process(original, path: path, markdown: Self.isMarkdown(path), findings: wantFindings) { output = $0 }
        if outcome.status != .error && outcome.status != .skipped && outcome.status != .ambiguous {
            body(original, mode, output, &outcome)
        }
        return outcome
    }

    /// A plan's chains with their change counts, grouped on the steps themselves: a garbled
    /// file has thousands of changes and a handful of chains.
    static func chains(of plan: RepairPlan) -> [(chain: String, changes: Int)] {
        var order: [[ChainStep]] = [], counts: [[ChainStep]: Int] = [:]
        for change in plan.passes.lazy.flatMap(\.changes) {
            if counts[change.steps] == nil { order.append(change.steps) }
            counts[change.steps, default: 0] += 1
        }
        return order.map { ($0.chainDescription, counts[$0]!) }
    }

    /// Repairs and (when `markdown`) normalises bytes; `output` gets the result.
    func process(_ original: [UInt8], path: RawPath, markdown: Bool, findings wantFindings: Bool = false,
                 output: ([UInt8]) -> Void) -> FileOutcome {
        var outcome = FileOutcome(path: path, status: .unchanged, bytes: original.count)
        if hashEveryFile { outcome.sha256Before = SHA256.hex(original) }
        let repaired: RepairResult
        do { repaired = try repairer.repair(original) } catch {
            switch error {
            case .binary: outcome.status = .skipped
            case .ambiguous: outcome.status = .ambiguous   // listed, never guessed
            default: outcome.status = .error
            }
            outcome.message = "\(path): \(error)"
            return outcome
        }
        let normalized = markdown ? normalizer.normalize(repaired.output) : nil
        let result = normalized?.output ?? repaired.output
        outcome.plan = Self.chains(of: repaired.plan)
        outcome.lossyChanges = repaired.plan.passes.reduce(0) { $0 + $1.changes.filter { !$0.lossless }.count }
        outcome.lossyWithheld = repaired.plan.withheld?.count ?? 0
        outcome.rules = Array(Set(normalized?.findings.filter { $0.severity == .fixed }.map(\.rule) ?? [])).sorted()
        // Bytes, not String ==: a canonically equivalent rewrite is still a change.
        outcome.status = repaired.plan.passes.contains { $0.kind == .transcode && !$0.changes.isEmpty } ? .transcoded
            : repaired.changed ? .repaired : result != repaired.output ? .normalised : .unchanged
        if outcome.changed {
            outcome.sha256Before = outcome.sha256Before ?? SHA256.hex(original)
            outcome.sha256After = SHA256.hex(result)
        } else {
            outcome.sha256After = outcome.sha256Before
        }
        if wantFindings {
            outcome.findings = FindingLines.of(repaired, input: original, normalized: normalized, path: path)
        }
        outcome.dirty = outcome.changed || normalized?.findings.contains { $0.severity == .error } == true
        output(result)
        return outcome
    }
}
