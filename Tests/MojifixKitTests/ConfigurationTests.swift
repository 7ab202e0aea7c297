import XCTest
import MojifixKit
import MojifixMarkdown

final class ConfigurationTests: XCTestCase {
    func testFlavorConfiguredOrGFMAndRejected() throws {
        XCTAssertEqual(try Configuration.parse("flavor = \"goldmark\"").options().flavor, .goldmark)
        XCTAssertEqual(try Configuration.parse("").options().flavor, .gfm)
        XCTAssertThrowsError(try Configuration.parse("flavor = \"jekyll\""))
    }

    func testReadsProfileRulesAndSwitches() throws {
        let configuration = try Configuration.parse("""
            profile = "export"
            enable = ["prose-spaces"]
            disable = ["heading-emoji", "blank-lines"]
            keep-crlf = true
            """)
        let options = configuration.options()
        XCTAssertTrue(options.enabledRules.contains("setext-to-atx"))
        XCTAssertFalse(options.enabledRules.contains("heading-emoji"))
        XCTAssertFalse(options.enabledRules.contains("blank-lines"))
        XCTAssertTrue(options.keepCRLF)
        XCTAssertFalse(options.stripSecurityCharacters)
    }

    func testTyposAreErrorsNotSilence() {
        XCTAssertThrowsError(try Configuration.parse("profil = \"export\""))
        XCTAssertThrowsError(try Configuration.parse("profile = \"fast\""))
        XCTAssertThrowsError(try Configuration.parse("enable = [\"no-such-rule\"]"))
        XCTAssertThrowsError(try Configuration.parse("keep-crlf = \"yes\""))
        XCTAssertThrowsError(try Configuration.parse("enable = "))
    }

    func testEmptyConfigurationIsTheSafeDefault() throws {
        XCTAssertEqual(try Configuration.parse("").options().enabledRules, RuleRegistry.defaultEnabled)
    }

    func testJournalFolderIsReadAsWrittenAndTyposAreErrors() throws {
        XCTAssertEqual(try Configuration.parse("[journal]\nfolder = \"../journal\"\n").journalFolder, "../journal")
        XCTAssertNil(try Configuration.parse("profile = \"safe\"").journalFolder)
        XCTAssertThrowsError(try Configuration.parse("journal = \"x\""))
        XCTAssertThrowsError(try Configuration.parse("[journal]\nfolders = \"x\""))
        XCTAssertThrowsError(try Configuration.parse("[journal]\nfolder = 3"))
        XCTAssertThrowsError(try Configuration.parse("[journal]\nfolder = \"\""))
    }
}
