import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// Runs one job per file on every core (see ParallelMap), with the progress bar, and returns the
/// outcomes in file order. One bad file never stops the batch.
package struct BatchRunner {
    private let progress: ProgressBar?

    package init(total: Int, showProgress: Bool) {
        progress = showProgress && total > 0 ? ProgressBar(total: total) : nil
    }

    package func run<Worker>(_ files: [RawPath], workers: Int, makeWorker: () throws -> Worker,
                     job: (Worker, RawPath) -> FileOutcome) rethrows -> [FileOutcome] {
        guard !files.isEmpty else { return [] }
        let tools = try (0..<max(1, min(workers, files.count))).map { _ in try makeWorker() }
        let outcomes = ParallelMap.map(files, workers: tools) { worker, path in
            let outcome = job(worker, path)
            progress?.advance(bytes: outcome.bytes)
            return outcome
        }
        progress?.finish()
        return outcomes
    }
}

/// `[=====>    ] 1234/5000 files, 12.3 MB` on stderr, redrawn at most ten times a second.
package final class ProgressBar: Sendable {
    private struct State { var done = 0; var bytes = 0; var lastDraw = 0.0 }
    private let total: Int
    private let state = Mutex(State())

    package init(total: Int) { self.total = total }

    package func advance(bytes: Int) {
        state.withLock { state in
            state.done += 1; state.bytes += bytes
            let now = Self.seconds()
            guard now - state.lastDraw >= 0.1 || state.done == total else { return }
            state.lastDraw = now
            let width = 30, filled = width * state.done / total
            let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
            let megabytes = Double(state.bytes / 100_000) / 10
            FileIO.writeError("\r[\(bar)] \(state.done)/\(total) files, \(megabytes) MB")
        }
    }

    package func finish() { FileIO.writeError("\r\u{1B}[K") }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
