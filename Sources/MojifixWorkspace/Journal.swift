#if canImport(Glibc)
import Glibc
#endif

/// What an in-place run changed, one JSON line per change, written and synced before the change
/// is made, so `undo` can restore every byte even after a crash in the middle of a run. A line
/// is a file's replaced contents or (with `"kind": "rename"`) a renamed entry; lines written
/// before renames existed have no kind and are contents.
public struct JournalEntry: Equatable, Sendable {
    /// A file whose bytes were replaced, with the original bytes.
    public struct Content: Equatable, Sendable {
        /// Absolute; kept as bytes (a name need not be UTF-8), written as text when it is valid UTF-8.
        public var path: RawPath
        public var mode: UInt32
        public var sha256Before: String
        public var sha256After: String
        public var original: [UInt8]
    }

    /// An entry renamed inside `parent` (`fix --names`). The folder and both names are raw bytes
    /// (kept as base64), since any of them may not be UTF-8; `inode` tells `undo` that the entry
    /// found under the new name is still the one that was renamed.
    public struct Rename: Equatable, Sendable {
        public var parent: RawPath
        public var oldName: [UInt8]
        public var newName: [UInt8]
        public var inode: UInt64
        /// The repair's chain, for a reader of the journal ("encode ibm-437 -> decode windows-949").
        public var plan: String

        public init(parent: RawPath, oldName: [UInt8], newName: [UInt8], inode: UInt64, plan: String) {
            self.parent = parent; self.oldName = oldName; self.newName = newName; self.inode = inode; self.plan = plan
        }
    }

    public enum Change: Equatable, Sendable {
        case content(Content)
        case rename(Rename)
        /// A folder where the run writes temporary files, recorded before the first one is made,
        /// so that `undo` of a killed run knows where to look for what it left.
        case staging(RawPath)
    }

    public var change: Change

    public init(path: RawPath, mode: UInt32, sha256Before: String, sha256After: String, original: [UInt8]) {
        change = .content(Content(path: path, mode: mode, sha256Before: sha256Before, sha256After: sha256After, original: original))
    }

    public init(_ rename: Rename) { change = .rename(rename) }

    public init(stagingIn folder: RawPath) { change = .staging(folder) }

    /// Bytes of original content the entry carries (what a pending batch holds in memory).
    var originalSize: Int {
        if case .content(let content) = change { return content.original.count }
        return 0
    }

    var line: String {
        switch change {
        case .content(let c):
            return "{\(JSONText.pathMember(c.path)), \"mode\": \(c.mode), \"sha256_before\": \"\(c.sha256Before)\", "
                + "\"sha256_after\": \"\(c.sha256After)\", \"original_base64\": \"\(Base64.encode(c.original))\"}\n"
        case .rename(let r):
            return "{\"kind\": \"rename\", \"parent_base64\": \"\(Base64.encode(r.parent.bytes))\", "
                + "\"old_base64\": \"\(Base64.encode(r.oldName))\", \"new_base64\": \"\(Base64.encode(r.newName))\", "
                + "\"inode\": \(r.inode), \"plan\": \(JSONText.quote(r.plan))}\n"
        case .staging(let folder):
            return "{\"kind\": \"staging\", \"folder_base64\": \"\(Base64.encode(folder.bytes))\"}\n"
        }
    }

