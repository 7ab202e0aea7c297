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

/// 1-based line and column (in characters) of byte offsets in UTF-8 text: line starts of the text,
/// for many offset -> line:column lookups (binary search), and the characters before each block of
/// bytes, so a column is counted from the nearest block rather than from the line's start (one long
/// line with many findings would otherwise cost its length per finding).
public struct LineIndex: Sendable {
    private let text: [UInt8]
    private let starts: [Int]
    private let charactersBefore: [Int]
    static let blockSize = 256

    public init(_ text: [UInt8]) {
        self.text = text
        var starts = [0]
        var charactersBefore: [Int] = []
        charactersBefore.reserveCapacity(text.count / Self.blockSize + 2)
        text.withUnsafeBufferPointer { p in
            var from = 0
            while let base = p.baseAddress, from < p.count, let found = memchr(base + from, 0x0A, p.count - from) {
                from = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(from)
            }
            var count = 0
            for block in stride(from: 0, to: p.count, by: Self.blockSize) {
                charactersBefore.append(count)
                count += Self.characters(p, block..<min(block + Self.blockSize, p.count))
            }
            charactersBefore.append(count)  // the end, when it falls on a block boundary
        }
        self.starts = starts
        self.charactersBefore = charactersBefore
    }

    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, text.count))
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        let line = max(1, low)
        return (line, 1 + characters(before: offset) - characters(before: starts[line - 1]))
    }

    /// Characters (scalars) in the text before `offset`.
    private func characters(before offset: Int) -> Int {
        let block = offset / Self.blockSize
        return charactersBefore[block] + text.withUnsafeBufferPointer { Self.characters($0, block * Self.blockSize..<offset) }
    }

    private static func characters(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where p[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
