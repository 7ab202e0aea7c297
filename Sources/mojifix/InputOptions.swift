import ArgumentParser
import MojifixCore

/// Options shared by the commands that read one input.
struct InputOptions: ParsableArguments {
    @Argument(help: "A file to read, or - for standard input.")
    var input: String

    @Option(name: .long, help: "Read the input as this charset instead of detecting it (e.g. cp949, euc-kr, johab, utf-16le).")
    var from: String?

    @Option(name: .long, help: "Refuse inputs larger than this many bytes.")
    var maxBytes: Int = 512 << 20

    var displayName: String { input == "-" ? "<stdin>" : input }

    var repairOptions: RepairOptions {
        RepairOptions(from: from.map(Charset.named), maxInputBytes: maxBytes)
    }

    /// Reads the input and repairs it, or exits with the documented code and a one-line message.
    func repair() throws -> (input: [UInt8], result: RepairResult) {
        let bytes: [UInt8]
        do {
            bytes = try input == "-" ? FileIO.readStandardInput(limit: maxBytes) : FileIO.read(path: input, limit: maxBytes)
        } catch let error as FileIO.Failure {
            throw CLIError(message: "\(displayName): \(error)", code: 2)
        }
        do {
            let repairer = try Repairer(options: repairOptions)
            return (bytes, try repairer.repair(bytes))
        } catch let error as RepairError {
            if case .ambiguous = error { throw CLIError(message: "\(displayName): \(error)", code: 3) }
            throw CLIError(message: "\(displayName): \(error)", code: 2)
        } catch {
            throw CLIError(message: "\(displayName): ICU failure: \(error)", code: 2)
        }
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
        } catch let error as CLIError {
            FileIO.writeError("mojifix: error: \(error.message)\n")
            throw ExitCode(error.code)
        }
    }
}
