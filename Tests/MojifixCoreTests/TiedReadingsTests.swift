import XCTest
import MojifixCore

/// Windows-1250 and ISO-8859-2 show most bytes alike. Where they decode a line differently and
/// neither the evidence nor the language model tells them apart, the line is left as written (the
/// registry's first reading was a coin toss that came out wrong without a word), and a text with
/// nothing else to repair is refused as ambiguous. (Inputs: Python's codecs.)
final class TiedReadingsTests: XCTestCase {
    /// `jamás` through ISO-8859-2 is `jamĂĄs`, which Windows-1250 reads as `jamås`: one word, in
    /// some language either way. It was `jamås`.
    func testAWordBothReadingsMakeIsRefused() {
        let garbled = Array("jam\u{102}\u{104}s\n".utf8)
        XCTAssertThrowsError(try Repairer().repair(garbled)) { error in
            guard case RepairError.ambiguousReading(let names) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(names.count, 2, "\(names)")
            XCTAssertTrue(names.contains { $0.contains("windows-1250") } && names.contains { $0.contains("ISO-8859-2") }, "\(names)")
            XCTAssertTrue("\(error)".hasSuffix("not changed"), "\(error)")
        }
    }

    /// Lines both readings decode alike are repaired; a line that differs only in a sign the
    /// model cannot price (`ÂĄ`: `¥` or `¡`) is left as written.
    func testOnlyTheLinesTheReadingsDisagreeOnAreLeft() throws {
        let garbled = Array("M\u{102}\u{A4}dchen sp\u{102}\u{A4}t K\u{102}\u{A4}se ist gut.\nPreis: 100 \u{C2}\u{104} heute\n".utf8)
        XCTAssertEqual(try Repairer().repair(garbled).output,
                       Array("Mädchen spät Käse ist gut.\nPreis: 100 \u{C2}\u{104} heute\n".utf8))
    }

    /// A text longer than the sample the reading is chosen on (256 KiB) is weighed on the
    /// whole text against the tied reading: every `ÂĄ` stays (all 5,173 became `¥` before).
    func testALongTextLeavesTheLinesTheReadingsDisagreeOn() throws {
        let block = "M\u{102}\u{A4}dchen sp\u{102}\u{A4}t K\u{102}\u{A4}se ist gut.\nPreis: 100 \u{C2}\u{104} heute\n"
        let repeats = 300_000 / block.utf8.count + 1
        let garbled = Array(String(repeating: block, count: repeats).utf8)
        let result = try Repairer().repair(garbled)
        let output = String(decoding: result.output, as: UTF8.self)
        XCTAssertEqual(output, String(repeating: "Mädchen spät Käse ist gut.\nPreis: 100 \u{C2}\u{104} heute\n", count: repeats))
        XCTAssertEqual(result.plan.ambiguous?.count, repeats)
    }

    /// Where the model does tell them apart, each reading is repaired: a Spanish line through
    /// either charset.
    func testALineTheModelDecidesIsRepairedThroughEither() throws {
        let clean = Array("Nunca jamás volveré a la ciudad, es así.\n".utf8)
        for garbled in ["Nunca jam\u{102}\u{104}s volver\u{102}\u{160} a la ciudad, es as\u{102}\u{AD}.\n",  // ISO-8859-2
                        "Nunca jam\u{102}\u{2C7}s volver\u{102}\u{A9} a la ciudad, es as\u{102}\u{AD}.\n"] {  // Windows-1250
            XCTAssertEqual(try Repairer().repair(Array(garbled.utf8)).output, clean, garbled)
        }
    }
}
