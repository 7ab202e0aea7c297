import XCTest
import MojifixCore

/// Once a document is established as garbled by a chain, every unit of that chain with evidence
/// of its own is repaired, on every line: a line whose only unit is a garbled NBSP (`Â` + NBSP,
/// which does not on its own establish anything) follows the document.
final class DocumentConsistencyTests: XCTestCase {
    func testALineHoldingOnlyAGarbledNBSPFollowsTheDocument() throws {
        // Swedish written for this test, its UTF-8 bytes shown as Windows-1250 (Python's cp1250).
        let clean = "Det var för 5\u{A0}minuter sedan. Välkommen till vår sida, där du kan läsa mer.\n- %(count)s\u{A0}minuter sedan\n"
        let garbled = "Det var fĂ¶r 5Â\u{A0}minuter sedan. VĂ¤lkommen till vĂĄr sida, dĂ¤r du kan lĂ¤sa mer.\n- %(count)sÂ\u{A0}minuter sedan\n"
        try assertRepairs(garbled, to: clean)
    }

    /// The same line alone is repaired too, since `Â` ends no word (see LoneSignMojibakeTests);
    /// after a capital it may (Turkish `HÂLÂ`), and there one NBSP is no evidence of a misreading.
    func testTheSameLineAloneNeedsNoDocumentUnlessTheLetterMayEndAWord() throws {
        try assertRepairs("- %(count)sÂ\u{A0}minuter sedan\n", to: "- %(count)s\u{A0}minuter sedan\n")
        let line = Array("- %(count)s HÂLÂ\u{A0}minuter sedan\n".utf8)
        XCTAssertEqual(try Repairer().repair(line).output, line)
    }

    /// A sign of prose (`™`) garbled inside a garbled word is repaired with it: CP866 shows its
    /// bytes as the Cyrillic letters `тДв`, which the model prices below the sign, but it cannot
    /// speak for signs, so it does not leave them behind (`ЗатварятДв`).
    func testASignInsideAGarbledWordIsRepairedWithIt() throws {
        // Bulgarian written for this test; the garbled form is Python's `encode('utf-8').decode('cp866')`.
        let clean = "Затваря™ зрение ° Накъдето\nдетето™ Климата »\n"
        let garbled = "╨Ч╨░╤В╨▓╨░╤А╤ПтДв ╨╖╤А╨╡╨╜╨╕╨╡ ┬░ ╨Э╨░╨║╤К╨┤╨╡╤В╨╛\n╨┤╨╡╤В╨╡╤В╨╛тДв ╨Ъ╨╗╨╕╨╝╨░╤В╨░ ┬╗\n"
        try assertRepairs(garbled, to: clean)
    }

    /// `garbled` repairs to `clean`, and the plan's inverse gives `garbled` back byte for byte.
    /// Layers are repaired to completion, but one layer down a word just repaired is real text:
    /// `Ні` (CD B3 in Windows-1251) is also `ͳ` read as Windows-1251, which the model finds worse.
    func testAWordRepairedIsNotReadOneLayerFurther() throws {
        // Ukrainian written for this test, its UTF-8 bytes shown as CP437 (Python's cp437).
        let clean = "Так, звичайно. Дякую за допомогу.\n- Ні\n"
        let garbled = "╨ó╨░╨║, ╨╖╨▓╨╕╤ç╨░╨╣╨╜╨╛. ╨ö╤Å╨║╤â╤Ä ╨╖╨░ ╨┤╨╛╨┐╨╛╨╝╨╛╨│╤â.\n- ╨¥╤û\n"
        try assertRepairs(garbled, to: clean)
        try assertRepairs("╨¥╤û\n", to: "Ні\n")
    }

    /// One layer down, a symbol the model cannot price (box drawing) follows the evidence: only
    /// letters need the model's agreement. Garbled twice as a sloppy Windows-1252 decoder does
    /// (Python's cp1252, with its five undefined bytes kept as C1 controls).
    func testSymbolsOneLayerDownAreRepairedToCompletion() throws {
        let garbled = "\u{C3}\u{A2}\u{E2}\u{20AC}\u{9D}\u{E2}\u{20AC}\u{201C}(\u{C3}\u{A2}\u{C5}\u{2019}\u{C2}\u{A3}_"
            + "\u{C3}\u{A2}\u{C5}\u{2019}\u{C2}\u{A3})\u{C3}\u{A2}\u{E2}\u{20AC}\u{9D}\u{C5}\u{A1}"
        try assertRepairs(garbled, to: "┖(⌣_⌣)┚")
    }

    /// A C1 control is the next layer's material only beside other mojibake: garbled text whose
    /// lost bytes became `?` reads through Mac OS Roman as an ideograph and a lone U+0089
    /// (`Â¢â` is E5 A2 89, `¬â` C2 89), which a later layer would turn into `‰`: nonsense, left.
    func testALoneC1ControlIsNoNextLayer() throws {
        let garbled = Array("WeÃ?Â¢â?¬â?¢re open. DonÃ?Â¢â?¬â?¢t wait, itÃ?Â¢â?¬â?¢s late.\n".utf8)
        XCTAssertEqual(try Repairer().repair(garbled).output, garbled)
    }

    /// Box drawing after box drawing is line art, unless the one before ends a decoded unit:
    /// CP437 shows Devanagari's last byte as `┐`, and the NBSP after it (`┬á`) is mojibake too.
    func testAnNBSPAfterAGarbledWordOfBoxDrawingIsRepaired() throws {
        // Hindi written for this test, its UTF-8 bytes shown as CP437 (Python's cp437).
        try assertRepairs("αñ¿αñ«αñ╕αÑìαññαÑç αñªαÑüαñ¿αñ┐αñ»αñ╛┬á!\n", to: "नमस्ते दुनिया\u{A0}!\n")
    }

    /// One layer down, a lone character some misreading shows (`ą`, from `Ä…`) is no material
    /// for a further layer (a UTF-8 sequence is two bytes at least): it is a letter, and the
    /// model must find it better in a line that does not read worse (Polish `Lą` fits, the
    /// Finnish line does not).
    func testALoneLetterOneLayerDownIsNotReadFurther() throws {
        try assertRepairs("KYLLÃ„â€¦", to: "KYLLÄ…")
    }

    func assertRepairs(_ garbled: String, to clean: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertRepairsAndInverts(garbled, to: clean, file: file, line: line)
    }
}
