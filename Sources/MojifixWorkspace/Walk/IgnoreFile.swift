#if canImport(Glibc)
import Glibc
#endif

/// The patterns of one `.gitignore`, applied to paths below its folder. Git's rule: the last
/// matching line wins, and `!` re-includes (except inside an excluded folder, which the walker
/// never enters).
struct IgnoreFile: Sendable {
    let folder: RawPath          // absolute
    let patterns: [PathPattern]

    init(folder: RawPath, text: [UInt8]) {
        self.folder = folder
        self.patterns = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            return PathPattern(String(decoding: trimmed, as: UTF8.self), allowNegation: true)
        }
    }

    /// Loads `folder/.gitignore` when there is one.
    static func load(in folder: RawPath) -> IgnoreFile? {
        guard let text = try? AtomicFile.read(folder.appending(Array(".gitignore".utf8))).bytes else { return nil }
        let file = IgnoreFile(folder: folder, text: text)
        return file.patterns.isEmpty ? nil : file
    }

    /// true: ignored, false: re-included, nil: no line speaks of it.
    func verdict(_ absolute: RawPath, isDirectory: Bool) -> Bool? {
        guard absolute.isInside(folder), absolute.bytes.count > folder.bytes.count else { return nil }
        let relative = Array(absolute.bytes[(folder.bytes.count + (folder.bytes.last == UInt8(ascii: "/") ? 0 : 1))...])
        for pattern in patterns.reversed() where pattern.matches(relative, isDirectory: isDirectory) {
            return !pattern.negated
        }
        return nil
    }

    /// The `.gitignore` files of the folders above `folder`, up to the repository root (the first
    /// folder holding `.git`), outermost first; none when `folder` is not in a repository.
    static func ancestors(of folder: RawPath) -> [IgnoreFile] {
        guard let root = repositoryRoot(of: folder) else { return [] }
        var above: [RawPath] = []
        var current = folder
        while current.bytes != root.bytes {
            current = current.parentAndName.parent
            above.append(current)
        }
        return above.reversed().compactMap(load(in:))
    }

    /// The nearest folder at or above `folder` (an absolute path) holding `.git`; nil outside a repository.
    static func repositoryRoot(of folder: RawPath) -> RawPath? {
        var current = folder
        while true {
            if current.appending(Array(".git".utf8)).withCString({ access($0, F_OK) }) == 0 { return current }
            if current.bytes == Array("/".utf8) || current.bytes == Array(".".utf8) { return nil }
            current = current.parentAndName.parent
        }
    }
}
