import ArgumentParser
import MojifixKit
#if canImport(Glibc)
import Glibc
#endif
import MojifixCore
import MojifixWorkspace

/// `mojifix repair FILE|-`: the repaired UTF-8 text on standard output.
/// `mojifix repair --jsonl [--field F] [FILE|-]`: JSON Lines in, the same lines out, field F repaired.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Write the repaired UTF-8 text to standard output (the input file is not changed).",
        discussion: """
            With --jsonl, reads JSON Lines (standard input by default) and repairs one string field of \
            each line; every other byte is written back as it was, in the same order. Lines that are not \
            JSON objects, or longer than --max-bytes (default 16 MiB), are passed through unchanged with \
            a message, and the exit code is then 2.
            """
    )

    @Argument(help: "A file to read, or - for standard input (the default with --jsonl).")
    var input: String?

    @OptionGroup var reading: ReadingOptions

    @Flag(name: .long, help: "Read JSON Lines and repair one string field per line.")
    var jsonl = false

    @Option(name: .long, help: "With --jsonl: the field to repair (default: text); a dotted path such as meta.body reaches into nested objects.")
    var field: String?

    func validate() throws {
        if !jsonl {
            guard input != nil else { throw ValidationError("Missing expected argument '<input>'") }
            if field != nil { throw ValidationError("--field needs --jsonl") }
        } else if reading.from != nil {
            throw ValidationError("--from does not apply to --jsonl (JSON Lines are UTF-8)")
        } else if let limit = reading.maxBytes, limit <= 0 {
            throw ValidationError("--max-bytes must be positive")
        }
    }

    func run() throws {
        try reportingErrors {
            guard jsonl else {
                let (_, result) = try reading.repair(input!)
                FileIO.writeOutput(result.output)
                return
            }
            try runJSONLines()
        }
    }

    private func runJSONLines() throws {
        let path = input ?? "-"
        let job = JSONLinesRepair(field: JSONLineField(path: field ?? "text"), maxLineBytes: reading.maxBytes ?? 16 << 20, lossy: reading.lossy)
        let status = try job.run(path: path, name: ReadingOptions.displayName(path))
        if status != .clean { throw ExitCode(status) }
    }
}
