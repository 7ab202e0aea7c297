import MojifixMarkdown
import MojifixWorkspace
import TOMLKit

/// The repository's `.mojifix.toml`:
///
/// ```toml
/// profile = "precommit"          # safe | precommit | export
/// enable = ["prose-spaces"]       # rules turned on beyond the profile
/// disable = ["heading-spacing"]   # rules turned off
/// keep-crlf = false               # keep CRLF files CRLF
/// flavor = "kramdown"             # gfm | commonmark | kramdown | goldmark (detected when absent)
/// strip-security = false          # let security rules remove what they report
/// lossy = false                   # also make lossy mojibake repairs (guessed lost bytes)
/// exclude = ["tests/fixtures/**"] # files and folders fix and check leave out (globs)
///
/// [journal]
/// folder = "../mojifix-journal"   # where `fix` journals for `undo` (relative to this file)
/// ```
///
/// Unknown keys, profiles and rule names are errors, so a typo never silently does nothing.
public struct Configuration: Sendable, Equatable {
    /// `.mojifix.toml`, looked for from the current folder up to the repository root.
    public static let fileName = ".mojifix.toml"

    /// The rule set; nil: `safe`.
    public var profile: Profile?
    /// Rules turned on beyond the profile.
    public var enable: [String] = []
    /// Rules turned off.
    public var disable: [String] = []
    /// Keep CRLF files CRLF.
    public var keepCRLF: Bool?
    /// Let the security rules remove what they report.
    public var stripSecurity: Bool?
    /// The renderer; nil: detected from the repository's files.
    public var flavor: MarkdownFlavor?
    /// `[journal] folder`, as written (a relative path is relative to the configuration file).
    public var journalFolder: String?
    /// `lossy`: make lossy repairs (guessed lost bytes) too, as `--lossy` does.
    public var lossy: Bool?
    /// `exclude`: gitignore-style globs that `fix` and `check` leave out, as `--exclude` does.
    public var exclude: [String] = []

    /// A configuration as if read from a file holding these keys.
    public init(profile: Profile? = nil, enable: [String] = [], disable: [String] = [],
                keepCRLF: Bool? = nil, stripSecurity: Bool? = nil, journalFolder: String? = nil) {
        self.profile = profile; self.enable = enable; self.disable = disable
        self.keepCRLF = keepCRLF; self.stripSecurity = stripSecurity; self.journalFolder = journalFolder
    }

    /// Why a configuration was refused (not TOML, an unknown key, profile or rule, a wrong type).
    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// The reason, for a one-line message.
        public var description: String
    }

    static let keys: Set<String> = ["profile", "enable", "disable", "keep-crlf", "strip-security", "journal", "flavor", "lossy", "exclude"]

    /// Reads the text of a `.mojifix.toml`.
    public static func parse(_ text: String) throws(Failure) -> Configuration {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch {
            throw Failure(description: "not valid TOML: \((error as? TOMLParseError)?.description ?? "\(error)")")
        }
        var configuration = Configuration()
        for key in table.keys where !keys.contains(key) {
            throw Failure(description: "unknown key \"\(key)\" (known: \(keys.sorted().joined(separator: ", ")))")
        }
        if let value = table["profile"] {
            guard let name = value.string, let profile = Profile(rawValue: name) else {
                throw Failure(description: "profile must be one of \(Profile.names)")
            }
            configuration.profile = profile
        }
        configuration.enable = try names(table, "enable")
        configuration.disable = try names(table, "disable")
        configuration.keepCRLF = try flag(table, "keep-crlf")
        configuration.stripSecurity = try flag(table, "strip-security")
        configuration.journalFolder = try journalFolder(table)
        if let value = table["flavor"] {
            guard let name = value.string, let flavor = MarkdownFlavor(rawValue: name) else {
                throw Failure(description: "flavor must be one of \(MarkdownFlavor.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.flavor = flavor
        }
        configuration.lossy = try flag(table, "lossy")
        configuration.exclude = try strings(table, "exclude")
        return configuration
    }

    private static func journalFolder(_ table: TOMLTable) throws(Failure) -> String? {
        guard let value = table["journal"] else { return nil }
        guard let journal = value.table else { throw Failure(description: "journal must be a table ([journal] folder = \"...\")") }
        for key in journal.keys where key != "folder" {
            throw Failure(description: "journal: unknown key \"\(key)\" (known: folder)")
        }
        guard let folder = journal["folder"] else { return nil }
        guard let path = folder.string, !path.isEmpty else { throw Failure(description: "journal.folder must be a non-empty string") }
        return path
    }

    /// `key`'s array of rule names (each one known).
    private static func names(_ table: TOMLTable, _ key: String) throws(Failure) -> [String] {
        try strings(table, key, of: "rule names") { item throws(Failure) in
            guard let name = item.string, RuleRegistry.rule(named: name) != nil else {
                throw Failure(description: "\(key): unknown rule \(item.string.map { "\"\($0)\"" } ?? "value") (see `mojifix rules`)")
            }
            return name
        }
    }

    /// `key`'s array of non-empty strings.
    private static func strings(_ table: TOMLTable, _ key: String) throws(Failure) -> [String] {
        try strings(table, key, of: "strings") { item throws(Failure) in
            guard let string = item.string, !string.isEmpty else { throw Failure(description: "\(key) must be an array of non-empty strings") }
            return string
        }
    }

    /// `key`'s array (none: empty), each item checked by `read`.
    private static func strings(_ table: TOMLTable, _ key: String, of what: String,
                                _ read: (TOMLValueConvertible) throws(Failure) -> String) throws(Failure) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw Failure(description: "\(key) must be an array of \(what)") }
        var strings: [String] = []
        for item in array { strings.append(try read(item)) }
        return strings
    }

    private static func flag(_ table: TOMLTable, _ key: String) throws(Failure) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw Failure(description: "\(key) must be true or false") }
        return flag
    }

    /// The options this configuration gives, before command-line flags.
    public func options() -> NormalizeOptions {
        var options = NormalizeOptions(profile: profile ?? .safe, enable: enable, disable: disable)
        options.keepCRLF = keepCRLF ?? false
        options.stripSecurityCharacters = stripSecurity ?? false
        options.flavor = flavor ?? .gfm
        return options
    }
}

/// A configuration and the absolute path of the file it came from (a relative `[journal] folder`
/// is relative to it).
package struct LoadedConfiguration {
    package var configuration: Configuration
    package var path: String

    /// `explicit` (`--config FILE`), else the nearest `.mojifix.toml` from the current folder up to
    /// the repository root (the folder holding `.git`); nil when there is none.
    package static func load(explicit: String?) throws(WorkflowError) -> LoadedConfiguration? {
        guard let path = explicit ?? FileIO.findUpwards(Configuration.fileName, stopAt: ".git") else { return nil }
        do {
            let bytes = try FileIO.read(path: path, limit: 1 << 20, regularOnly: true)
            return LoadedConfiguration(configuration: try Configuration.parse(String(decoding: bytes, as: UTF8.self)), path: Paths.absolute(path))
        } catch {
            throw WorkflowError("\(path): \(error)")
        }
    }
}
