// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mojifix",
    products: [
        .library(name: "MojifixCore", targets: ["MojifixCore"]),
        .library(name: "MojifixMarkdown", targets: ["MojifixMarkdown"]),
        .library(name: "MojifixKit", targets: ["MojifixKit"]),
        .executable(name: "mojifix", targets: ["mojifix"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The only code that includes ICU headers. Its public header uses plain C types, so no
        // Swift module ever sees ICU's types next to Foundation's bundled ICU (Documentation/ICU.md).
        .target(
            name: "CMojifixICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The census kernel: UTF-8 validation and the clean-path scan in one SIMD pass (and, for
        // JSON Lines, the validation alone and the plain runs of string literals); the byte
        // conditions of the Markdown normaliser's quick structure. No ICU.
        .target(name: "CMojifixScan"),
        // The language plausibility model: character bigram costs per language, a table generated
        // by Scripts/make_language_model.py from wordfreq's data (CC-BY-SA 4.0, see LICENSE-data).
        .target(name: "CMojifixLanguage", exclude: ["LICENSE-data"]),
        // renameat2(RENAME_NOREPLACE), which Swift's Glibc module does not expose.
        .target(name: "CMojifixFS"),
        // The commit `mojifix --version` prints (a macro Scripts/build-release.sh sets).
        .target(name: "CMojifixBuildInfo"),
        // Markdown structure through Debian's cmark-gfm (CommonMark + GFM); plain C types only.
        .target(
            name: "CMarkGFMShim",
            linkerSettings: [.linkedLibrary("cmark-gfm"), .linkedLibrary("cmark-gfm-extensions")]
        ),
        // Thin Swift wrapper: converters, normalisation, character properties as Swift types.
        .target(name: "MojifixICU", dependencies: ["CMojifixICU"]),
        // Text helpers every library shares: the one UTF-8 decoder/encoder, the line table and index.
        .target(name: "MojifixText"),
        // The engine: detection, reversible repair, plans. Knows nothing of the CLI.
        .target(name: "MojifixCore", dependencies: ["MojifixText", "MojifixICU", "CMojifixScan", "CMojifixLanguage"]),
        // The Markdown normaliser: structure (protected zones), rules, anchors. Knows nothing of the CLI.
        .target(name: "MojifixMarkdown", dependencies: ["MojifixText", "MojifixICU", "CMarkGFMShim", "CMojifixScan"]),
        // Files on disk: atomic writes, the journal that lets `undo` restore every byte.
        .target(name: "MojifixWorkspace", dependencies: ["MojifixText", "CMojifixFS", "CMojifixScan"]),
        // The workflows: configuration (.mojifix.toml), fixing and checking a folder, the journal and
        // undo, JSON Lines, name repair, the report model and exit statuses. No argument parsing.
        .target(
            name: "MojifixKit",
            dependencies: ["MojifixCore", "MojifixMarkdown", "MojifixWorkspace", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Argument parsing and printing only; the work is MojifixKit's.
        .executableTarget(
            name: "mojifix",
            dependencies: ["MojifixKit", "MojifixCore", "MojifixMarkdown", "MojifixWorkspace", "MojifixICU", "CMojifixBuildInfo",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // The Swift runtime and Foundation linked in (release only): the dynamic binary loads
            // two dozen shared libraries and binds their symbols at every start (about 5 ms of
            // CPU), and the engine's many calls into the runtime (retain, release, exclusivity
            // checks) each cross into a shared library (about 9% of a heavy repair's CPU). The two
            // archives named are ones the static Foundation needs that `-static-stdlib` leaves
            // out. Only this target has the flags: the library products stay usable as a
            // versioned dependency.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(configuration: .release))]
        ),
        .executableTarget(name: "mojifix-bench", dependencies: ["MojifixCore", "MojifixMarkdown"]),
        // Shared by the test targets: the seeded generator of every property test.
        .target(name: "MojifixTestSupport", path: "Tests/MojifixTestSupport"),
        .testTarget(name: "MojifixCoreTests", dependencies: ["MojifixCore", "MojifixICU", "CMojifixScan", "CMojifixLanguage", "MojifixTestSupport"]),
        .testTarget(name: "MojifixMarkdownTests", dependencies: ["MojifixMarkdown", "MojifixCore", "MojifixText", "MojifixTestSupport", "CMarkGFMShim"]),
        .testTarget(name: "MojifixKitTests", dependencies: ["MojifixKit", "MojifixCore", "MojifixMarkdown", "MojifixWorkspace", "MojifixTestSupport"]),
        .testTarget(name: "MojifixWorkspaceTests", dependencies: ["MojifixWorkspace", "MojifixTestSupport"]),
        .testTarget(name: "MojifixCLITests", dependencies: ["MojifixTestSupport"], exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v5]
)
