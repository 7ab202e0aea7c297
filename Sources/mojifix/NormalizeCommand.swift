import ArgumentParser
import MojifixKit
import MojifixCore
import MojifixMarkdown

/// `mojifix normalize FILE|-`: the Markdown normalised (no mojibake repair) on stdout.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise Markdown (whitespace, headings, emoji, invisible characters) without touching code, URLs or front matter; write it to stdout."
    )

    @Argument(help: "A Markdown file, or - for standard input.")
    var input: String

    @OptionGroup var normalize: NormalizeOptionsGroup
    @OptionGroup var report: ReportOptions

    func run() throws {
        try reportingErrors {
            let options = try normalize.options(reportAnchorChanges: report.report)
            let bytes = try SingleInput.readUTF8(input)
            let result = Normalizer(options: options).normalize(bytes)
            FileIO.writeOutput(result.output)
            report.printReport(result, input: bytes, file: input == "-" ? "<stdin>" : input)
        }
    }
}

/// `mojifix rules`: every normalisation rule with its kind and summary.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the normalisation rules.")

    func run() throws {
        try reportingErrors {
            for rule in RuleRegistry.rules {
                let state = RuleRegistry.defaultEnabled.contains(rule.name) ? "on " : "off"
                FileIO.writeOutput("\(rule.name.padding(24)) \(rule.kind.rawValue.padding(8)) \(state)  \(rule.summary)\n")
            }
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
