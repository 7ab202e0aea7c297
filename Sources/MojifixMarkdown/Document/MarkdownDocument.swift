import MojifixText

/// A Markdown document: its UTF-8 bytes and their structure.
public struct MarkdownDocument: Sendable {
    public let bytes: [UInt8]
    public let structure: MarkdownStructure
    /// The lines `unicode-nfc` may change, found once (see `NFCLines`).
    var nfcLines = NFCLines()
    /// Where the character rules look (see `RareBytes`), found once.
    var rareBytes = RareBytes()

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.structure = MarkdownStructure(parsing: bytes)
    }

    /// With the quick structure when the line scan is sure of it, else the full parse.
    init(quickOrFull bytes: [UInt8]) {
        self.bytes = bytes
        // One line table for both: the quick scan's, when it gives up, serves the full parse.
        let table = bytes.withUnsafeBufferPointer { LineTable.markdown($0) }
        self.structure = QuickStructure.build(bytes, table: table) ?? StructureBuilder.build(bytes, table: table)
    }

    init(_ bytes: [UInt8], structure: MarkdownStructure) {
        self.bytes = bytes
        self.structure = structure
    }

    public var lineCount: Int { structure.lines.count }

    /// The line's content bytes (without terminator).
    public func line(_ index: Int) -> ArraySlice<UInt8> { bytes[structure.lines[index]] }

    /// 1-based line and column (in characters) of a byte offset (lines as the structure reads
    /// them: a lone CR ends one). For many offsets, build one `LineIndex` instead.
    public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        LineIndex(bytes, lineStarts: structure.lines.map(\.lowerBound)).lineAndColumn(of: offset)
    }
}
