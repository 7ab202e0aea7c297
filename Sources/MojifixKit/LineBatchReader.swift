#if canImport(Glibc)
import Glibc
#endif

/// Reads a file descriptor as batches of whole lines (about `batchBytes` each), so memory holds a
/// few batches whatever the input's size. A line longer than `maxLineBytes` is never gathered:
/// it is handed over piece by piece (`longLine`, then `passRestOfLine`).
package struct LineBatchReader {
    package enum Item {
        /// Whole lines, each ending in `\n` except perhaps the input's last.
        case lines([UInt8])
        /// The first `maxLineBytes`-odd bytes of a line too long to gather.
        case longLine([UInt8])
        case end
    }

    package let fd: Int32
    package let batchBytes: Int
    package let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var lastNewline = -1  // index in `buffer` of its last `\n`, or -1
    private var atEnd = false
    private var chunk: [UInt8]
    /// Batches handed back (`recycle`), whose memory the next ones reuse: a fresh array for every
    /// batch was fresh pages from the kernel, a fault for each 4 KB of them.
    private var spare: [[UInt8]] = []

    package init(fd: Int32, batchBytes: Int = 1 << 20, maxLineBytes: Int) {
        self.fd = fd
        self.batchBytes = batchBytes
        self.maxLineBytes = maxLineBytes
        chunk = [UInt8](repeating: 0, count: min(batchBytes, 1 << 20))
    }

    package mutating func next() throws -> Item {
        while true {
            if lastNewline >= 0 && (buffer.count >= batchBytes || atEnd) { return .lines(take(upTo: lastNewline + 1)) }
            if atEnd { return buffer.isEmpty ? .end : .lines(take(upTo: buffer.count)) }
            if buffer.count - (lastNewline + 1) > maxLineBytes {
                // The line being gathered is too long: hand over the lines before it, then its start.
                if lastNewline >= 0 { return .lines(take(upTo: lastNewline + 1)) }
                return .longLine(take(upTo: buffer.count))
            }
            let n = try readChunk()
            if n == 0 { atEnd = true; continue }
            if let newline = chunk[..<n].lastIndex(of: 0x0A) { lastNewline = buffer.count + newline }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// Writes the rest of a long line (through its `\n`) with `write` as it arrives; false when
    /// `write` refused.
    package mutating func passRestOfLine(_ write: (UnsafeRawBufferPointer) -> Bool) throws -> Bool {
        while true {
            let n = try readChunk()
            if n == 0 { atEnd = true; return true }
            let end = chunk[..<n].firstIndex(of: 0x0A).map { $0 + 1 } ?? n
            guard chunk.withUnsafeBytes({ write(UnsafeRawBufferPointer(rebasing: $0[..<end])) }) else { return false }
            if end < n {
                buffer.append(contentsOf: chunk[end..<n])
                lastNewline = buffer.lastIndex(of: 0x0A) ?? -1
                return true
            }
        }
    }

    /// Takes a batch's array back once its lines are done with (leaving `bytes` empty), for a
    /// later batch to fill.
    package mutating func recycle(_ bytes: inout [UInt8]) {
        var kept: [UInt8] = []
        swap(&kept, &bytes)
        guard spare.count < 16 else { return }
        kept.removeAll(keepingCapacity: true)  // (the only reference now: no copy)
        spare.append(kept)
    }

    /// The first `count` bytes of the buffer; the rest stays. The buffer itself is handed over,
    /// and the rest (a line's start at most) moved to a spare one: the batch is not copied.
    private mutating func take(upTo count: Int) -> [UInt8] {
        var rest = spare.popLast() ?? []
        rest.append(contentsOf: buffer[count...])
        buffer.removeSubrange(count...)
        swap(&rest, &buffer)
        lastNewline = lastNewline >= count ? lastNewline - count : -1
        return rest
    }

    private mutating func readChunk() throws -> Int {
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n >= 0 { return n }
            if errno != EINTR { throw FileIO.Failure.errno() }
        }
    }
}
