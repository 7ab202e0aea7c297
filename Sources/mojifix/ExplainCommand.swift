import ArgumentParser
import MojifixKit
import MojifixCore

/// `mojifix explain FILE|-`: every change with its chain and confidence, or the plan as JSON.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show each repaired span before and after, with its chain and confidence."
    )

    @OptionGroup var options: InputOptions

    @Flag(name: .long, help: "Print the plan as JSON.")
    var json = false

    @Flag(name: .long, help: "Replay the plan through ICU and invert it, and say whether both give back the exact bytes.")
    var verify = false

    func run() throws {
        try reportingErrors {
            let (input, result) = try options.repair()
            var verified: Bool? = nil
            if verify {
                let replayer = PlanReplayer()
                let replayed = try? replayer.replay(result.plan, on: input)
                let inverted = try? replayer.invert(result.plan, on: result.output)
                verified = replayed == result.output && inverted == input
            }
            if verified == false { throw WorkflowError("\(options.displayName): plan verification failed") }
            if json {
                // JSON keeps the exact name (its quoting escapes what must be).
                FileIO.writeOutput(PlanJSON.document(file: options.input == "-" ? "<stdin>" : options.input, input: input, result: result, verified: verified))
            } else {
                FileIO.writeOutput(PlanText.document(file: options.displayName, input: input, result: result, verified: verified))
            }
        }
    }
}
