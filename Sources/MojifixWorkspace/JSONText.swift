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
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20: appendEscape(UInt32(byte), to: &out)
            case 0x80... where asciiOnly:
                let (scalar, length) = UTF8Bytes.decode(utf8, at: i)
                if scalar > 0xFFFF {
                    let v = scalar - 0x10000
                    appendEscape(0xD800 + (v >> 10), to: &out)
                    appendEscape(0xDC00 + (v & 0x3FF), to: &out)
                } else {
                    appendEscape(scalar, to: &out)
                }
                i += length
                continue
            default: out.append(byte)
            }
            i += 1
        }
        out.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `\uXXXX`, lower-case hex as Python writes it.
    private static func appendEscape(_ unit: UInt32, to out: inout [UInt8]) {
        out += [0x5C, 0x75]
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int(unit >> UInt32(shift) & 0xF)]) }
    }
}
