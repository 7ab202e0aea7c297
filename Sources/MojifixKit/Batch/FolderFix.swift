#if canImport(Glibc)
import Glibc
#endif
import MojifixWorkspace

/// `fix PATH...` in place: every file repaired and normalised on every core, each change written
/// atomically below the repository root and journaled first, so `undo` restores every byte.
/// With `dryRun` or `diff` nothing is written (`diff` keeps each change's unified diff).
package struct FolderFix {
    package var settings: BatchSettings
    package var location: JournalLocation
    package var dryRun = false
    package var diff = false
    /// Rewrite read-only files too (keeping their mode).
    package var force = false
    package var showProgress = false
    /// Files are written only below this folder (default: the repository root of the current folder).
    package var root: String? = nil

    package init(settings: BatchSettings, location: JournalLocation, root: String? = nil) {
        self.settings = settings
        self.location = location
        self.root = root
    }

    /// What a run did: the report, and the journal run it wrote (nil: nothing written) with its size.
    package struct Run {
        package var report: BatchReport
        package var journalRun: String?
        package var journalSize: Int64
        package var writing: Bool
    }

    package func run(_ walked: BatchFiles) throws -> Run {
        var files = walked.files
        if let file = files.first(where: { $0.string.map(location.isWithin) ?? false }) {
            throw WorkflowError("journal folder \(location.path) is \(file), one of the files being fixed; choose another with --journal")
        }
        // Never rewrite the journal's own files: `undo` must find them as they were written.
        let inJournal = files.filter { $0.string.map(location.holds) ?? false }
        files.removeAll { $0.string.map(location.holds) ?? false }
        let writing = !dryRun && !diff
        if writing {
            // A key that cannot be had stops the run once, before any file is read (not once per file).
            do { _ = try Journal.key() } catch { throw WorkflowError("\(error)") }
            Self.removeStaleTemporaries(in: files.map(\.parentAndName.parent))
        }
        let root = Beneath(root: self.root ?? FileIO.repositoryRoot())
        let writer = JournaledWriter(journal: Journal(folder: location.path, root: root))
        let diff = diff, force = force
        var outcomes = try settings.run(files, showProgress: showProgress) { work, path in
            work.process(path) { original, stamp, output, outcome in
                guard outcome.changed else { return }
                if diff {
                    outcome.diff = UnifiedDiff.make(old: original, new: output, name: GitPath.patchPath(path.bytes))
                }
                guard writing else { return }
                do throws(AtomicFile.Failure) {
                    // The path the kernel resolves (`link/../x.md`), below the root; journaled as written.
                    let relative = try root.relative(path)
                    outcome.relative = relative
                    try writer.replace(relative, with: output, entry: JournalEntry(path: relative, mode: stamp.mode & 0o7777, sha256Before: outcome.sha256Before!,
                                                                                    sha256After: outcome.sha256After!, original: original),
                                       stamp: stamp, force: force)
                } catch {
                    outcome.status = error.kind == .skipped ? .skipped : .error
                    outcome.leftAsWritten = error.kind == .skipped
                    outcome.message = "\(error)"
                }
            }
        }
        outcomes += inJournal.map { FileOutcome(path: $0, status: .skipped, message: "\($0): inside the journal folder \(location.path)") }
        let (run, failed, journalSize) = writer.finish()
        for failure in failed {
            if let index = outcomes.firstIndex(where: { $0.relative == failure.path }) {
                outcomes[index].status = .error; outcomes[index].message = failure.message
            }
        }
        return Run(report: BatchReport(outcomes: outcomes, problems: walked.problems, leftOut: walked.leftOut),
                   journalRun: run.map { location.path + "/" + $0 }, journalSize: journalSize, writing: writing)
    }

    /// Removes what writers killed mid-write left in these folders (never a live process's:
    /// pre-commit runs several `fix` at once).
    static func removeStaleTemporaries(in folders: [RawPath]) {
        var seen = Set<RawPath>()
        for folder in folders where seen.insert(folder).inserted {
            let fd = folder.withCString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
            guard fd >= 0 else { continue }
            for name in AtomicFile.removeStaleTemporaries(in: fd) {
                FileIO.writeError("mojifix: removed \(folder.absolute.appending(name)), a temporary file of a killed run\n")
            }
            close(fd)
        }
    }
}
