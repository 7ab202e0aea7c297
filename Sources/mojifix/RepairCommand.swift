import ArgumentParser
import MojifixCore

/// `mojifix repair FILE|-`: the repaired UTF-8 text on standard output.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Write the repaired UTF-8 text to standard output (the input file is not changed)."
    )

    @OptionGroup var options: InputOptions

    func run() throws {
        try reportingErrors {
            let (_, result) = try options.repair()
            FileIO.writeOutput(result.output)
        }
    }
}
