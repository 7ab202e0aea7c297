import ArgumentParser
import MojifixKit
import MojifixCore
import MojifixWorkspace

/// Options shared by the commands that read one input.
struct InputOptions: ParsableArguments {
    @Argument(help: "A file to read, or - for standard input.")
    var input: String

    @OptionGroup var reading: ReadingOptions

    var displayName: String { ReadingOptions.displayName(input) }

    func repair() throws -> (input: [UInt8], result: RepairResult) { try reading.repair(input) }
}

/// How an input is read: `--from` and `--max-bytes` (also `repair`'s, whose argument is optional
/// with `--jsonl`).
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: "Read the input as this charset instead of detecting it (e.g. cp949, euc-kr, johab, utf-16le).")
    var from: String?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes (default 512 MiB, at most about 1.4 GB). With repair --jsonl: longer lines are passed through unrepaired (default 16 MiB).")
    var maxBytes: Int?

    @Flag(name: .long, help: "Also make lossy repairs: guess bytes lost before mojifix saw the text (U+FFFD, NBSP turned into a space). Without it they are only listed (explain, check).")
    var lossy = false

    var inputLimit: Int { maxBytes ?? 512 << 20 }

    /// The input's name for messages, hidden characters escaped (see `RawPath.display`).
    static func displayName(_ input: String) -> String { SingleInput.displayName(input) }

    var repairOptions: RepairOptions {
        RepairOptions(from: from.map(Charset.named), maxInputBytes: inputLimit, lossy: lossy)
    }

    /// Reads the input and repairs it, or exits with the documented code and a one-line message.
    func repair(_ input: String) throws -> (input: [UInt8], result: RepairResult) {
        try SingleInput.repair(input, options: repairOptions)
    }
}

extension ExitCode {
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}

extension ParsableCommand {
    /// Runs `body`, turning a WorkflowError into its message on stderr and its exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
            if let failed = FileIO.outputError() { throw failed }
        } catch let error as WorkflowError {
            FileIO.writeError("mojifix: error: \(error.message)\n")
            throw ExitCode(error.status)
        } catch let exit as ExitCode {
            // A command that ends with its own code still reports a failed stdout (exit 2).
            if let failed = FileIO.outputError() {
                FileIO.writeError("mojifix: error: \(failed.message)\n")
                throw exit.rawValue == 0 || exit.rawValue == 1 ? ExitCode(failed.status) : exit
            }
            throw exit
        }
    }
}
