#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RepairPlan {
    /// Withheld lossy changes with the text their ranges refer to (see `WithheldChange`).
    public func withheldChanges(input: [UInt8], output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        Self.located(withheld, passInputs: { passInputs(from: input) }, output: output)
    }

    /// Quoted mojibake left as written, with the text its ranges refer to.
    public func quotedChanges(input: [UInt8], output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        Self.located(quoted, passInputs: { passInputs(from: input) }, output: output)
    }

    private static func located(_ changes: [WithheldChange]?, passInputs: () -> [[UInt8]],
                                output: [UInt8]) -> [(change: RepairChange, text: [UInt8])] {
        guard let changes, !changes.isEmpty else { return [] }
        let texts = passInputs()
        return changes.map { ($0.change, $0.afterPasses < texts.count ? texts[$0.afterPasses] : output) }
    }

    /// The text each pass started from (the first is `input`), rebuilt from the recorded outputs of
    /// the changes: used to show line and column numbers for later passes.
    public func passInputs(from input: [UInt8]) -> [[UInt8]] {
        var texts: [[UInt8]] = [input]
        for pass in passes.dropLast() {
            let current = texts[texts.count - 1]
            var next: [UInt8] = []
            next.reserveCapacity(current.count)
            var copied = 0
            for change in pass.changes {
                next.append(contentsOf: current[copied..<change.inputRange.lowerBound])
                next.append(contentsOf: Array(change.after.utf8))
                copied = change.inputRange.upperBound
            }
            next.append(contentsOf: current[copied...])
            texts.append(next)
        }
        return texts
    }
}

/// 1-based line and column (in characters) of byte offsets in UTF-8 text: line starts of the text, for many offset -> line:column lookups (binary search).
public struct LineIndex: Sendable {
    private let text: [UInt8]
    private let starts: [Int]

    public init(_ text: [UInt8]) {
        self.text = text
        var starts = [0]
        text.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var from = 0
            while from < p.count, let found = memchr(base + from, 0x0A, p.count - from) {
                from = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(from)
            }
        }
        self.starts = starts
    }

    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, text.count))
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        let line = max(1, low)
        let column = 1 + text[starts[line - 1]..<offset].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return (line, column)
    }
}
