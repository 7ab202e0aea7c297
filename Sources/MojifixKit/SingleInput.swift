import MojifixCore
import MojifixWorkspace

/// One input of `repair`, `explain`, `normalize` and `fix -`: a path, or standard input for `-`.
package enum SingleInput {
    /// The input's name for messages, hidden characters escaped (see `RawPath.display`).
    package static func displayName(_ input: String) -> String { input == "-" ? "<stdin>" : RawPath(input).description }

    /// Reads the input and repairs it; a refusal is its one-line message and status (ambiguous,
    /// else failure).
    package static func repair(_ input: String, options: RepairOptions) throws(WorkflowError) -> (input: [UInt8], result: RepairResult) {
        let name = displayName(input)
        let bytes = try FileIO.readInput(input, limit: options.inputLimit, name: name)
        let repairer: Repairer
        do { repairer = try Repairer(options: options) } catch {
            throw WorkflowError("\(name): ICU failure: \(error)")
        }
        do {
            return (bytes, try repairer.repair(bytes))
        } catch {
            switch error {
            case .ambiguous, .ambiguousReading: throw WorkflowError("\(name): \(error)", .ambiguous)
            default: throw WorkflowError("\(name): \(error)")
            }
        }
    }

    /// Reads the input as UTF-8 text for the normaliser (which takes text, not legacy bytes).
    package static func readUTF8(_ input: String, limit: Int = 512 << 20) throws(WorkflowError) -> [UInt8] {
        let name = input == "-" ? "<stdin>" : input
        let bytes = try FileIO.readInput(input, limit: limit, name: name)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw WorkflowError("\(name): not valid UTF-8; run `mojifix fix` (repair, then normalise) instead")
        }
        return bytes
    }
}
