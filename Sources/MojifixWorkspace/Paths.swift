#if canImport(Glibc)
import Glibc
#endif

/// Path arithmetic on strings, so that "is this file inside that folder?" compares the same
/// spelling whatever `./`, `..` or symlinked folders the user typed.
package enum Paths {
    /// The current folder, or "/" when it cannot be read.
    package static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
    }

    /// `path` made absolute against `base` (default: the current folder), with `.`, `..` and
    /// repeated slashes resolved by spelling alone.
    package static func absolute(_ path: String, from base: String? = nil) -> String {
        String(decoding: RawPath(path).absolute(from: base.map(RawPath.init)).bytes, as: UTF8.self)
    }

    /// The folder part of an absolute path ("/" for a top-level entry).
    package static func parent(_ absolutePath: String) -> String {
        guard let slash = absolutePath.lastIndex(of: "/"), slash != absolutePath.startIndex else { return "/" }
        return String(absolutePath[..<slash])
    }

    /// The absolute path with every symlink of its longest existing prefix resolved; the part that
    /// does not exist yet (a journal folder not created yet) is kept as spelled.
    package static func canonical(_ path: String) -> String {
        var head = absolute(path)
        var tail: [String] = []
        while true {
            if let resolved = realpath(head, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.reversed().joined(separator: "/")
            }
            if head == "/" { return absolute(path) }
            tail.append(String(head[head.index(after: head.lastIndex(of: "/")!)...]))
            head = parent(head)
        }
    }

    /// Whether canonical `path` is `folder` itself or lies below it.
    package static func isInside(_ path: String, _ folder: String) -> Bool {
        RawPath(path).isInside(RawPath(folder))
    }

    /// Creates a folder and its missing parents (`mkdir -p`); failures show up at the first write.
    package static func createFolders(_ folder: String) {
        var path = ""
        for part in absolute(folder).split(separator: "/") {
            path += "/" + part
            mkdir(path, 0o755)
        }
    }
}
