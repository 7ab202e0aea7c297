#if canImport(Glibc)
import Glibc
#endif

/// Points the journal key (MojifixWorkspace's JournalKey) at a private temporary folder, for this
/// test process and every mojifix it starts, so the suites never make or read the key in the
/// user's home.
public enum IsolatedJournalKey {
    public static let folder: String = {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/mojifix-test-state-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot make a temporary folder in \(base)")
        let folder = String(cString: made!)
        setenv("MOJIFIX_STATE_DIR", folder, 1)
        atexit {
            unlink(IsolatedJournalKey.folder + "/journal-key")
            rmdir(IsolatedJournalKey.folder)
        }
        return folder
    }()

    public static func use() { _ = folder }
}
