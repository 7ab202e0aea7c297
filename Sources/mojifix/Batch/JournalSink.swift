import Synchronization
import MojifixWorkspace

/// The run file of a parallel `fix`, started on the first change; appends are serialised, and
/// each is on disk before its file is replaced.
final class JournalSink: Sendable {
    let journal: Journal
    private let run = Mutex<JournalRun?>(nil)

    init(folder: String) { journal = Journal(folder: folder) }

    func append(_ entry: JournalEntry) throws(AtomicFile.Failure) {
        try run.withLock { (run: inout JournalRun?) throws(AtomicFile.Failure) in
            if run == nil { run = try journal.start() }
            try run!.append(entry)
        }
    }

    var runName: String? { run.withLock { $0?.name } }
}
