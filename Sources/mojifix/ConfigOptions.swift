import ArgumentParser
import MojifixKit
import MojifixMarkdown
import MojifixWorkspace

/// `--config FILE` / `--no-config`: which `.mojifix.toml` applies.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Read this configuration instead of the repository's .mojifix.toml.")
    var config: String?

    @Flag(name: .long, help: "Ignore any .mojifix.toml.")
    var noConfig = false

    /// `--config FILE`, else the nearest `.mojifix.toml` (see LoadedConfiguration); nil with `--no-config`.
    func load() throws -> LoadedConfiguration? {
        noConfig ? nil : try LoadedConfiguration.load(explicit: config)
    }
}
