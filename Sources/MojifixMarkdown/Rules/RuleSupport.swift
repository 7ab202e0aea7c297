import MojifixText

/// Small helpers the rules share.
enum Bytes {
    /// The maximal runs of non-ASCII bytes that hold one of `patterns` (each starting with a
    /// byte >= 0x80), each with the ASCII byte before it (a keycap's digit, an emoji's
    /// neighbour): the only places a rule looking for those characters needs to decode. The
    /// patterns' lead bytes are found with memchr, so text without them costs one SIMD pass per
    /// distinct lead.
    static func runs(holding patterns: [[UInt8]], in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { p in
            var hits: [Int] = []
            var leads: [UInt8] = []
            for pattern in patterns where !leads.contains(pattern[0]) { leads.append(pattern[0]) }
            for lead in leads {
                var from = 0
                while let k = MDByte.find(lead, in: p, from: from, to: p.count) {
                    if patterns.contains(where: { $0[0] == lead && matches(p, k, $0) }) { hits.append(k) }
                    from = k + 1
                }
            }
            hits.sort()
            return runs(p, around: hits)
        }
    }

    /// `runs(holding:in:)` in a document: when every pattern starts with a rare byte, its hits
    /// are picked from the document's `RareBytes`, found in one pass for all the rules.
    static func runs(holding patterns: [[UInt8]], in document: MarkdownDocument) -> [Range<Int>] {
        guard patterns.allSatisfy({ RareBytes.isRare($0[0]) }) else { return runs(holding: patterns, in: document.bytes) }
        return document.bytes.withUnsafeBufferPointer { p in
            let hits = document.rareBytes.offsets(p).filter { k in patterns.contains { $0[0] == p[k] && matches(p, k, $0) } }
            return runs(p, around: hits)
        }
    }

    /// The runs of non-ASCII bytes around `hits` (sorted offsets), each with the byte before it.
    private static func runs(_ p: UnsafeBufferPointer<UInt8>, around hits: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var covered = 0
        for k in hits where k >= covered {
            var start = k, end = k
            while start > 0 && p[start - 1] >= 0x80 { start -= 1 }
            while end < p.count && p[end] >= 0x80 { end += 1 }
            runs.append(max(0, start - 1)..<end)
            covered = end
        }
        return runs
    }

    /// Runs holding any of the lead bytes `leads` (see `runs(holding:in:)`).
    static func runs(holdingLeads leads: [UInt8], in document: MarkdownDocument) -> [Range<Int>] {
        runs(holding: leads.map { [$0] }, in: document)
    }

    @inline(__always)
    static func matches(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ pattern: [UInt8]) -> Bool {
        guard at + pattern.count <= p.count else { return false }
        for k in 1..<pattern.count where p[at + k] != pattern[k] { return false }
        return true
    }

    /// True when `bytes[at...]` starts with `pattern` (no slice or array is made).
    @inline(__always)
    static func has(_ pattern: [UInt8], in bytes: [UInt8], at: Int, before end: Int) -> Bool {
        guard at >= 0, at + pattern.count <= end else { return false }
        for k in 0..<pattern.count where bytes[at + k] != pattern[k] { return false }
        return true
    }

    /// Scalars of a UTF-8 slice with their byte offsets.
    static func scalars(_ bytes: [UInt8], _ range: Range<Int>) -> [(offset: Int, scalar: UInt32, length: Int)] {
        var out: [(offset: Int, scalar: UInt32, length: Int)] = []
        out.reserveCapacity(range.count / 2)
        bytes.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            while i < range.upperBound {
                let (scalar, length) = UTF8Bytes.decode(p, at: i)
                out.append((offset: i, scalar: scalar, length: length))
                i += length
            }
        }
        return out
    }

    /// "U+200B".
    static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func utf8(_ scalar: UInt32) -> [UInt8] { UTF8Bytes.encode(scalar) }

    static let nbsp: [UInt8] = [0xC2, 0xA0]
    static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
    static let zeroWidthSpace: [UInt8] = [0xE2, 0x80, 0x8B]
}

extension MarkdownStructure.LineKind {
    /// Lines whose text rules may shape: prose, blank lines and table rows.
    var isEditable: Bool { self == .prose || self == .blank || self == .table }
}

extension Finding {
    init(offset: Int, rule: String, severity: Severity, message: String) {
        self.init(offset: offset, rule: rule, message: message, severity: severity)
    }
}
