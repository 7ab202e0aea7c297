#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixWorkspace

/// `repair --jsonl`: one string field of every JSON line repaired, every other byte kept.
/// Groups of batches of lines are repaired on every core (a Repairer per worker: ICU converters
/// are not shared between threads) and written in input order, so memory holds one group.
package struct JSONLinesRepair {
    package let field: JSONLineField
    package let maxLineBytes: Int
    package var lossy = false

    package init(field: JSONLineField, maxLineBytes: Int, lossy: Bool = false) {
        self.field = field; self.maxLineBytes = maxLineBytes; self.lossy = lossy
    }

    package enum Outcome {
        /// Every line was read; `passedThrough` lines could not be processed.
        case finished(passedThrough: Int)
        /// The reader of our output went away (EPIPE): stop quietly.
        case downstreamClosed
    }

    /// Repairs the lines of `fd`, writing them with `write` (false: the reader went away) and
    /// each passed-through line's note with `note`.
    package func run(fd: Int32, write: (UnsafeRawBufferPointer) -> Bool = FileIO.writeOutput,
                     note: (String) -> Void = FileIO.writeError) throws -> Outcome {
        // A closed pipe must be a failed write we can see, not a signal that kills us.
        signal(SIGPIPE, SIG_IGN)
        let workers = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let repairers = try (0..<workers).map { _ in try Repairer(options: RepairOptions(lossy: lossy)) }
        // Small batches: a group's memory (input and output, a few MB with batches of 512 KB) is
        // reused by the groups after it, where fresh memory was a page fault for every 4 KB.
        var reader = LineBatchReader(fd: fd, batchBytes: 128 << 10, maxLineBytes: maxLineBytes)
        var lineNumber = 1, passedThrough = 0
        var ended = false
        // Each batch's output goes to a buffer of its own, reused group after group (see
        // `LineBatchReader.recycle`).
        var outputs: [OutputBuffer] = []
        while !ended {
            var group: [[UInt8]] = []
            var longLineStart: [UInt8]? = nil
            gather: while group.count < 4 * workers {
                switch try reader.next() {
                case .lines(let bytes): group.append(bytes)
                case .longLine(let bytes): longLineStart = bytes; break gather
                case .end: ended = true; break gather
                }
            }
            while outputs.count < group.count { outputs.append(OutputBuffer()) }
            let batches = repair(group, Array(outputs[..<group.count]), repairers)
            for k in group.indices { reader.recycle(&group[k]) }
            for (batch, output) in zip(batches, outputs) {
                guard output.bytes.withUnsafeBytes(write) else { return .downstreamClosed }
                for (offset, message) in batch.notes {
                    note("mojifix: line \(lineNumber + offset): \(message); passed through\n")
                }
                passedThrough += batch.notes.count
                lineNumber += batch.lines
            }
            if let longLineStart {
                guard longLineStart.withUnsafeBytes(write), try reader.passRestOfLine(write) else { return .downstreamClosed }
                note("mojifix: line \(lineNumber): \(Self.tooLong(maxLineBytes)); passed through\n")
                passedThrough += 1
                lineNumber += 1
            }
        }
        return .finished(passedThrough: passedThrough)
    }

    /// Repairs the JSON Lines of a file, or of standard input for `-` (`name` in messages); the
    /// run's status: `.failure` when a line was passed through as bad.
    package func run(path: String, name: String) throws(WorkflowError) -> ExitStatus {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WorkflowError("\(name): \(FileIO.Failure.errno())") }
        defer { if fd != STDIN_FILENO { close(fd) } }
        let outcome: Outcome
        do { outcome = try run(fd: fd) } catch {
            throw WorkflowError("\(name): \(error)")
        }
        if case .finished(let passedThrough) = outcome, passedThrough > 0 { return .failure }
        return .clean
    }

    package static func tooLong(_ limit: Int) -> String { "longer than \(limit) bytes (--max-bytes)" }

    /// Where a batch's output is written; its memory serves the next batch given it.
    package final class OutputBuffer: @unchecked Sendable {
        package var bytes: [UInt8] = []
    }

    package struct Batch {
        package var lines = 0
        /// (line offset in the batch, why the line was passed through)
        package var notes: [(Int, String)] = []
    }

    /// Batches on every core (ParallelMap): a batch of heavy mojibake does not leave the other
    /// cores idle.
    private func repair(_ group: [[UInt8]], _ outputs: [OutputBuffer], _ repairers: [Repairer]) -> [Batch] {
        ParallelMap.map(Array(group.indices), workers: repairers) { repairer, k in repair(group[k], into: outputs[k], with: repairer) }
    }

    private func repair(_ bytes: [UInt8], into output: OutputBuffer, with repairer: Repairer) -> Batch {
        var batch = Batch()
        output.bytes.removeAll(keepingCapacity: true)
        output.bytes.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { p in
            var start = 0
            while start < p.count {
                let end = Self.newline(in: p, from: start)
                let line = UnsafeBufferPointer(rebasing: p[start..<end])
                if let note = repair(line, with: repairer, into: &output.bytes) { batch.notes.append((batch.lines, note)) }
                if end < p.count { output.bytes.append(0x0A) }
                batch.lines += 1
                start = end + 1
            }
        }
        return batch
    }

    /// The index of the next `\n` at or after `start`, or the end.
    private static func newline(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = p.baseAddress, let found = memchr(base + start, 0x0A, p.count - start) else { return p.count }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Appends the line, with its field repaired when that changes it; returns why the line was
    /// passed through when it could not be processed. Blank lines pass silently.
    private func repair(_ line: UnsafeBufferPointer<UInt8>, with repairer: Repairer, into out: inout [UInt8]) -> String? {
        var note: String? = nil
        // Lines a little over the limit can reach a batch (the reader checks between reads).
        if line.count > maxLineBytes {
            out.append(contentsOf: line)
            return Self.tooLong(maxLineBytes)
        }
        switch field.lookup(in: line) {
        case .string(let value):
            // A refused repair (ambiguous, control characters) leaves the value as it was.
            if let repaired = try? repairer.repair(value.utf8).output, repaired != value.utf8 {
                JSONLineField.replacing(value, with: repaired, in: line, to: &out)
                return nil
            }
        case .invalid(let reason) where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }):
            note = reason
        default:
            break
        }
        out.append(contentsOf: line)
        return note
    }
}
