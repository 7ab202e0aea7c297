import XCTest
import MojifixCore
import MojifixTestSupport

/// Decomposed (NFD) text, as macOS writes names and some editors write text, garbled: each
/// diacritic is a unit of its own after its letter (`cafe` + U+0301 shown as `cafeÌ<U+0081>`).
/// It is repaired back to the same decomposed bytes (repair restores, `normalize` composes;
/// decomposed Hangul is composed by repair, see below).
final class DecomposedTextTests: XCTestCase {
    static let texts = [
        "Le café est très bon à Noël, déjà vu.\n",
        "Příliš žluťoučký kůň úpěl ďábelské ódy.\n",
        "Zażółć gęślą jaźń, proszę.\n",
        "Tiếng Việt có dấu: người, được, những.\n",
        "Ein schöner Tag für Übungen in München.\n",
    ]

    func testGarbledDecomposedTextIsRepairedToItsBytes() throws {
        for text in Self.texts {
            let decomposed = text.decomposedStringWithCanonicalMapping
            XCTAssertNotEqual(Array(decomposed.utf8), Array(text.utf8))
            for macRoman in [false, true] {
                let garbled = Array(Garbling.garble(decomposed, macRoman: macRoman).utf8)
                let result = try Repairer().repair(garbled)
                XCTAssertEqual(Array(result.output), Array(decomposed.utf8), "\(text) macRoman: \(macRoman)")
                XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
            }
        }
    }

    /// A short decomposed word is judged by the model as the letters its diacritics spell with
    /// their letters (`a` + ogonek is `ą`, which Lithuanian uses; the bare mark it never saw): it
    /// was read as `bilietaî` through Windows-1252 instead. Romanian's comma below and
    /// Vietnamese's stacked marks (`ặ`: dot below, then breve) count as diacritics too.
    func testAShortDecomposedWordIsJudgedAsTheLettersItSpells() throws {
        for word in ["bilietą", "przedsiębiorstwa", "Migrației", "AȘTEPTAREA", "mặn?", "secret phiệt rơm"] {
            let decomposed = word.decomposedStringWithCanonicalMapping
            let garbled = Array(Garbling.garble(decomposed, macRoman: true).utf8)
            XCTAssertEqual(Array(try Repairer().repair(garbled).output), Array(decomposed.utf8), word)
        }
    }

    /// Decomposed Hangul (conjoining jamo) garbled: the jamo that spell syllables are as
    /// plausible as the syllables, so the UTF-8 reading wins over CP949 readings of the same
    /// characters (through Mac OS Roman, `·Ñâ·Öµ·Ü´` read as CP949 was `롤綏令…`), and the
    /// syllables are then composed (the documented `normalize NFC` pass).
    func testGarbledDecomposedHangulIsRepairedAndComposed() throws {
        let text = "신림역에서 동진이를 만났다. 주기적으로 장을 본다.\n"
        for macRoman in [false, true] {
            let garbled = Array(Garbling.garble(text.decomposedStringWithCanonicalMapping, macRoman: macRoman).utf8)
            let result = try Repairer().repair(garbled)
            XCTAssertEqual(Array(result.output), Array(text.utf8), "macRoman: \(macRoman)")
            XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
        }
    }

    /// Decomposed text that is not garbled, and a capital `Ì` before a guillemet (`COSÌ»`, which
    /// reads as `I` + U+033B through Windows-1252), stay as they are.
    func testCleanTextWithCombiningMarksStays() throws {
        for text in Self.texts.map(\.decomposedStringWithCanonicalMapping) + ["«È COSÌ» disse lui. «Così è» e COSÌ¶ sempre.\n"] {
            XCTAssertEqual(try Repairer().repair(Array(text.utf8)).output, Array(text.utf8), text)
        }
    }
}
