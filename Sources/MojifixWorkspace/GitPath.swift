/// Paths in patch headers the way git writes them, so that `git apply -p1` and `patch -p1` find
/// the files: C-quoted when a byte needs it, and no `./` components (git refuses `a/./x.md`).
package enum GitPath {
    /// `prefix` and `path` as one name, quoted as git's `quote_c_style` does (core.quotePath on)
    /// when any byte is a control, `"`, `\` or not ASCII: `"a/raw\307\321.md"`. `quoted` tells
    /// whether it was.
    package static func name(_ prefix: String, _ path: [UInt8]) -> (text: String, quoted: Bool) {
        let bytes = Array(prefix.utf8) + path
        guard bytes.contains(where: needsQuoting) else { return (String(decoding: bytes, as: UTF8.self), false) }
        var text = "\""
        for b in bytes {
            switch b {
            case 0x07: text += "\\a"
            case 0x08: text += "\\b"
            case 0x09: text += "\\t"
            case 0x0A: text += "\\n"
            case 0x0B: text += "\\v"
            case 0x0C: text += "\\f"
            case 0x0D: text += "\\r"
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case _ where needsQuoting(b):
                text += "\\" + String(b >> 6) + String(b >> 3 & 7) + String(b & 7)
            default: text.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return (text + "\"", true)
    }

    private static func needsQuoting(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b >= 0x7F }

    /// The path as given, as a patch names it: without a leading `/` and without `.` components.
    package static func patchPath(_ path: [UInt8]) -> [UInt8] {
        let parts = path.split(separator: 0x2F, omittingEmptySubsequences: true).filter { !$0.elementsEqual([0x2E]) }
        return Array(parts.joined(separator: [0x2F]))
    }
}
