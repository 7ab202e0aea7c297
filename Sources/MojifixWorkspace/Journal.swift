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

    /// Parses a line this type wrote (a flat object of strings and one integer).
    init?(line: Substring) {
        var fields: [String: String] = [:]
        var chars = Array(line.unicodeScalars)[...]
        func skip() { while let c = chars.first, c == " " || c == "," || c == "{" || c == "}" || c == ":" || c == "\n" { chars.removeFirst() } }
        func string() -> String? {
            guard chars.first == "\"" else { return nil }
            chars.removeFirst()
            var out = ""
            while let c = chars.first {
                chars.removeFirst()
                if c == "\"" { return out }
                if c == "\\", let e = chars.first {
                    chars.removeFirst()
                    switch e {
                    case "u":
                        let hex = String(String.UnicodeScalarView(chars.prefix(4)))
                        chars.removeFirst(min(4, chars.count))
                        guard let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else { return nil }
                        out.unicodeScalars.append(s)
                    default: out.unicodeScalars.append(e)
                    }
                } else {
                    out.unicodeScalars.append(c)
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
                var digits = ""
                while let c = chars.first, ("0"..."9").contains(c) { digits.unicodeScalars.append(c); chars.removeFirst() }
                fields[key] = digits
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
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap(JournalEntry.init(line:))
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
