#if canImport(Glibc)
import Glibc
#endif

/// A path as the kernel sees it: bytes, not necessarily UTF-8. Archives unpacked from old zip
/// files hold CP949 or Latin-1 names; a Swift `String` would turn those bytes into U+FFFD and the
/// file could never be opened again, so walking and writing keep the bytes.
public struct RawPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    public static func < (a: RawPath, b: RawPath) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// The exact path when it is valid UTF-8.
    public var string: String? { String(validating: bytes, as: UTF8.self) }

    /// For messages: UTF-8 where valid, `\xNN` for each byte that is not.
    public var description: String { RawPath.display(bytes) }

    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = "", index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence at `index`, else one escaped byte.
            let length = utf8SequenceLength(bytes, at: index)
            if length > 0 {
                out += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            } else {
                let hex = Array("0123456789ABCDEF")
                out += "\\x\(hex[Int(bytes[index] >> 4)])\(hex[Int(bytes[index] & 15)])"
                index += 1
            }
        }
        return out
    }

    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }

    public func appending(_ component: [UInt8]) -> RawPath {
        RawPath(bytes: bytes.last == UInt8(ascii: "/") || bytes.isEmpty ? bytes + component : bytes + [UInt8(ascii: "/")] + component)
    }

    /// The last component (the whole path when it has no slash).
    public var lastComponent: [UInt8] {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return bytes }
        return Array(bytes[(slash + 1)...])
    }

    /// The folder holding this path (`.` for a bare name, `/` for a root entry).
    public var parent: RawPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(".") }
        return slash == 0 ? RawPath("/") : RawPath(bytes: Array(bytes[..<slash]))
    }

    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// An absolute path (journal entries must not depend on the folder `undo` runs in).
    public var absolute: RawPath {
        if bytes.first == UInt8(ascii: "/") { return self }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return self }
        let cwd = RawPath(bytes: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        let relative = bytes.starts(with: Array("./".utf8)) ? Array(bytes.dropFirst(2)) : bytes
        return relative.isEmpty || relative == [UInt8(ascii: ".")] ? cwd : cwd.appending(relative)
    }

    /// True when `self` is `folder` or lies inside it (both taken as given; pass absolute paths).
    public func isInside(_ folder: RawPath) -> Bool {
        let base = folder.bytes.last == UInt8(ascii: "/") ? Array(folder.bytes.dropLast()) : folder.bytes
        guard bytes.starts(with: base) else { return false }
        return bytes.count == base.count || bytes[base.count] == UInt8(ascii: "/")
    }
}
