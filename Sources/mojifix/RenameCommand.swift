#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import MojifixCore
import MojifixKit
import MojifixWorkspace

/// `mojifix rename PATH...`: repairs garbled file and folder names (see FixNames). A dry run
/// unless --apply: a rename breaks every link and script that names the old path, so the user
/// reads the list first. `fix --names` is the same command under its first name.
struct RenameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename",
        abstract: "Repair garbled file and folder names; a dry run unless --apply (journaled; `mojifix undo` renames back).",
        discussion: """
            Repairs raw CP949 bytes, CP949 or UTF-8 shown as \(Misreading.nameCharsetsDescription), and \
            macOS's decomposed Hangul. Prints `would rename OLD -> NEW (plan)` for each name (--diff: git's rename \
            diff, which `git apply -p1` replays). Every PATH is renamed too (`rename *` renames the folders `*` \
            matched), except the current folder and those above it. Hidden entries, the journal folder and symlink \
            targets are never walked. A name whose bytes an extractor replaced with `?` or U+FFFD is reported as \
            unrecoverable, with how to extract it again keeping the raw bytes. Exit codes: 0 nothing to rename; \
            1 renamed (or would be, without --apply); 2 a name could not be repaired (collision, ambiguous reading, \
            unrecoverable, error); 64 usage error.
            """
    )

    @Argument(help: "Files or folders.")
    var paths: [String]

    @Flag(name: .long, help: "Rename (each folder's renames journaled first; `mojifix undo` renames back).")
    var apply = false

    @Flag(name: .long, help: "Write nothing; print git's rename diff of what would be renamed.")
    var diff = false

    @Option(name: .long, help: ArgumentHelp("Write a JSON report: per name its path, new name, plan and status.", valueName: "FILE.json"))
    var report: String?

    @Option(name: .long, help: "Journal folder for undo (default: as for `fix`).")
    var journal: String?

    @Option(name: .long, help: ArgumentHelp("Under folders, rename only files matching this glob (repeatable; folders are always considered).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files and folders matching this glob (repeatable; a folder is not entered).", valueName: "glob"))
    var exclude: [String] = []

    @OptionGroup var configFile: ConfigOptions

    func run() throws {
        try reportingErrors {
            if apply && diff { throw WorkflowError("--apply renames and --diff only previews: choose one", .usage) }
            if paths.contains("-") { throw WorkflowError("rename takes files or folders, not -", .usage) }
            let location = try JournalLocation(flag: journal, configuration: try configFile.load())
            let scope = FixNames.Scope(include: include.isEmpty ? nil : BatchFiles.patterns(include), exclude: BatchFiles.patterns(exclude))
            throw ExitCode(try FixNames.run(RawArguments.paths(paths), apply: apply, diff: diff, report: report, scope: scope, location: location))
        }
    }
}

/// The command line's own bytes for path arguments. Swift decodes argv as UTF-8 and puts U+FFFD
/// where a byte is not UTF-8, so a raw CP949 name passed (or globbed) on the command line is
/// looked up again in argv, in order, by that decoding.
enum RawArguments {
    static func paths(_ arguments: [String]) -> [RawPath] {
        let raw: [[UInt8]] = (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
        var next = 0
        return arguments.map { argument in
            let wanted = Array(argument.utf8)
            if let found = raw[next...].firstIndex(where: { Array(String(decoding: $0, as: UTF8.self).utf8) == wanted }) {
                next = found + 1
                return RawPath(raw[found])
            }
            return RawPath(wanted)
        }
    }
}
