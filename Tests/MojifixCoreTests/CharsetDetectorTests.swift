import XCTest
@testable import MojifixCore
import MojifixICU

/// The legacy charset detector: every family of Corpus/legacy (encoded with Python's codecs) is
/// read exactly and its plan gives the bytes back; what cannot be told apart is refused.
final class CharsetDetectorTests: XCTestCase {
    func testEveryLegacyFamilyIsReadExactlyAndTheInverseGivesTheBytesBack() throws {
        let repairer = try Repairer()
        let replayer = PlanReplayer()
        var checked = 0
        for folder in try Corpus.folders("legacy") {
            for (name, input, expected) in try Corpus.pairs("legacy", folder, suffix: ".out") {
                let id = "\(folder)/\(name)"
                XCTAssertEqual(UTF8Check.isValid(input), folder == "ISO-2022-JP", id)  // 7-bit: valid ASCII
                let result = try repairer.repair(input)
                XCTAssertEqual(result.output, expected, id)
                XCTAssertEqual(try replayer.invert(result.plan, on: result.output), input, id)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testEBCDICIsReadAsEBCDICOrRefusedNeverAsAnotherCharset() throws {
        let text = Array("Die Brücke über den Fluss wurde im Frühjahr gesperrt, sagte der Bürgermeister.\n".utf8)
        for charset in ["IBM037", "IBM500"] {
            let bytes = try ICUConverter(charset).encode(text)
            do {
                XCTAssertEqual(try Repairer().repair(bytes).output, text, charset)
            } catch let error as RepairError {
                guard case .ambiguous(let names) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(names.allSatisfy { $0.hasPrefix("IBM0") || $0 == "IBM500" }, "\(names)")
            }
        }
    }

    /// Maltese (written for this test), which the model lacks, in ISO-8859-3: Windows-1252 shows
    /// its `ħ` `ġ` as `±` `õ`, and the model takes `±` for a cheap word boundary (`Fil-g±odu`).
    /// A symbol between two letters weighs against a reading: refused, never read as another
    /// charset.
    func testSymbolsInsideWordsWeighAgainstAReading() throws {
        let text = Array("""
            Il-librerija tal-belt hija kwieta ħafna. Fil-għodu n-nies jiġu jaqraw il-gazzetti u jissellfu l-kotba.
            Il-ħoss tal-paġni jinstema' f'kull kamra, u t-tfal iħobbu l-kotba tal-istejjer.
            """.utf8)
        let bytes = try ICUConverter("ISO-8859-3").encode(text)
        do {
            let output = try Repairer().repair(bytes).output
            XCTAssertEqual(output, text)
        } catch let error as RepairError {
            guard case .ambiguous = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(CharsetDetector.symbolsInsideWords(UTF8.scalars(Array("Fil-g±odu ka■nomo 3±1 don´t ±x".utf8))), 2)
    }

    /// Real text glues some symbols to words (`Foo®Bar`, `L×B×H`, `AB©CD`): a file holding them is
    /// read right or refused, never read through a charset that shows letters there (written for
    /// this test: Windows-1252 French and Spanish, ISO-8859-15 French).
    func testSymbolsRealTextGluesToWordsCostTheRightReadingNothing() throws {
        XCTAssertEqual(CharsetDetector.symbolsInsideWords(UTF8.scalars(Array("Foo®Bar L×B×H AB©CD Name¦Vorname Art§b".utf8))), 0)
        let files = [("guide Foo®Bar amène épreuve … annoncé devra.\n", "windows-1252"),
                     ("jardín L×B×H, mañana también.\n", "windows-1252"),
                     ("Le cœur de la ville AB©CD, très œuvré.\n", "ISO-8859-15")]
        for (text, charset) in files {
            let bytes = try ICUConverter(charset).encode(Array(text.utf8))
            do {
                let output = try Repairer().repair(bytes).output
                XCTAssertEqual(output, Array(text.utf8), text)
            } catch let error as RepairError {
                guard case .ambiguous = error else { return XCTFail("\(error)") }
            }
        }
    }

    func testReadingsTooCloseToCallAreRefusedWithBothNames() throws {
        // Two accented letters: ISO-8859-1 and ISO-8859-15 differ on neither, but windows-1250
        // and Mac Roman read them as other letters just as plausible in so short a text.
        let bytes: [UInt8] = [0x4D, 0xE4, 0xFC]
        do {
            let output = try Repairer().repair(bytes).output
            XCTFail("guessed \(String(decoding: output, as: Swift.UTF8.self))")
        } catch let error as RepairError {
            guard case .ambiguous(let names) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(names.count, 2)
        }
    }

    func testUTF16WithoutBOMKeepsU0000AsText() throws {
        let text = Array("Hello\u{0}world, 세계 and more text\n".utf8)
        let bytes = try ICUConverter("UTF-16LE").encode(text)
        XCTAssertEqual(try Repairer().repair(bytes).output, text)
        let withBOM = [0xFF, 0xFE] + bytes
        XCTAssertEqual(try Repairer().repair(withBOM).output, text)
    }

    func testNULBytesWithoutTheUTF16PatternAreBinary() throws {
        let bytes: [UInt8] = Array("some text".utf8) + [0, 0, 0, 7, 0x80, 0xFF, 0, 3] + Array("more".utf8)
        XCTAssertThrowsError(try Repairer().repair(bytes)) { error in
            guard case .binary = error as? RepairError else { return XCTFail("\(error)") }
        }
    }
}
