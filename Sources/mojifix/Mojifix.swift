import ArgumentParser
import MojifixKit

@main
struct Mojifix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mojifix",
        abstract: "Repair mojibake reversibly: every change comes with a plan that can be replayed and inverted.",
        discussion: """
            Exit codes: 0 success; 2 error (unreadable path, binary or undecodable input, too large); \
            3 ambiguous legacy encoding (choose one with --from); 64 usage error.
            """,
        version: Version.text,
        subcommands: [RepairCommand.self, ExplainCommand.self, NormalizeCommand.self, FixCommand.self, RenameCommand.self, CheckCommand.self,
                      UndoCommand.self, JournalCommand.self, RulesCommand.self]
    )
}
