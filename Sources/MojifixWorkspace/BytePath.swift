#if canImport(Glibc)
import Glibc
#endif

/// A path as the raw bytes the file system holds. Names need not be UTF-8 (a Korean zip unpacked
/// on Linux leaves CP949 bytes), and a String decoded from them would hold U+FFFD instead and
/// name a file that does not exist, so paths stay bytes from readdir to rename.
public struct BytePath: Hashable, Sendable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ path: String) { bytes = Array(path.utf8) }

    public func appending(_ name: [UInt8]) -> BytePath {
        BytePath(bytes.last == 0x2F ? bytes + name : bytes + [0x2F] + name)
    }

    /// The folder and the last component: "a/b" gives ("a", "b"), "b" gives (".", "b").
    public var parentAndName: (parent: BytePath, name: [UInt8]) {
        var trimmed = bytes[...]
        while trimmed.count > 1 && trimmed.last == 0x2F { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: 0x2F) else { return (BytePath("."), Array(trimmed)) }
        return (BytePath(slash == 0 ? [0x2F] : Array(trimmed[..<slash])), Array(trimmed[(slash + 1)...]))
    }

    /// The same path from the root (journal entries must not depend on the folder `undo` runs in).
    public var absolute: BytePath {
        guard bytes.first != 0x2F else { return self }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return self }
        let cwd = BytePath(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        return bytes == [0x2E] ? cwd : cwd.appending(bytes.starts(with: [0x2E, 0x2F]) ? Array(bytes.dropFirst(2)) : bytes)
    }

    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// lstat(2): the entry itself, a symlink not followed; nil when there is none.
    public func status() -> stat? {
        var info = stat()
        return withCString { lstat($0, &info) } == 0 ? info : nil
    }

    /// For messages: a component that is UTF-8 as it is; in one that is not, every byte above
    /// ASCII escaped (`\xC7\xD1`, never a U+FFFD, nor a stray character that two of its bytes
    /// happen to form); control characters and the backslash escaped everywhere.
    public var display: String { Self.display(bytes) }

    public static func display(_ bytes: [UInt8]) -> String {
        bytes.split(separator: 0x2F, omittingEmptySubsequences: false).map { component in
            let text = String(validating: component, as: UTF8.self)
            var out = ""
            for scalar in text.map({ Array($0.unicodeScalars) }) ?? component.map({ Unicode.Scalar($0) }) {
                let v = scalar.value
                if v == 0x5C {
                    out += "\\\\"
                } else if v < 0x20 || (0x7F...0x9F).contains(v) || (text == nil && v >= 0x80) {
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
}

/// Folders visited deepest first, with entry names as raw bytes.
public enum FolderWalk {
    /// Calls `visit` for `root` and every folder below it, each folder after all of its
    /// sub-folders, so a visit may rename its entries without invalidating a path still to be
    /// walked. Names come sorted by their bytes. Hidden entries (a leading dot) and entries for
    /// which `skip` holds are left out; only real folders are entered: a symlink is listed as an
    /// entry and never followed. A folder that cannot be read is reported to `failure`.
    public static func bottomUp(_ root: BytePath, skip: (stat) -> Bool, visit: (BytePath, [[UInt8]]) -> Void,
                                failure: (BytePath, String) -> Void) {
        guard let dir = root.withCString({ opendir($0) }) else {
            failure(root, String(cString: strerror(errno)))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first != 0x2E { names.append(name) }
        }
        closedir(dir)
        names.sort { $0.lexicographicallyPrecedes($1) }
        var entries: [[UInt8]] = []
        for name in names {
            let path = root.appending(name)
            guard let info = path.status(), !skip(info) else { continue }
            if info.st_mode & S_IFMT == S_IFDIR { bottomUp(path, skip: skip, visit: visit, failure: failure) }
            entries.append(name)
        }
        visit(root, entries)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
