#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixMarkdown
import MojifixWorkspace

/// How a batch repairs and normalises its files: the one place the engine is set up for `fix`,
/// `check` and the in-process workflows (each worker gets its own Repairer from it: ICU
/// converters are not shared between threads).
public struct BatchSettings: Sendable {
    /// The normaliser's rules and switches (see `Configuration.options()`).
    public var normalize: NormalizeOptions
    /// False: Markdown files are repaired, not normalised (`fix --no-normalize`).
    public var normalizesMarkdown = true
    /// `--from` values: `CHARSET`, or `GLOB=CHARSET` for the matching paths (the first match wins).
    public var from: [String] = []
    /// Larger files are skipped with a message.
    public var maxBytes = 64 << 20
    /// Also make lossy repairs (guessed lost bytes).
    public var lossy = false
    /// Files processed at once.
    public var workers = BatchSettings.cores
    /// SHA-256 of every file, for a report (otherwise only of the files that change).
    public var hashEveryFile = false

    /// Settings that normalise with `normalize` (default: the `safe` profile).
    public init(normalize: NormalizeOptions = NormalizeOptions()) {
        self.normalize = normalize
    }

    /// One worker per online core.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// A worker's tools.
    package func makeWork(normalizer: Normalizer) throws -> FileWork {
        let repairer: Repairer
        do { repairer = try Repairer(options: RepairOptions(maxInputBytes: maxBytes, lossy: lossy)) } catch {
            throw WorkflowError("ICU failure: \(error)")
        }
        var work = FileWork(repairer: repairer, from: CharsetScopes(from), normalizer: normalizer, limit: maxBytes, hashEveryFile: hashEveryFile)
        work.normalizesMarkdown = normalizesMarkdown
        return work
    }

    /// Runs `job` on every file with a worker each, outcomes in file order.
    package func run(_ files: [RawPath], showProgress: Bool, job: (FileWork, RawPath) -> FileOutcome) throws -> [FileOutcome] {
        let normalizer = Normalizer(options: normalize)
        let runner = BatchRunner(total: files.count, showProgress: showProgress)
        return try runner.run(files, workers: workers, makeWorker: { try makeWork(normalizer: normalizer) }, job: job)
    }
}
