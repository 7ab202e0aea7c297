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
        out.reserveCapacity(out.count + utf8.count + 2)
        out.append(0x22)
        utf8.withUnsafeBufferPointer { p in
            var i = 0
            var run = 0  // start of the bytes written as they are
            while i < p.count {
                let byte = p[i]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || (byte >= 0x80 && asciiOnly) else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
                switch byte {
                case 0x22, 0x5C: out.append(0x5C); out.append(byte)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x00..<0x20: appendEscape(UInt32(byte), to: &out)
                default:
                    let (scalar, length) = UTF8Bytes.decode(p, at: i)
                    if scalar > 0xFFFF {
                        let v = scalar - 0x10000
                        appendEscape(0xD800 + (v >> 10), to: &out)
                        appendEscape(0xDC00 + (v & 0x3FF), to: &out)
                    } else {
                        appendEscape(scalar, to: &out)
                    }
                    i += length - 1
                }
                i += 1
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run...]))
        }
        out.append(0x22)
    }

    /// `\uXXXX`, lower-case hex as Python writes it.
    private static func appendEscape(_ unit: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8(unit >> UInt32(shift) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }
}
