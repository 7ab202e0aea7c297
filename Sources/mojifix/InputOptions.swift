import ArgumentParser
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

    @Option(name: .long, help: "Refuse inputs larger than this many bytes (default 512 MiB). With repair --jsonl: longer lines are passed through unrepaired (default 16 MiB).")
    var maxBytes: Int?

    @Flag(name: .long, help: "Also make lossy repairs: guess bytes lost before mojifix saw the text (U+FFFD, NBSP turned into a space). Without it they are only listed (explain, check).")
    var lossy = false

    var inputLimit: Int { maxBytes ?? 512 << 20 }

    /// The input's name for messages, hidden characters escaped (see `RawPath.display`).
    static func displayName(_ input: String) -> String { input == "-" ? "<stdin>" : RawPath(input).description }

    var repairOptions: RepairOptions {
        RepairOptions(from: from.map(Charset.named), maxInputBytes: inputLimit, lossy: lossy)
    }

    /// Reads the input and repairs it, or exits with the documented code and a one-line message.
    func repair(_ input: String) throws -> (input: [UInt8], result: RepairResult) {
        let name = Self.displayName(input)
        let bytes: [UInt8]
        do {
            bytes = try input == "-" ? FileIO.readStandardInput(limit: inputLimit) : FileIO.read(path: input, limit: inputLimit)
        } catch let error as FileIO.Failure {
            throw CLIError(message: "\(name): \(error)", code: 2)
        }
        let repairer: Repairer
        do { repairer = try Repairer(options: repairOptions) } catch {
            throw CLIError(message: "\(name): ICU failure: \(error)", code: 2)
        }
        return (bytes, try InputOptions.repair(bytes, with: repairer, name: name))
    }
}

extension InputOptions {
    /// Repairs bytes, turning a refusal into its one-line message and exit code (3 ambiguous, else 2).
    static func repair(_ bytes: [UInt8], with repairer: Repairer, name: String) throws -> RepairResult {
        do {
            return try repairer.repair(bytes)
        } catch {
            if case .ambiguous = error { throw CLIError(message: "\(name): \(error)", code: 3) }
            throw CLIError(message: "\(name): \(error)", code: 2)
        }
    }
}

extension InputOptions {
    /// Reads a path or stdin as UTF-8 text for the normaliser (which takes text, not legacy bytes).
    static func readUTF8(_ input: String, limit: Int = 512 << 20) throws -> [UInt8] {
        let name = input == "-" ? "<stdin>" : input
        let bytes: [UInt8]
        do {
            bytes = try input == "-" ? FileIO.readStandardInput(limit: limit) : FileIO.read(path: input, limit: limit)
        } catch let error as FileIO.Failure {
            throw CLIError(message: "\(name): \(error)", code: 2)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw CLIError(message: "\(name): not valid UTF-8; run `mojifix fix` (repair, then normalise) instead", code: 2)
        }
        return bytes
    }
}

/// A one-line error with its exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

extension ParsableCommand {
    /// Runs `body`, turning a CLIError into its message on stderr and its exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
            if let failed = FileIO.outputError() { throw failed }
        } catch let error as CLIError {
            FileIO.writeError("mojifix: error: \(error.message)\n")
            throw ExitCode(error.code)
        } catch let exit as ExitCode {
            // A command that ends with its own code still reports a failed stdout (exit 2).
            if let failed = FileIO.outputError() {
                FileIO.writeError("mojifix: error: \(failed.message)\n")
                throw ExitCode(exit.rawValue == 0 || exit.rawValue == 1 ? failed.code : exit.rawValue)
            }
            throw exit
        }
    }
}
