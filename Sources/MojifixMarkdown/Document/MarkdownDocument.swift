/// A Markdown document: its UTF-8 bytes and their structure.
public struct MarkdownDocument: Sendable {
    public let bytes: [UInt8]
    public let structure: MarkdownStructure

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.structure = MarkdownStructure(parsing: bytes)
    }

    /// With the quick structure when the line scan is sure of it, else the full parse.
    init(quickOrFull bytes: [UInt8]) {
        self.bytes = bytes
        self.structure = QuickStructure.build(bytes) ?? MarkdownStructure(parsing: bytes)
    }

    public var lineCount: Int { structure.lines.count }

    /// The line's content bytes (without terminator).
    public func line(_ index: Int) -> ArraySlice<UInt8> { bytes[structure.lines[index]] }

    /// 1-based line and column (in characters) of a byte offset.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = structure.lines.count
        while low < high {
            let mid = (low + high) / 2
            if structure.lines[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        let line = max(0, low - 1)
        guard line < structure.lines.count else { return (1, 1) }
        let start = structure.lines[line].lowerBound
        var column = 1
        var i = start
        while i < min(offset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line + 1, column)
    }
}
