#if canImport(Glibc)
import Glibc
#endif

/// Whether a folder may serve as a journal. `start` makes the folder private (0700), drops a
/// `.gitignore` of `*` in it and appends to its `index`, and `prune` rewrites that index: done to
/// a folder of the user's (`.git`, whose `index` is git's binary index; a site's content folder;
/// notes with their own `index`) that corrupts, hides or empties their files. So a folder is used
/// only when mojifix makes it, or when it is one mojifix made: an index whose every line is a run
/// line, or, while it has no index line yet (a parallel run is making it; a mojifix that kept no
/// index made it), nothing in it but what mojifix writes there.
extension Journal {
    /// Throws, in one line, unless the folder may be used: never `.git` nor a folder inside one;
    /// an existing folder only when it is a journal.
    package func checkIsJournal() throws(AtomicFile.Failure) { try Self.checkIsJournal(folder) }

    package static func checkIsJournal(_ folder: String) throws(AtomicFile.Failure) {
        if Paths.canonical(folder).split(separator: "/").contains(".git") {
            throw refusal(folder, "it is git's own folder .git or lies inside it")
        }
        var info = stat()
        guard lstat(folder, &info) == 0 else { return }
        guard info.st_mode & S_IFMT != S_IFLNK else { return }   // refused as untrusted when used
        guard info.st_mode & S_IFMT == S_IFDIR else { throw refusal(folder, "not a folder") }
        if let lines = try indexLines(of: folder), !lines.isEmpty { return }
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard !isMojifixEntry(name, in: folder) else { continue }
            throw refusal(folder, "it holds \(RawPath(name)), which mojifix does not write there")
        }
    }

    /// The complete lines of the index (nil: no index), each a run line, or why not: a line
    /// mojifix did not write makes the folder someone else's. An unterminated last line (an
    /// append cut short) is left out; `start` cuts it off before appending.
    static func indexLines(of folder: String) throws(AtomicFile.Failure) -> [ArraySlice<UInt8>]? {
        var info = stat()
        guard lstat(folder + "/index", &info) == 0 else { return nil }
        var lines = try AtomicFile.read(folder + "/index").bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast()
        // (Lines of NUL bytes: what a crash can leave at the end of an append.)
        for line in lines where !Self.isIndexLine(line) && !line.allSatisfy({ $0 == 0 }) {
            throw refusal(folder, "its index has a line mojifix did not write: \"\(RawPath(Array(line.prefix(40))))\"")
        }
        return lines
    }

    /// `<run>.jsonl <group>`. The group is whatever follows: what mojifix writes now has no
    /// spaces or control characters, but earlier versions wrote `MOJIFIX_GROUP` as it was (an
    /// escape sequence in it must not lock its user out of undo); the run name alone tells.
    static func isIndexLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let space = line.firstIndex(of: 0x20) else { return false }
        return isRunName(String(decoding: line[..<space], as: UTF8.self)) && space + 1 < line.endIndex
    }

    /// What `start`, `markUndone`, `prune` and the temporary files of a rewritten index leave.
    private static func isMojifixEntry(_ name: [UInt8], in folder: String) -> Bool {
        let text = String(decoding: name, as: UTF8.self)
        if text == "." || text == ".." || isRunName(text) || AtomicFile.writerPid(ofTemporary: name) != nil { return true }
        if text.hasSuffix(".undone") && isRunName(String(text.dropLast(7))) { return true }
        // Empty: a parallel run has made it and not yet written its line.
        if text == ".gitignore" { return [[], Array("*\n".utf8)].contains((try? AtomicFile.read(folder + "/.gitignore").bytes) ?? [0]) }
        if text == "index" { return (try? AtomicFile.read(folder + "/index").bytes.isEmpty) == true }
        return false
    }

    private static func refusal(_ folder: String, _ why: String) -> AtomicFile.Failure {
        AtomicFile.Failure(description: "\(folder): not a mojifix journal, left alone (\(why)); "
                           + "choose a new folder with --journal or [journal] folder")
    }
}
