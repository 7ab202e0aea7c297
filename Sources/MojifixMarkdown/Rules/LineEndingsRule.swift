/// CRLF (and lone CR) line endings become LF, unless the configuration keeps CRLF files CRLF.
struct LineEndingsRule: MarkdownRule {
    static let name = "line-endings"
    static let summary = "Use LF line endings."
    static let kind = RuleKind.fix

    /// One finding per file: a line-by-line listing says nothing more.
    static func fileFinding(count: Int) -> String? { "Use LF line endings (\(count) line end\(count == 1 ? "" : "s"))" }

    func apply(to document: MarkdownDocument, options: NormalizeOptions) -> RuleOutcome {
        let bytes = document.bytes
        // The CRs are among the document's rare bytes (no pass of its own); LFs are counted only
        // when CRLF files are kept.
        let crs = bytes.withUnsafeBufferPointer { s in document.rareBytes.offsets(s).filter { s[$0] == 0x0D } }
        guard !crs.isEmpty else { return RuleOutcome() }
        let crlf = crs.filter { $0 + 1 < bytes.count && bytes[$0 + 1] == 0x0A }.count
        if options.keepCRLF && crlf > 0 && crlf * 2 >= Self.count(0x0A, in: bytes) { return RuleOutcome() }
        var edits: [TextEdit] = []
        edits.reserveCapacity(crs.count)
        for i in crs {
            let replacement: [UInt8] = i + 1 < bytes.count && bytes[i + 1] == 0x0A ? [] : [0x0A]
            edits.append(TextEdit(range: i..<i + 1, replacement: replacement, message: "Use LF line endings"))
        }
        return RuleOutcome(edits: edits)
    }

    private static func count(_ byte: UInt8, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { s in
            var count = 0, k = 0
            while let next = MDByte.find(byte, in: s, from: k, to: s.count) { count += 1; k = next + 1 }
            return count
        }
    }
}
