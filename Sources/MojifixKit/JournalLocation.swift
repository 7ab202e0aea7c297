import MojifixWorkspace

/// The journal folder of a run, and the guard that it never lies among the files it describes.
package struct JournalLocation {
    /// Absolute, as spelled: where runs are written and looked for.
    package let path: String
    /// With symlinks resolved, for the inside/outside comparisons.
    package let canonical: String

    /// `--journal DIR` (relative to the current folder), else `[journal] folder` of the
    /// configuration (relative to that file), else `.mojifix/journal` at the repository root, so
    /// `undo` from a subfolder finds what `fix` journaled from another.
    /// A configuration (a cloned repository's) may not put the journal outside the repository root,
    /// nor through a symlink out of it: only the command line can. Either way an existing folder
    /// must be a journal already (never `.git`, nor a folder of the user's; see Journal.checkIsJournal).
    package init(flag: String?, configuration: LoadedConfiguration?) throws {
        if let flag {
            path = Paths.absolute(flag)
        } else if let configuration, let folder = configuration.configuration.journalFolder {
            path = Paths.absolute(folder, from: Paths.parent(configuration.path))
            try Self.checkInsideRoot(path, "\(configuration.path): [journal] folder")
        } else {
            path = Paths.absolute(".mojifix/journal", from: FileIO.repositoryRoot())
            try Self.checkInsideRoot(path, "the journal folder")
        }
        canonical = Paths.canonical(path)
        do { try Journal.checkIsJournal(path) } catch { throw WorkflowError(error.description) }
    }

    /// The file lies in the journal folder (or is it).
    package func holds(_ file: String) -> Bool { Paths.isInside(Paths.canonical(file), canonical) }

    /// The journal folder would be the file, or lie below it.
    package func isWithin(_ file: String) -> Bool { Paths.isInside(canonical, Paths.canonical(file)) }

    private static func checkInsideRoot(_ path: String, _ what: String) throws {
        let root = Paths.canonical(FileIO.repositoryRoot())
        guard Paths.isInside(Paths.canonical(path), root) else {
            throw WorkflowError("\(what) \(path) leads outside the repository root \(root) (to \(Paths.canonical(path))); "
                                + "only --journal may put it there")
        }
    }
}
