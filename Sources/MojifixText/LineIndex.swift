/// 1-based line and column (in characters) of byte offsets in UTF-8 text: line starts of the text,
/// for many offset -> line:column lookups (binary search), and the characters before each block of
/// bytes, so a column is counted from the nearest block rather than from the line's start (one long
/// line with many findings would otherwise cost its length per finding).
public struct LineIndex: Sendable {
    private let text: [UInt8]
    private let starts: [Int]
    private let charactersBefore: [Int]
    static let blockSize = 256

    /// Lines end at `\n` only.
    public init(_ text: [UInt8]) {
        var starts = text.withUnsafeBufferPointer { LineTable($0, loneCREndsLine: false).lines.map(\.lowerBound) }
        if starts.isEmpty { starts = [0] }
        if text.last == 0x0A { starts.append(text.count) }  // the empty line after the last `\n`
        self.init(text, lineStarts: starts)
    }

    /// With the lines starting at `lineStarts` (sorted; the first is 0).
    package init(_ text: [UInt8], lineStarts: [Int]) {
        self.text = text
        let starts = lineStarts.isEmpty ? [0] : lineStarts
        var charactersBefore: [Int] = []
        charactersBefore.reserveCapacity(text.count / Self.blockSize + 2)
        text.withUnsafeBufferPointer { p in
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
        let line = line(of: offset)
        return (line, 1 + characters(before: offset) - characters(before: starts[line - 1]))
    }

    /// `lineAndColumn` of offsets looked up in ascending order (a pass's changes): each lookup
    /// counts only the bytes since the previous one when they are fewer than those since its
    /// block's start, so a walk along a line full of changes reads the line about once.
    public struct Walk: Sendable {
        private let index: LineIndex
        private var offset = 0, before = 0   // characters before `offset`
        private var line = 0, lineStart = 0  // characters before the start of `line`

        public init(_ index: LineIndex) { self.index = index }

        public mutating func lineAndColumn(of target: Int) -> (line: Int, column: Int) {
            let target = max(0, min(target, index.text.count))
            if target >= offset && offset >= target - target % LineIndex.blockSize {
                before += index.text.withUnsafeBufferPointer { LineIndex.characters($0, offset..<target) }
            } else {
                before = index.characters(before: target)
            }
            offset = target
            let found = index.line(of: target)
            if found != line { line = found; lineStart = index.characters(before: index.starts[found - 1]) }
            return (line, 1 + before - lineStart)
        }
    }

    /// The 1-based line holding `offset` (already clamped to the text).
    private func line(of offset: Int) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return max(1, low)
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