    /// Parses a line this type wrote (a flat object of strings and integers), on its bytes: a
    /// journal holds every original file, so this runs over megabytes.
    init?(line: ArraySlice<UInt8>) {
        var fields: [String: String] = [:]
        var i = line.startIndex
        func skip() {
            while i < line.endIndex, [0x20, 0x2C, 0x7B, 0x7D, 0x3A, 0x0A].contains(line[i]) { i += 1 }
        }
        func string() -> String? {
            guard i < line.endIndex, line[i] == 0x22 else { return nil }
            i += 1
            var out: [UInt8] = []
            while i < line.endIndex {
                let c = line[i]
                i += 1
                if c == 0x22 { return String(decoding: out, as: UTF8.self) }
                guard c == 0x5C else { out.append(c); continue }
                guard i < line.endIndex else { return nil }
                let e = line[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard i + 4 <= line.endIndex, let v = UInt32(String(decoding: line[i..<(i + 4)], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(v) else { return nil }
                    i += 4
                    out += Array(String(Character(scalar)).utf8)
                default: out.append(e)
                }
            }
            return nil
        }
        while true {
            skip()
            guard let key = string() else { break }
            skip()
            if let value = string() {
                fields[key] = value
            } else {
                let digits = line[i...].prefix { (0x30...0x39).contains($0) }
                i += digits.count
                fields[key] = String(decoding: digits, as: UTF8.self)
            }
        }
        if fields["kind"]?.utf8.elementsEqual("rename".utf8) == true {
            guard let parent = fields["parent_base64"].flatMap(Base64.decode), let old = fields["old_base64"].flatMap(Base64.decode),
                  let new = fields["new_base64"].flatMap(Base64.decode), let inode = fields["inode"].flatMap({ UInt64($0) }) else { return nil }
            self.init(Rename(parent: RawPath(parent), oldName: old, newName: new, inode: inode, plan: fields["plan"] ?? ""))
            return
        }
        if fields["kind"]?.utf8.elementsEqual("staging".utf8) == true {
            guard let folder = fields["folder_base64"].flatMap(Base64.decode) else { return nil }
            self.init(stagingIn: RawPath(folder))
            return
        }
        guard let path = fields["path"].map(RawPath.init) ?? fields["path_base64"].flatMap(Base64.decode).map(RawPath.init(bytes:)),
              let mode = fields["mode"].flatMap({ UInt32($0) }),
              let before = fields["sha256_before"], let after = fields["sha256_after"],
              let original = fields["original_base64"].flatMap(Base64.decode) else { return nil }
        self.init(path: path, mode: mode, sha256Before: before, sha256After: after, original: original)
    }
}

/// The journal folder: one file per run (`<time>-<pid>.jsonl`); undone runs are renamed `.undone`.
public struct Journal: Sendable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Runs not yet undone, oldest first.
    public func runs() -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".jsonl") { names.append(name) }
        }
        return names.sorted()
    }

    public func entries(of run: String) throws(AtomicFile.Failure) -> [JournalEntry] {
        let bytes = try AtomicFile.read(folder + "/" + run).bytes
        // A run killed mid-append leaves a partial last line: it does not parse and is dropped (its
        // file was not replaced yet).
        return bytes.split(separator: 0x0A).compactMap(JournalEntry.init(line:))
    }

    public func markUndone(_ run: String) throws(AtomicFile.Failure) {
        guard rename(folder + "/" + run, folder + "/" + run + ".undone") == 0 else { throw .errno(run) }
    }

    /// Starts a run file (creating the folder as needed).
    public func start() throws(AtomicFile.Failure) -> JournalRun {
        Paths.createFolders(folder)
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let name = "\(now.tv_sec)\(String(now.tv_nsec / 1_000_000 + 1000).dropFirst())-\(getpid()).jsonl"
        let fd = open(folder + "/" + name, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .errno(folder + "/" + name) }
        return JournalRun(name: name, fd: fd)
    }
}

/// An open run file; every entry is synced to disk before the caller makes the change.
public final class JournalRun {
    public let name: String
    private let fd: Int32

    init(name: String, fd: Int32) { self.name = name; self.fd = fd }
    deinit { close(fd) }

    public func append(_ entry: JournalEntry) throws(AtomicFile.Failure) {
        try append([entry])
    }

    /// Several entries, synced once (a folder's renames are journaled together before any is made).
    /// `sync: false` for a line only a killed process's successor needs (the kernel keeps it).
    public func append(_ entries: [JournalEntry], sync: Bool = true) throws(AtomicFile.Failure) {
        let bytes = Array(entries.map(\.line).joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw .errno(name) }
            offset += n
        }
        guard !sync || fsync(fd) == 0 else { throw .errno(name) }
    }
}
