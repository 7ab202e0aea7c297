import Foundation

/// A digest of a folder tree that sees names as bytes (Foundation would turn a CP949 name into
/// U+FFFD): every entry's relative path bytes, type, permission bits and content SHA-256.
/// Python's standard library does the walking, so the test does not trust the code under test.
enum ByteTreeDigest {
    static let script = """
        import hashlib, os, stat, sys
        root = os.fsencode(sys.argv[1]); skip = os.fsencode(sys.argv[2]) if len(sys.argv) > 2 else None
        rows = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if os.path.join(folder, d) != skip]
            for name in dirs + files:
                path = os.path.join(folder, name)
                info = os.lstat(path)
                data = b""
                if stat.S_ISREG(info.st_mode):
                    with open(path, "rb") as handle: data = handle.read()
                rows.append(os.path.relpath(path, root) + b"|%o|" % info.st_mode + hashlib.sha256(data).hexdigest().encode())
        print(hashlib.sha256(b"\\n".join(sorted(rows))).hexdigest(), len(rows))
        """

    /// "sha256 count" of the tree under `root`, leaving out the folder `skip` (the journal).
    static func of(_ root: URL, skipping skip: URL? = nil) throws -> String {
        try python([script, root.path] + (skip.map { [$0.path] } ?? []))
    }

    /// Runs `python3 -c SCRIPT ARGS...` and returns its trimmed stdout.
    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
