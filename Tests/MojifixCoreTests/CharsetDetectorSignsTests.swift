import XCTest
@testable import MojifixCore

/// A rarer charset that wins on signs alone (or on letters of another language) is no verdict:
/// the model prices `„` below `×`, `”` below `µ` and a foreign letter below a sign, so files
/// written for this test, each with a sign or two beside letters a dozen charsets share, were read
/// through charsets such files are almost never in. They are now refused, naming the file's own
/// charset; a rarer charset that shows letters of its language where the common one does not
/// keeps its win.
final class CharsetDetectorSignsTests: XCTestCase {
    private func outcome(_ text: String, _ charset: String) throws -> Result<[UInt8], RepairError> {
        let bytes = try legacyBytes(text, in: charset)
        do { return .success(try Repairer().repair(bytes).output) } catch let error as RepairError { return .failure(error) }
    }

    private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    private func assertRefused(_ text: String, _ charset: String, file: StaticString = #filePath, line: UInt = #line) throws {
        switch try outcome(text, charset) {
        case .success(let output):
            XCTFail("read as \(String(decoding: output, as: Unicode.UTF8.self))", file: file, line: line)
        case .failure(let error):
            guard case .ambiguous(let names) = error else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertTrue(names.contains(charset), "\(names)", file: file, line: line)
        }
    }

    func testSignsAloneDoNotMakeARarerCharsetWin() throws {
        // ISO-8859-16 shows `”` for `µ`, `„` for `¥` and `Ł` for `£`.
        try assertRefused("La mida del gra és de 40 µm i la temperatura de 20 °C.\n", "windows-1252")
        try assertRefused("Precio: ¥120 o £8 según el día.\n", "windows-1252")
    }

    func testLettersOfAnotherLanguageWhereTheCommonCharsetShowsTheLanguagesOwnAreNoVerdict() throws {
        // IBM850: `Microsoft«Windows«`, `F³r Schõden`; ISO-8859-16: `30Ś20Ś10`, `myæ`.
        try assertRefused("Lizenz\nMicrosoft®Windows® und Microsoft®Office® sind Marken.\nFür Schäden übernehmen wir keine Haftung.\n",
                          "windows-1252")
        try assertRefused("Opis\nWymiary (D×S×W): 30×20×10 cm\nMateriał: tworzywo, można myć w zmywarce\n", "windows-1250")
    }

    func testARarerCharsetShowingTheLanguagesLettersKeepsItsWin() throws {
        for (text, charset) in [
            ("Příliš žluťoučký kůň úpěl ďábelské ódy. Šťastná země.\n", "ISO-8859-2"),
            ("Съешь же ещё этих мягких французских булок, да выпей чаю.\n", "KOI8-R"),
            ("Știință și tehnologie: „Mașina” a fost reparată în Țara noastră.\n", "ISO-8859-16"),
        ] {
            guard case .success(let output) = try outcome(text, charset) else { return XCTFail(charset) }
            XCTAssertEqual(output, Array(text.utf8), charset)
        }
    }

