import ArgumentParser
import MojifixKit
import MojifixCore
import MojifixMarkdown

/// Options of the commands that normalise Markdown: the rule set, from the configuration file
/// and then the command line.
struct NormalizeOptionsGroup: ParsableArguments {
    @Option(name: .long, help: "Rule set: safe (default), precommit, export (also the opt-in rules).")
    var profile: String?

    @OptionGroup var configFile: ConfigOptions

    @Option(name: .long, help: "Turn a rule on (repeatable; see `mojifix rules`).")
    var enable: [String] = []

    @Option(name: .long, help: "Turn a rule off (repeatable).")
    var disable: [String] = []

    @Option(name: .long, help: "The site's renderer: gfm, commonmark, kramdown, goldmark (default: .mojifix.toml's flavor, else detected: Jekyll -> kramdown, Hugo -> goldmark, else gfm).")
    var flavor: String?

    @Flag(name: .long, help: "Keep CRLF line endings in files that use them.")
    var keepCRLF = false

    @Flag(name: .long, help: "Remove the characters the security-characters rule reports, instead of only reporting them.")
    var stripSecurity = false

    /// The configuration file's options (`loaded`, else read now), then the command line's on top.
    func options(_ loaded: LoadedConfiguration? = nil, reportAnchorChanges: Bool = false) throws -> NormalizeOptions {
        for name in enable + disable where RuleRegistry.rule(named: name) == nil {
            throw WorkflowError("unknown rule \"\(name)\" (see `mojifix rules`)", .usage)
        }
        if let both = enable.first(where: disable.contains) {
            throw WorkflowError("--enable \(both) and --disable \(both) contradict each other", .usage)
        }
        let loaded = try loaded ?? configFile.load()
        var configuration = loaded?.configuration ?? Configuration()
        if let profile {
            guard let chosen = Profile(rawValue: profile) else {
                throw WorkflowError("unknown profile \"\(profile)\" (\(Profile.names))", .usage)
            }
            configuration.profile = chosen
        }
        var options = configuration.options()
        options.enabledRules.formUnion(enable)
        options.enabledRules.subtract(disable)
        options.suggestedRules.subtract(disable)
        if keepCRLF { options.keepCRLF = true }
        if stripSecurity { options.stripSecurityCharacters = true }
        options.reportAnchorChanges = reportAnchorChanges
        options.flavor = try flavorChoice(loaded).flavor
        return options
    }

    /// The flavour and where it comes from: `--flavor`, the configuration, or the repository's
    /// files (from the current folder up to the one holding `.git`).
    func flavorChoice(_ loaded: LoadedConfiguration?) throws -> (flavor: MarkdownFlavor, source: String) {
        if let flavor {
            guard let chosen = MarkdownFlavor(rawValue: flavor) else {
                throw WorkflowError("unknown flavor \"\(flavor)\" (\(MarkdownFlavor.allCases.map(\.rawValue).joined(separator: ", ")))", .usage)
            }
            return (chosen, "--flavor")
        }
        if let configured = loaded?.configuration.flavor { return (configured, loaded?.path ?? Configuration.fileName) }
        let detected = MarkdownFlavor.detect { FileIO.findUpwards($0, stopAt: ".git") != nil }
        return (detected.flavor, detected.reason == "default" ? "default" : "detected from \(detected.reason)")
    }
}

/// `--report [--json]`: the normaliser's changes and findings on stderr.
struct ReportOptions: ParsableArguments {
    @Flag(name: .long, help: "List every change and finding on stderr as `path:line:col: rule: message`.")
    var report = false

    @Flag(name: .long, help: "With --report, print the findings as JSON on stderr.")
    var json = false

    /// Prints the findings of a normalisation (to stderr) when asked.
    func printReport(_ result: Normalizer.Result, input: [UInt8], file: String) {
        guard report else { return }
        FileIO.writeError(json ? NormalizeReport.json(result, input: input, file: file) : NormalizeReport.text(result, input: input, file: file))
    }
}
