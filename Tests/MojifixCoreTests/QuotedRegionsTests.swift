import XCTest
import MojifixCore

final class QuotedRegionsTests: XCTestCase {
    func testMojibakeQuotedInAnOtherwiseCleanDocumentStays() throws {
        let text = """
            # Why does “café” turn into “cafÃ©”?

            A UTF-8 file opened as Windows-1252 shows `cafÃ©` and `rÃ©sumÃ©`.

            > Le cafÃ© est fermÃ©.

            ```
            $ cat notes.txt
            cafÃ© crÃ¨me
            ```

            """
        let result = try Repairer().repair(Array(text.utf8))
        XCTAssertTrue(result.output == Array(text.utf8))
        XCTAssertFalse(result.plan.quoted?.isEmpty ?? true, "reported as information")
    }

    func testGarbledProseRepairsTheQuotedPartsToo() throws {
        let text = "Le cafÃ© est fermÃ© depuis lundi, dÃ©solÃ©.\n\n`cafÃ©`\n"
        let result = try Repairer().repair(Array(text.utf8))
        XCTAssertTrue(result.output == Array("Le café est fermé depuis lundi, désolé.\n\n`café`\n".utf8))
    }

    func testIgnorePragmaLineIsNeverRepaired() throws {
        let text = "Le cafÃ© est fermÃ© depuis lundi, dÃ©solÃ©.\nfixture = \"cafÃ©\"  # mojifix: ignore\n"
        let result = try Repairer().repair(Array(text.utf8))
        XCTAssertTrue(result.output == Array("Le café est fermé depuis lundi, désolé.\nfixture = \"cafÃ©\"  # mojifix: ignore\n".utf8))
    }
}
