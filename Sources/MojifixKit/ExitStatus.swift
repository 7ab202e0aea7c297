/// How a run ended, as the process exit code the command line documents (pre-commit's fixer
/// convention, extended for batches: see the README's exit-code tables).
public enum ExitStatus: Int32, Sendable, Comparable {
    /// Nothing to change (`fix`: nothing changed; `check`: every file clean; other commands: success).
    case clean = 0
    /// Files were changed (or would be, in a dry run), or a finding fails the check.
    case changed = 1
    /// A file, folder or name could not be processed (the others were), or the journal is unreadable.
    case failure = 2
    /// No errors, but a legacy file's encoding is ambiguous: listed, never guessed.
    case ambiguous = 3
    /// The command line contradicts itself.
    case usage = 64

    /// Ordered by code: a worse outcome of a batch is never hidden by a milder one.
    public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
}

/// A one-line error and the exit status it ends the run with.
public struct WorkflowError: Error, CustomStringConvertible {
    /// What went wrong, naming the file or flag.
    public var message: String
    /// The exit status it ends the run with.
    public var status: ExitStatus
    public var description: String { message }

    /// An error ending the run with `status` (default: `.failure`).
    public init(_ message: String, _ status: ExitStatus = .failure) {
        self.message = message
        self.status = status
    }
}
