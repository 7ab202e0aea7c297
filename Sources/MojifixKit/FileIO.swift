#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MojifixWorkspace

/// Byte-exact reading and writing with POSIX calls (clear errno messages, no Foundation start-up).
package enum FileIO {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        package init(_ description: String) { self.description = description }
        package static func errno(_ what: String = "") -> Failure {
            Failure(what + String(cString: strerror(Glibc.errno)).lowercasedFirst)
        }
    }

    /// `regularOnly`: a configuration must be a regular file (a FIFO would block the read forever;
    /// it is opened without blocking and refused).
    package static func read(path: String, limit: Int, regularOnly: Bool = false) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard fd >= 0 else { throw Failure.errno() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure.errno() }
        if info.st_mode & S_IFMT == S_IFDIR { throw Failure("is a directory") }
        if regularOnly && info.st_mode & S_IFMT != S_IFREG { throw Failure("not a regular file; not read") }
        if info.st_mode & S_IFMT == S_IFREG && Int(info.st_size) > limit {
            throw Failure("file is \(info.st_size) bytes, over the \(limit)-byte limit; not changed")
        }
        return try readAll(fd, limit: limit, sizeHint: Int(info.st_size))
    }

    /// A path's bytes, or standard input's for `-`; a failure names the input (`name`).
    package static func readInput(_ input: String, limit: Int, name: String) throws(WorkflowError) -> [UInt8] {
        do {
            return try input == "-" ? readStandardInput(limit: limit) : read(path: input, limit: limit)
        } catch {
            throw WorkflowError("\(name): \(error)")
        }
    }

    package static func readStandardInput(limit: Int) throws -> [UInt8] {
        try readAll(STDIN_FILENO, limit: limit, sizeHint: 0)
    }

    /// Reads into the array itself (no chunk copies), sized from the hint plus one byte so that a
    /// file of the hinted size ends with a read of 0; doubled when the input is longer.
    private static func readAll(_ fd: Int32, limit: Int, sizeHint: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(sizeHint, 1 << 12) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if Glibc.errno == EINTR { continue }
                throw Failure.errno()
            }
            if n == 0 { break }
            count += n
            if count > limit { throw Failure("input is over the \(limit)-byte limit; not changed") }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The repository root: the nearest folder, from the current one up, that holds
    /// `.mojifix.toml` or `.git`; the current folder when none does.
    package static func repositoryRoot() -> String {
        let start = Paths.currentFolder()
        var folder = start
        while true {
            for marker in [".mojifix.toml", ".git"] where access((folder == "/" ? "" : folder) + "/" + marker, F_OK) == 0 {
                return folder
            }
            if folder == "/" { return start }
            folder = Paths.parent(folder)
        }
    }

    /// The path of `name` in the current folder or the nearest parent, not looking above the
    /// first folder that holds `stopAt` (the repository root).
    package static func findUpwards(_ name: String, stopAt marker: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        var folder = String(cString: buffer)
        while true {
            let candidate = folder == "/" ? "/" + name : folder + "/" + name
            if access(candidate, F_OK) == 0 { return candidate }
            let markerPath = folder == "/" ? "/" + marker : folder + "/" + marker
            if access(markerPath, F_OK) == 0 || folder == "/" { return nil }
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
            if folder.isEmpty { folder = "/" }
        }
    }

    /// The errno of the first failed write to stdout (0: none). Every command ends through
    /// `reportingErrors`, which turns it into exit 2 with a message (EPIPE, the reader gone, stays quiet).
    package nonisolated(unsafe) static var outputFailure: Int32 = 0

    /// Writes all of `bytes` to stdout; false when it is refused (EPIPE: the reader went away;
    /// ENOSPC: /dev/full, a full disk). After a failure nothing more is written.
    @discardableResult
    package static func writeOutput(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeOutput($0) }
    }

    @discardableResult
    package static func writeOutput(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard outputFailure == 0 else { return false }
        if write(STDOUT_FILENO, bytes) { return true }
        outputFailure = Glibc.errno
        return false
    }

    /// A failed write to stdout as an error (nil: none, or the reader went away).
    package static func outputError() -> WorkflowError? {
        guard outputFailure != 0, outputFailure != EPIPE else { return nil }
        return WorkflowError("writing standard output: \(String(cString: strerror(outputFailure)).lowercasedFirst)")
    }

    package static func writeOutput(_ text: String) {
        writeOutput(Array(text.utf8))
    }

    package static func writeError(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(STDERR_FILENO, $0) }
    }

    private static func write(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 { if Glibc.errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }
}

extension String {
    package var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
