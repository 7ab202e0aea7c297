#if canImport(Glibc)
import Glibc
#endif

/// What an in-place run changed, one JSON line per change, written and synced before the change
/// is made, so `undo` can restore every byte even after a crash in the middle of a run. A line
/// is a file's replaced contents or (with `"kind": "rename"`) a renamed entry; lines written
/// before renames existed have no kind and are contents.
package struct JournalEntry: Equatable, Sendable {
    /// A file whose bytes were replaced, with the original bytes.
    package struct Content: Equatable, Sendable {
        /// Relative to the journal's root; kept as bytes (a name need not be UTF-8), written as text when it is valid UTF-8.
        package var path: RawPath
        package var mode: UInt32
        package var sha256Before: String
        package var sha256After: String
        package var original: [UInt8]
    }

    /// An entry renamed inside `parent` (`fix --names`). The folder and both names are raw bytes
    /// (kept as base64), since any of them may not be UTF-8; `inode` tells `undo` that the entry
    /// found under the new name is still the one that was renamed.
    package struct Rename: Equatable, Sendable {
        /// Relative to the journal's root (empty: the root itself).
        package var parent: RawPath
        package var oldName: [UInt8]
        package var newName: [UInt8]
        package var inode: UInt64
        /// The repair's chain, for a reader of the journal ("encode ibm-437 -> decode windows-949").
        package var plan: String
        /// A regular file's SHA-256 when renamed, for a reader of the journal (`undo` identifies a
        /// file a content fix gave another inode by the bytes that fix journaled).
        package var sha256: String?
        /// Birth time in nanoseconds (0: unknown): an inode number freed and reused by a new file
        /// is not the entry that was renamed.
        package var born: Int64

        package init(parent: RawPath, oldName: [UInt8], newName: [UInt8], inode: UInt64, plan: String, sha256: String? = nil, born: Int64 = 0) {
            self.parent = parent; self.oldName = oldName; self.newName = newName; self.inode = inode; self.plan = plan; self.sha256 = sha256
            self.born = born
        }
    }

    package enum Change: Equatable, Sendable {
        case content(Content)
        case rename(Rename)
        /// A folder where the run writes temporary files, recorded before the first one is made,
        /// so that `undo` of a killed run knows where to look for what it left.
        case staging(RawPath)
        /// The first line of a run: the folder every path of the run is relative to, and the run's
        /// MAC under the user's key (see JournalKey; nil: none, a run `undo` refuses).
        case root(RawPath, mac: String?)
        /// A file the run journaled but then left as it was (changed while mojifix ran, open for
        /// writing elsewhere): its entry above is void, so `undo` neither restores it nor waits on it.
        case kept(RawPath)
    }

    package var change: Change

    package init(path: RawPath, mode: UInt32, sha256Before: String, sha256After: String, original: [UInt8]) {
        change = .content(Content(path: path, mode: mode, sha256Before: sha256Before, sha256After: sha256After, original: original))
    }

    package init(_ rename: Rename) { change = .rename(rename) }

    package init(stagingIn folder: RawPath) { change = .staging(folder) }

    package init(root: RawPath, mac: String?) { change = .root(root, mac: mac) }

    package init(kept path: RawPath) { change = .kept(path) }

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
                + "\"inode\": \(r.inode), \"plan\": \(JSONText.quote(r.plan))\(r.sha256.map { ", \"sha256\": \"\($0)\"" } ?? "")\(r.born != 0 ? ", \"born\": \(r.born)" : "")}\n"
        case .staging(let folder):
            return "{\"kind\": \"staging\", \"folder_base64\": \"\(Base64.encode(folder.bytes))\"}\n"
        case .root(let folder, let mac):
            return "{\"kind\": \"root\", \"root_base64\": \"\(Base64.encode(folder.bytes))\"\(mac.map { ", \"mac\": \"\($0)\"" } ?? "")}\n"
        case .kept(let path):
            return "{\"kind\": \"kept\", \"path_base64\": \"\(Base64.encode(path.bytes))\"}\n"
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
        guard line.first == 0x7B else { return nil }
        while true {
            skip()
            guard let key = string() else { break }
            // A line glued to the start of another (an append cut short) repeats keys.
            guard fields[key] == nil else { return nil }
            skip()
            if let value = string() {
                fields[key] = value
            } else {
                let digits = line[i...].prefix { (0x30...0x39).contains($0) }
                i += digits.count
                guard !digits.isEmpty else { return nil }
                fields[key] = String(decoding: digits, as: UTF8.self)
            }
        }
        skip()
        guard i == line.endIndex else { return nil }
        if fields["kind"]?.utf8.elementsEqual("rename".utf8) == true {
            guard let parent = fields["parent_base64"].flatMap(Base64.decode), let old = fields["old_base64"].flatMap(Base64.decode),
                  let new = fields["new_base64"].flatMap(Base64.decode), let inode = fields["inode"].flatMap({ UInt64($0) }) else { return nil }
            self.init(Rename(parent: RawPath(parent), oldName: old, newName: new, inode: inode, plan: fields["plan"] ?? "", sha256: fields["sha256"],
                             born: fields["born"].flatMap { Int64($0) } ?? 0))
            return
        }
        if fields["kind"]?.utf8.elementsEqual("root".utf8) == true {
            guard let folder = fields["root_base64"].flatMap(Base64.decode) else { return nil }
            self.init(root: RawPath(folder), mac: fields["mac"])
            return
        }
        if fields["kind"]?.utf8.elementsEqual("kept".utf8) == true {
            guard let path = fields["path_base64"].flatMap(Base64.decode) else { return nil }
            self.init(kept: RawPath(bytes: path))
            return
        }
        if fields["kind"]?.utf8.elementsEqual("staging".utf8) == true {
            guard let folder = fields["folder_base64"].flatMap(Base64.decode) else { return nil }
            self.init(stagingIn: RawPath(folder))
            return
        }
        guard let path = fields["path"].map(RawPath.init) ?? fields["path_base64"].flatMap(Base64.decode).map(RawPath.init(bytes:)),
              let mode = fields["mode"].flatMap({ UInt32($0) }),
              let before = fields["sha256_before"], let after = fields["sha256_after"], Self.isHash(before), Self.isHash(after),
              let original = fields["original_base64"].flatMap(Base64.decode) else { return nil }
        self.init(path: path, mode: mode, sha256Before: before, sha256After: after, original: original)
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
