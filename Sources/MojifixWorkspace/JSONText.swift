import MojifixText

/// JSON string literals (RFC 8259 escaping), for the journal, the CLI's JSON output and the
/// values `repair --jsonl` writes back.
package enum JSONText {
    /// A path as a JSON member: `"path": "..."` when it is UTF-8, else `"path_base64": "..."`
    /// (JSON strings cannot hold arbitrary bytes, and a name must come back exactly).
    package static func pathMember(_ path: RawPath) -> String {
        path.string.map { "\"path\": \(quote($0))" } ?? "\"path_base64\": \"\(Base64.encode(path.bytes))\""
    }

    package static func quote(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(Array(text.utf8), asciiOnly: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `utf8` (valid UTF-8) as a JSON string literal. `"`, `\` and control characters are
    /// escaped; with `asciiOnly`, so is everything above U+007F (surrogate pairs above U+FFFF),
    /// which is how Python's `json.dumps` writes by default (ensure_ascii).
    package static func appendQuoted(_ utf8: [UInt8], asciiOnly: Bool, to out: inout [UInt8]) {
        // Written piece by piece, each in room for its worst case (six bytes for each byte: a
        // control character escaped, or three per byte of a character escaped), then appended in
        // one go: room for a whole value would be six times its size (a 16 MB line, 96 MB).
        out.append(0x22)
        utf8.withUnsafeBufferPointer { p in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * pieceBytes + 12) { buffer in  // (+12: a character run over the end)
                var start = 0
                while start < p.count {
                    // A piece ends where a character starts, so that none is cut.
                    var end = min(start + pieceBytes, p.count)
                    while end < p.count && end > start && p[end] & 0xC0 == 0x80 { end -= 1 }
                    if end == start { end = min(start + pieceBytes, p.count) }
                    let (length, next) = writeQuoted(p, start..<end, asciiOnly: asciiOnly, to: buffer.baseAddress!)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<length]))
                    start = next
                }
            }
        }
        out.append(0x22)
    }

    /// Bytes of a value written at a time by `appendQuoted`.
    private static let pieceBytes = 4096

    /// The bytes of `range` (whole characters) escaped at `o`, without quotes; returns the length
    /// written and where the next piece starts (past the range's end only when a character of a
    /// value that is not UTF-8 runs over it, written whole here).
    private static func writeQuoted(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, asciiOnly: Bool,
                                    to o: UnsafeMutablePointer<UInt8>) -> (length: Int, next: Int) {
        // Bytes written as they are go in runs, stepped over eight at a time.
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        let stops: UInt64 = asciiOnly ? tops : 0
        var n = 0
        var i = range.lowerBound
        var run = i  // start of the bytes written as they are
        while i < range.upperBound {
            if i + 8 <= range.upperBound {
                let word = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & tops
                if special | word & stops == 0 { i += 8; continue }
            }
            let byte = p[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte >= 0x80 && asciiOnly) else { i += 1; continue }
            if i > run {
                (o + n).update(from: p.baseAddress! + run, count: i - run)
                n += i - run
            }
            switch byte {
            case 0x22, 0x5C: o[n] = 0x5C; o[n + 1] = byte; n += 2
            case 0x0A: o[n] = 0x5C; o[n + 1] = 0x6E; n += 2
            case 0x0D: o[n] = 0x5C; o[n + 1] = 0x72; n += 2
            case 0x09: o[n] = 0x5C; o[n + 1] = 0x74; n += 2
            case 0x00..<0x20: n += writeEscape(UInt32(byte), to: o + n)
            default:
                let (scalar, length) = UTF8Bytes.decode(p, at: i)
                if scalar > 0xFFFF {
                    let v = scalar - 0x10000
                    n += writeEscape(0xD800 + (v >> 10), to: o + n)
                    n += writeEscape(0xDC00 + (v & 0x3FF), to: o + n)
                } else {
                    n += writeEscape(scalar, to: o + n)
                }
                i += length - 1
            }
            i += 1
            run = i
        }
        let end = min(max(range.upperBound, i), p.count)
        if end > run {
            (o + n).update(from: p.baseAddress! + run, count: end - run)
            n += end - run
        }
        return (n, end)
    }

    /// `\uXXXX` at `out`, lower-case hex as Python writes it; returns its length, 6.
    @inline(__always)
    private static func writeEscape(_ unit: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x5C
        out[1] = 0x75
        for k in 0..<4 {
            let digit = UInt8(unit >> UInt32(12 - 4 * k) & 0xF)
            out[2 + k] = digit < 10 ? 0x30 + digit : 0x57 + digit
        }
        return 6
    }
}
