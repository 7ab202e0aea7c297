import MojifixTestSupport
import XCTest
@testable import MojifixCore

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

    /// Openers left unclosed earlier on the line (searched for once) do not hide a later quotation.
    func testAQuotationAfterUnclosedOpenersStaysQuoted() throws {
        let text = "“Un “deux “trois: le mot «cafÃ©» est un exemple, et «rÃ©sumÃ©» aussi “quatre.\n"
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

    /// A lost byte guessed outside the quotes (`Ã ` for `à` + NBSP turned into a space) is only
    /// listed without --lossy: it must not turn the quoted examples into a repair.
    func testAWithheldGuessOutsideTheQuotesKeepsThemAsWritten() throws {
        let text = Array("Il est arrivé Ã  l'heure, comme prévu.\n\nExemple : `cafÃ©`, `trÃ¨s` et `dÃ©jÃ  vu` sont des exemples.\n\n> Ã‰tÃ© trÃ¨s chaud\n".utf8)
        let result = try Repairer().repair(text)
        XCTAssertEqual(result.output, text)
        // The guess in prose is listed as a lossy repair not made; `dÃ©jÃ  vu` in its code span
        // is quoted, its lossy `Ã ` too.
        XCTAssertEqual(result.plan.withheld?.count, 1)
        XCTAssertTrue(result.plan.quoted?.contains { $0.change.after.hasPrefix("à") } ?? false)
    }

    /// A lossy guess quoted in an otherwise clean document (ftfy's README shows
    /// `ftfy.fix_text('Ã perturber la rÃ©flexion')` in a code block) is quoted information,
    /// not a lossy repair left to make: `check` warned about it.
    func testALossyGuessInQuotesIsQuotedToo() throws {
        for text in ["Spaces collapse:\n\n    >>> fix('Ã perturber la rÃ©flexion')\n\nDone.\n",
                     "Only this: `voilÃ  le travail`\n"] {
            let result = try Repairer().repair(Array(text.utf8))
            XCTAssertEqual(result.output, Array(text.utf8))
            XCTAssertNil(result.plan.withheld, text)
            XCTAssertTrue(result.plan.quoted?.contains { !$0.change.lossless } ?? false, text)
        }
    }

    /// The eight-byte test that lets the span search pass over words says yes exactly for words
    /// holding a backtick, C2, E2 or E3 (seeded words of those bytes, their neighbours and others).
    func testAWordHoldsAnOpenerExactlyWhenOneOfItsBytesIs() {
        let pool: [UInt8] = [0x60, 0xC2, 0xE2, 0xE3, 0x5F, 0x61, 0xC1, 0xC3, 0xE1, 0xE4, 0x00, 0x01, 0x20, 0x80, 0xFF, 0x7F, 0xA0, 0x9F]
        var rng = SeededGenerator(seed: 1205)
        var holding = 0
        for _ in 0..<100_000 {
            // Mostly bytes that are not openers, so that words without one are common.
            let bytes = (0..<8).map { _ in Int.random(in: 0..<10, using: &rng) == 0 ? pool[Int.random(in: 0..<4, using: &rng)] : pool[Int.random(in: 4..<pool.count, using: &rng)] }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = bytes.contains { [0x60, 0xC2, 0xE2, 0xE3].contains($0) }
            XCTAssertEqual(QuotedRegions.holdsAnOpener(word), expected, "\(bytes)")
            if expected { holding += 1 }
        }
        XCTAssertGreaterThan(holding, 10_000)
        XCTAssertLessThan(holding, 90_000)
    }

    /// Regions read line by line when asked answer as regions read whole: seeded documents of
    /// fences, indented code, block quotes, code spans, quotation marks, pragmas and prose, asked
    /// about ranges within their lines in any order.
    func testRegionsReadWhenAskedAnswerAsRegionsReadWhole() {
        let pieces = ["```", "~~~", "    code", "\tcode", "> quoted", "`cafÃ©`", "``a`b``", "“cafÃ©”", "«x»", "「あ」", "„y“",
                      "mojifix: ignore", "cafÃ©", "123", "  ", "", "- item", "Ã©", "`", "“"]
        var rng = SeededGenerator(seed: 1206)
        var quotedAnswers = 0, asked = 0
        for _ in 0..<400 {
            let lines = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                (0..<Int.random(in: 1...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            }
            let text = Array(lines.joined(separator: "\n").utf8)
            guard !text.isEmpty else { continue }
            text.withUnsafeBufferPointer { p in
                var whole = QuotedRegions(p)
                _ = whole.isQuoted(p.count - 1..<p.count)  // reads every line
                var lazy = QuotedRegions(p)
                for _ in 0..<20 {
                    let start = Int.random(in: 0..<p.count, using: &rng)
                    let range = start..<min(p.count, start + Int.random(in: 1...3, using: &rng))
                    let expected = whole.isQuoted(range)
                    XCTAssertEqual(lazy.isQuoted(range), expected, "\(String(decoding: text, as: Unicode.UTF8.self)) \(range)")
                    XCTAssertEqual(lazy.isIgnored(range), whole.isIgnored(range))
                    if expected { quotedAnswers += 1 }
                    asked += 1
                }
            }
        }
        XCTAssertGreaterThan(quotedAnswers, asked / 20)
    }
}
