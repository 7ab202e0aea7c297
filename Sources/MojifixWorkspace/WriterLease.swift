import CMojifixFS
import Glibc

/// A read lease on a file about to be replaced. While it is held no other process has the file
/// open for writing: a process appending to a log keeps writing into the file it opened, which the
/// replacement unlinks, so its lines would be lost. A process that opens the file for writing
/// meanwhile breaks the lease (`broken`) and waits until it is let go.
struct WriterLease {
    enum Outcome {
        case held(WriterLease)
        /// Another process has the file open for writing.
        case openForWriting
        /// The file system or the caller cannot take leases (not the file's owner, NFS): nothing
        /// can be told, and the stamp and hash checks alone guard the replacement.
        case unavailable
    }

    private let fd: Int32

    static func take(in folder: Int32, _ name: [UInt8]) -> Outcome {
        let fd = RawPath(name).withCString { mj_open_beneath(folder, $0, O_RDONLY | O_NONBLOCK) }
        guard fd >= 0 else { return .unavailable }
        if mj_take_read_lease(fd) == 0 { return .held(WriterLease(fd: fd)) }
        let error = errno
        close(fd)
        return error == EAGAIN ? .openForWriting : .unavailable
    }

    /// Another process asked to open the file for writing since the lease was taken.
    var broken: Bool { mj_lease_broken(fd) != 0 }

    func release() {
        _ = mj_release_lease(fd)
        close(fd)
    }
}
