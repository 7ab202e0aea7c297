import MojifixWorkspace

/// The journal's runs as the commands choose and undo them: `undo` (the last run, named runs,
/// the last run's group, or every pending run) and the sizes `journal` prints.
package struct JournalRuns {
    package let location: JournalLocation
    package let journal: Journal

    /// `root`: the folder the journal's paths are relative to (default: the repository root of
    /// the current folder).
    package init(location: JournalLocation, root: String? = nil) {
        self.location = location
        journal = Journal(folder: location.path, root: Beneath(root: root ?? FileIO.repositoryRoot()))
    }

    /// Which pending runs to undo, oldest first as they must be undone in reverse: `names` (each
    /// must be pending), else every run with `all`, else the last run's group with `group`, else
    /// the last run.
    package func choose(names: [String], all: Bool, group: Bool) throws(WorkflowError) -> [String] {
        let pending: [Journal.Run]
        do { pending = try journal.pending() } catch { throw WorkflowError("\(error)") }
        var chosen: [String]
        if !names.isEmpty {
            for name in names where !pending.contains(where: { $0.name == name }) {
                throw WorkflowError("\(name): not a pending run of \(location.path) (see `mojifix journal list`)")
            }
            chosen = pending.map(\.name).filter(names.contains)
        } else if all {
            chosen = pending.map(\.name)
        } else if group, let last = pending.last {
            chosen = pending.filter { $0.group == last.group }.map(\.name)
        } else {
            chosen = pending.last.map { [$0.name] } ?? []
        }
        guard !chosen.isEmpty else { throw WorkflowError("nothing to undo in \(location.path)") }
        return chosen.reversed()
    }

    /// What undoing runs did: the summary line's counts, and whether something was refused.
    package struct Undone {
        package var summary = JournalUndo.Summary()
        package var refused = false
    }

    /// Undoes `runs` in order, newest first. `start` gets the number of entries before any is
    /// undone (for a progress bar); `event` each restored file, renamed-back name or refusal.
    package func undo(_ runs: [String], start: (Int) -> Void = { _ in },
                      event: (JournalUndo.Event) -> Void) throws(WorkflowError) -> Undone {
        let undo = JournalUndo(journal: journal)
        var plans: [(String, [JournalEntry])] = []
        for run in runs {
            do { plans.append((run, try undo.entries(of: run))) } catch { throw WorkflowError("\(error)") }
        }
        try checkNoNewerRun(touches: plans)
        start(plans.reduce(0) { $0 + $1.1.count })
        var done = Undone()
        for (run, entries) in plans {
            let complete = undo.undo(run, entries, summary: &done.summary, event: event)
            done.refused = done.refused || !complete
        }
        return done
    }

    /// Refuses to undo a run when a newer pending run, not undone with it, rewrote one of its files
    /// again: restoring the older original over the newer run's output would leave that run
    /// refused forever, and the version it replaced (the user's edit in between) only in its
    /// journal. (A newer rewrite inside a folder an older run renamed is fine: undo follows it.)
    private func checkNoNewerRun(touches plans: [(String, [JournalEntry])]) throws(WorkflowError) {
        let chosen = Set(plans.map(\.0))
        let pending: [Journal.Run]
        do { pending = try journal.pending() } catch { throw WorkflowError("\(error)") }
        // Each newer run's files, read once however many chosen runs it is newer than.
        var rewrittenBy: [String: [RawPath]] = [:]
        for (run, entries) in plans {
            guard let position = pending.firstIndex(where: { $0.name == run }) else { continue }
            let rewritten = Set(entries.compactMap(Self.rewritten))
            guard !rewritten.isEmpty else { continue }
            for newer in pending[(position + 1)...] where !chosen.contains(newer.name) {
                let later = rewrittenBy[newer.name] ?? ((try? journal.entries(of: newer.name)) ?? []).compactMap(Self.rewritten)
                rewrittenBy[newer.name] = later
                if let path = later.first(where: rewritten.contains) {
                    throw WorkflowError("\(run): \(path.display) was rewritten again by the newer pending run \(newer.name); "
                                        + "undo that one first (or both: `mojifix undo \(newer.name) \(run)`); nothing undone")
                }
            }
        }
    }

    /// The file (relative to the root) a content entry rewrote.
    private static func rewritten(_ entry: JournalEntry) -> RawPath? {
        if case .content(let content) = entry.change { return content.path }
        return nil
    }

    /// `12.3 KB`
    package static func size(_ bytes: Int64) -> String {
        bytes < 1000 ? "\(bytes) B" : bytes < 1_000_000 ? "\(Double(bytes / 100) / 10) KB" : "\(Double(bytes / 100_000) / 10) MB"
    }
}
