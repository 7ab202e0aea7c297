/// Small helpers the rules share.
enum Bytes {
    /// True when `bytes` holds any of the byte sequences: rules skip documents that cannot
    /// contain what they look for without decoding a character.
    static func containsAny(_ bytes: [UInt8], _ patterns: [[UInt8]]) -> Bool {
        var isLead = [Bool](repeating: false, count: 256)
        for pattern in patterns { if let first = pattern.first { isLead[Int(first)] = true } }
        return bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if isLead[Int(p[i])] {
                    for pattern in patterns where i + pattern.count <= p.count && pattern.indices.allSatisfy({ p[i + $0] == pattern[$0] }) {
                        return true
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// The maximal runs of non-ASCII bytes that hold one of `leads`, each with the ASCII byte
    /// before it (a keycap's digit, an emoji's neighbour): the only places a rule looking for
    /// those characters needs to decode.
    static func runs(holding leads: [UInt8], in bytes: [UInt8]) -> [Range<Int>] {
        var isLead = [Bool](repeating: false, count: 256)
        for b in leads { isLead[Int(b)] = true }
        var runs: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                guard isLead[Int(p[i])] else { i += 1; continue }
                var start = i, end = i
                while start > 0 && p[start - 1] >= 0x80 { start -= 1 }
                while end < p.count && p[end] >= 0x80 { end += 1 }
                runs.append(max(0, start - 1)..<end)
                i = end
            }
        }
        return runs
    }

    /// Scalars of a UTF-8 slice with their byte offsets.
    static func scalars(_ bytes: [UInt8], _ range: Range<Int>) -> [(offset: Int, scalar: UInt32, length: Int)] {
        var out: [(offset: Int, scalar: UInt32, length: Int)] = []
        out.reserveCapacity(range.count / 2)
        var i = range.lowerBound
        while i < range.upperBound {
            let b0 = UInt32(bytes[i])
            let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            var scalar = length == 1 ? b0 : b0 & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length where i + k < bytes.count { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
            out.append((offset: i, scalar: scalar, length: length))
            i += length
        }
        return out
    }

    /// "U+200B".
    static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func utf8(_ scalar: UInt32) -> [UInt8] { Array(String(Unicode.Scalar(scalar)!).utf8) }

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
