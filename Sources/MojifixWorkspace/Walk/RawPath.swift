#if canImport(Glibc)
import Glibc
#endif

/// A path as the kernel sees it: bytes, not necessarily UTF-8. Archives unpacked from old zip
/// files hold CP949 or Latin-1 names; a Swift `String` would turn those bytes into U+FFFD and the
/// file could never be opened again, so walking and writing keep the bytes.
package struct RawPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var bytes: [UInt8]

    package init(bytes: [UInt8]) { self.bytes = bytes }
    package init(_ bytes: [UInt8]) { self.bytes = bytes }
    package init(_ string: String) { self.bytes = Array(string.utf8) }

    package static func < (a: RawPath, b: RawPath) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// The exact path when it is valid UTF-8.
    package var string: String? { String(validating: bytes, as: UTF8.self) }

    /// For messages: a component that is UTF-8 as it is; in one that is not, every byte above
    /// ASCII escaped (`\xC7\xD1`, never a U+FFFD, nor a stray character that two of its bytes
    /// happen to form); control characters, the backslash and hidden characters (`isHidden`)
    /// escaped everywhere.
    package var description: String { Self.display(bytes) }
    package var display: String { Self.display(bytes) }

    /// Characters that hide or reorder what a name shows (bidi controls and marks, zero-width and
    /// other invisible format characters, tags, Hangul fillers): escaped in messages, so a name
    /// like `invoice<RLO>fdp.exe` cannot pass for another.
    static func isHidden(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x180E || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
            || (0x2060...0x206F).contains(v) || v == 0xFEFF || v == 0x3164 || v == 0xFFA0 || v == 0x115F || v == 0x1160
            || (0xFFF9...0xFFFB).contains(v) || (0xE0000...0xE007F).contains(v)
    }

    package static func display(_ bytes: [UInt8]) -> String {
        // The common case, a UTF-8 path with nothing to escape, as it is.
        if !bytes.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || (0xE1...0xE3).contains($0) || $0 == 0xEF || $0 == 0xF3 }),
           let text = String(validating: bytes, as: UTF8.self) { return text }
        return bytes.split(separator: 0x2F, omittingEmptySubsequences: false).map { component in
            let text = String(validating: component, as: UTF8.self)
            var out = ""
            for scalar in text.map({ Array($0.unicodeScalars) }) ?? component.map({ Unicode.Scalar($0) }) {
                let v = scalar.value
                if v == 0x5C {
                    out += "\\\\"
                } else if v < 0x20 || (0x7F...0x9F).contains(v) || (text == nil && v >= 0x80) || isHidden(v) {
                    // The bytes as they are on disk: the byte itself, or the scalar's UTF-8.
                    for byte in text == nil ? [UInt8(v)] : Array(String(scalar).utf8) {
                        out += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }.joined(separator: "/")
    }

    package func appending(_ component: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") || bytes.isEmpty ? bytes + component : bytes + [UInt8(ascii: "/")] + component)
    }

    /// The folder and the last component: "a/b" gives ("a", "b"), "b" gives (".", "b").
    package var parentAndName: (parent: RawPath, name: [UInt8]) {
        var trimmed = bytes[...]
        while trimmed.count > 1 && trimmed.last == 0x2F { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: 0x2F) else { return (RawPath("."), Array(trimmed)) }
        return (RawPath(slash == 0 ? [0x2F] : Array(trimmed[..<slash])), Array(trimmed[(slash + 1)...]))
    }

    /// lstat(2): the entry itself, a symlink not followed; nil when there is none.
    package func status() -> stat? {
        var info = stat()
        return withCString { lstat($0, &info) } == 0 ? info : nil
    }

    package func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// An absolute path (journal entries must not depend on the folder `undo` runs in), against
    /// `base` (default: the current folder), with `.`, `..` and repeated slashes resolved by
    /// spelling alone.
    package func absolute(from base: RawPath? = nil) -> RawPath {
        var joined = bytes
        if joined.first != 0x2F {
            let start = base ?? RawPath(Paths.currentFolder())
            joined = start.bytes + [0x2F] + joined
        }
        var parts: [ArraySlice<UInt8>] = []
        for part in joined.split(separator: 0x2F) {
            if part.elementsEqual([0x2E]) { continue }
            if part.elementsEqual([0x2E, 0x2E]) { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return RawPath(bytes: [0x2F] + Array(parts.joined(separator: [0x2F])))
    }

    package var absolute: RawPath { absolute() }

    /// True when `self` is `folder` or lies inside it (both taken as given; pass absolute paths).
    package func isInside(_ folder: RawPath) -> Bool {
        let base = folder.bytes.last == UInt8(ascii: "/") ? Array(folder.bytes.dropLast()) : folder.bytes
        guard bytes.starts(with: base) else { return false }
        return bytes.count == base.count || bytes[base.count] == UInt8(ascii: "/")
    }
}
