#if canImport(Glibc)
import Glibc
#endif

/// What an in-place run changed, one JSON line per file, written and synced before the file is
/// replaced, so `undo` can restore every byte even after a crash in the middle of a run.
public struct JournalEntry: Equatable, Sendable {
    public var path: String
    public var mode: UInt32
    public var sha256Before: String
    public var sha256After: String
    public var original: [UInt8]

    public init(path: String, mode: UInt32, sha256Before: String, sha256After: String, original: [UInt8]) {
        self.path = path; self.mode = mode; self.sha256Before = sha256Before; self.sha256After = sha256After
        self.original = original
    }

    var line: String {
        "{\"path\": \(JSONText.quote(path)), \"mode\": \(mode), \"sha256_before\": \"\(sha256Before)\", "
            + "\"sha256_after\": \"\(sha256After)\", \"original_base64\": \"\(Base64.encode(original))\"}\n"
    }

    /// Parses a line this type wrote (a flat object of strings and one integer), on its bytes: a
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
        guard let path = fields["path"], let mode = fields["mode"].flatMap({ UInt32($0) }),
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

/// An open run file; every entry is synced to disk before the caller replaces the file.
public final class JournalRun {
    public let name: String
    private let fd: Int32

    init(name: String, fd: Int32) { self.name = name; self.fd = fd }
    deinit { close(fd) }

    public func append(_ entry: JournalEntry) throws(AtomicFile.Failure) {
        let bytes = Array(entry.line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if Glibc.errno == EINTR { continue }; throw .errno(name) }
            offset += n
        }
        guard fsync(fd) == 0 else { throw .errno(name) }
    }
}
