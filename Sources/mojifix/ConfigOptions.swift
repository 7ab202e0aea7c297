import ArgumentParser
import MojifixMarkdown
import MojifixWorkspace

/// `--config FILE` / `--no-config`: which `.mojifix.toml` applies.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Read this configuration instead of the repository's .mojifix.toml.")
    var config: String?

    @Flag(name: .long, help: "Ignore any .mojifix.toml.")
    var noConfig = false

    /// A configuration and the absolute path of the file it came from.
    struct Loaded {
        var configuration: Configuration
        var path: String
    }

    /// `--config FILE`, else the nearest `.mojifix.toml` from the current folder up to the
    /// repository root (the folder holding `.git`); nil when there is none or `--no-config`.
    func load() throws -> Loaded? {
        guard !noConfig else { return nil }
        guard let path = try config ?? FileIO.findUpwards(Configuration.fileName, stopAt: ".git") else { return nil }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path: path, limit: 1 << 20, regularOnly: true) } catch {
            throw CLIError(message: "\(path): \(error)", code: 2)
        }
        do {
            return Loaded(configuration: try Configuration.parse(String(decoding: bytes, as: UTF8.self)), path: Paths.absolute(path))
        } catch {
            throw CLIError(message: "\(path): \(error)", code: 2)
        }
    }
}