    /// A table of signs that a rarer charset reads as letters standing alone, in whatever language:
    /// no word speaks for either reading (`56 з 42 з 9 mm` through ISO-8859-5 or CP866).
    func testSignsReadAsLettersStandingAloneAreNoVerdict() throws {
        for (text, charset) in [("Mål: 56 × 42 × 9 mm, Ø 100 mm, ¼ 240 ± 77\n", "windows-1252"),
                                ("Température: · 20 39° et 74 m² pour ½ 84\n", "ISO-8859-1")] {
            let bytes = try legacyBytes(text, in: charset)
            if let output = try? Repairer().repair(bytes).output {
                XCTAssertEqual(output, Array(text.utf8), String(decoding: output, as: Unicode.UTF8.self))
            }
        }
        XCTAssertTrue(CharsetDetector.differsOnlyOutsideWords(scalars("56 з 42 Ł14"), from: scalars("56 × 42 £14")))
        XCTAssertTrue(CharsetDetector.differsOnlyOutsideWords(scalars("Mхl: 56 з"), from: scalars("Mål: 56 ×")))
        // A letter of a word, or a sign prose does not use in the common reading, leaves the verdict.
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("mē 84"), from: scalars("m² 84")))
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("12 €"), from: scalars("12 ¤")))
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("same"), from: scalars("same")))
    }

    /// The other way round: a common charset's lone letters where a rarer one shows prose signs
    /// (`15 ž 58 ž 7 mm` through Windows-1250 of a CP850 table) are no verdict either; and a
    /// declaration holds against a reading that differs from it outside words only.
    func testLoneLettersOfACommonCharsetAgainstSignsAndADeclarationAreNoVerdict() throws {
        func table(_ head: String, _ rows: [(String, String)]) -> String {
            "<!DOCTYPE html>\n<html>\n<head>\n\(head)<title>\(rows[0].0): \(rows[0].1)</title>\n</head>\n<body>\n"
                + rows.map { "<tr><td class=\"spec\">\($0.0)</td><td>\($0.1)</td></tr>\n" }.joined() + "</body>\n</html>\n"
        }
        let undeclared = table("<meta name=\"viewport\" content=\"width=device-width\">\n",
                               [("Acht", "15 × 58 × 7 mm"), ("Grossbritannien kollegen", "¥155")])
        if let output = try? Repairer().repair(try legacyBytes(undeclared, in: "IBM850")).output {
            XCTAssertEqual(output, Array(undeclared.utf8), String(decoding: output, as: Unicode.UTF8.self))
        }
        let declared = table("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ibm850\">\n",
                             [("Ayuda", "Ø 81 mm"), ("Historias", "½ 108")])
        let output = try Repairer().repair(try legacyBytes(declared, in: "IBM850")).output
        XCTAssertEqual(output, Array(declared.replacingOccurrences(of: "ibm850", with: "UTF-8").utf8), String(decoding: output, as: Unicode.UTF8.self))
        XCTAssertTrue(CharsetDetector.differsOnlyOutsideWords(scalars("15 ž 58"), from: scalars("15 × 58"), signsOnly: true))
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("15 ž 58"), from: scalars("15 Ø 58"), signsOnly: true))
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("15 « 58"), from: scalars("15 × 58"), signsOnly: true))
        XCTAssertTrue(CharsetDetector.differsOnlyOutsideWords(scalars("ť 81 mm"), from: scalars("Ø 81 mm")))
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("café"), from: scalars("cafÃ")))
        // A declaration whose reading shows controls (quotes of Windows-1252 under a Latin-1 label).
        XCTAssertFalse(CharsetDetector.differsOnlyOutsideWords(scalars("“x”"), from: [0x93, 0x78, 0x94]))
    }

    /// A declared reading showing prose signs wherever the model's favourite differs from it (a
    /// page of measures declared IBM850 that Windows-1252 reads as `« 67 196 æm ¬`) is not
    /// overruled: the file is read as declared or refused naming the declared charset, never read
    /// through the other one. A sign inside a word (`g³ówna`: Polish under a Windows-1252 label)
    /// leaves the verdict to the model.
    func testADeclarationShowingSignsWhereTheModelDiffersIsNotOverruled() throws {
        let page = "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ibm850\">\n"
            + "<title>Coeur: ½ 67 196 µm ¼</title>\n</head>\n<body>\n<tr><td class=\"spec\">Coeur</td><td>½ 67 196 µm ¼</td></tr>\n</body>\n</html>\n"
        switch try outcome(page, "IBM850") {
        case .success(let output):
            XCTAssertEqual(output, Array(page.replacingOccurrences(of: "ibm850", with: "UTF-8").utf8), String(decoding: output, as: Unicode.UTF8.self))
        case .failure(let error):
            guard case .ambiguous(let names) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(names.contains("IBM850"), "\(names)")
        }
        // Where the favourite's letters are the page's own language's (`Když`: Czech mislabelled
        // ISO-8859-1, whose reading shows `Kdy¾`), the model is followed.
        let czech = "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">\n"
            + "<title>Když</title>\n</head>\n<body>\n<p>když</p>\n</body>\n</html>\n"
        switch try outcome(czech, "ISO-8859-2") {
        case .success(let output): XCTAssertEqual(output, Array(czech.replacingOccurrences(of: "iso-8859-1", with: "UTF-8").utf8))
        case .failure(let error): XCTFail("\(error)")
        }
        XCTAssertTrue(CharsetDetector.showsSignsWhereverItDiffers(scalars("½ 67 µm ¼ m²"), from: scalars("« 67 æm ¬ mČ")))
        XCTAssertFalse(CharsetDetector.showsSignsWhereverItDiffers(scalars("g³ówna"), from: scalars("główna")))
        XCTAssertFalse(CharsetDetector.showsSignsWhereverItDiffers(scalars("12 ¤"), from: scalars("12 €")))
        XCTAssertFalse(CharsetDetector.showsSignsWhereverItDiffers(scalars("Ýstanbul"), from: scalars("İstanbul")))
        XCTAssertFalse(CharsetDetector.showsSignsWhereverItDiffers(scalars("same"), from: scalars("same")))
    }

    /// In Latin text, signs of a common charset where a rarer Latin one shows prose signs (`202«`
    /// through Windows-1252 of a CP437 file's `202½`) are no verdict: the model prices a quotation
    /// mark below `½`. A Cyrillic charset's prose sign (`©` where Windows-1252 has `¿`) is not
    /// weighed so: Latin text is not written in it.
    func testSignsOfACommonCharsetAgainstARarerLatinOnesProseSignsAreNoVerdict() throws {
        // (CP437 and CP850 both write `½` as 0xAB: the pair names the one listed first.)
        try assertRefused("Bench dogs reign chin servers superb 202½ copyright length admire rural workshop wasn't.\n", "IBM850")
        let dutch = "Legaal mezelf vakantie agentschap ¿spanning? kijkje daarnaast redacteur gevestigd dan inhoud best kwijtgeraakt!\n"
        guard case .success(let output) = try outcome(dutch, "windows-1252") else { return XCTFail("refused") }
        XCTAssertEqual(output, Array(dutch.utf8))
        XCTAssertTrue(CharsetDetector.differsInSignsAlone(scalars("202«"), from: scalars("202½")))
        XCTAssertFalse(CharsetDetector.differsInSignsAlone(scalars("søster"), from: scalars("s°ster")))
        XCTAssertFalse(CharsetDetector.differsInSignsAlone(scalars("12 ¬"), from: scalars("12 ¤")))
        XCTAssertTrue(CharsetDetector.writesLatin(Charset("IBM437")))
        XCTAssertTrue(CharsetDetector.writesLatin(Charset("macintosh")))
        XCTAssertFalse(CharsetDetector.writesLatin(Charset("KOI8-R")))
        XCTAssertFalse(CharsetDetector.writesLatin(Charset("ISO-8859-7")))
    }

    func testProseSigns() {
        for s: UInt32 in [0xA9, 0xAE, 0xB0, 0xB5, 0xD7, 0x201E, 0x20AC, 0x2122] { XCTAssertTrue(CharsetDetector.isProseSign(s), "\(s)") }
        for s: UInt32 in [0xA4, 0xA6, 0xAD, 0xB4, 0x41, 0xE9, 0x85] { XCTAssertFalse(CharsetDetector.isProseSign(s), "\(s)") }
    }
}
