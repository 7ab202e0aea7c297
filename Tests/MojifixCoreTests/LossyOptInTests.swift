import XCTest
import MojifixCore
import MojifixTestSupport

final class LossyOptInTests: XCTestCase {
    /// Windows-1252 misreading of French with every NBSP turned into a space: `Ã ` lost a byte.
    let garbled = Array("Il est arrivÃ© Ã  lâ€™heure, trÃ¨s tÃ´t. Ã  la fin, il Ã©tait lÃ .\nUn cafÃ© trÃ¨s chaud, Ã  emporter.\n".utf8)

    func testLossyGuessesAreListedNotMadeByDefault() throws {
        let result = try Repairer().repair(garbled)
        XCTAssertTrue(result.plan.isLossless)
        XCTAssertFalse(result.plan.withheld?.isEmpty ?? true)
        XCTAssertTrue(result.plan.withheld!.allSatisfy { !$0.change.lossless })
        XCTAssertTrue(String(decoding: result.output, as: UTF8.self).contains("arrivé Ã  l’heure"))
    }

    func testLossyOptionMakesThemAndKeepsWordsApart() throws {
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        XCTAssertFalse(result.plan.isLossless)
        let text = String(decoding: result.output, as: UTF8.self)
        XCTAssertTrue(text.contains("arrivé à l’heure"), text)
        XCTAssertTrue(text.contains("il était là."), text)
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
    }

    /// A lost NBSP that was the only space before the next word: the language model, in the
    /// language around, decides whether the word goes on (Portuguese `às`) or a word gap follows
    /// (French `à Paris`, before a capital too): a guess never merges or splits words.
    func testTheWordGapAfterALostNBSPFollowsTheLanguage() throws {
        let cases = [("Il est allÃ© Ã Paris hier, trÃ¨s content.\n", "Il est allé à Paris hier, très content.\n"),
                     ("A reuniÃ£o comeÃ§a Ã s nove horas, na sala de reuniÃµes.\n", "A reunião começa às nove horas, na sala de reuniões.\n")]
        for (garbled, clean) in cases {
            let input = Array(garbled.utf8)
            let result = try Repairer(options: RepairOptions(lossy: true)).repair(input)
            XCTAssertEqual(String(decoding: result.output, as: UTF8.self), clean)
            XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), input)
        }
    }

    /// Where an NBSP and the space after it were collapsed into one space (`voilÃ le`), the
    /// space was the word gap as well: after a letter too, the model in the language around
    /// decides, with the word going on as the prior (Vietnamese `ĐÃ o` is `Đào`), and a capital
    /// or the next garbled letter (`papÃ Ã¨` is `papà è`, `HÃ Ná»™i` `Hà Nội`) after it.
    func testAWordGapAfterALetterFollowsTheLanguage() throws {
        let cases = [("VoilÃ le travail, il est allÃ© Ã Paris et lÃ il a vu sa tante.\n", "Voilà le travail, il est allé à Paris et là il a vu sa tante.\n"),
                     ("Il papÃ Ã¨ andato lÃ con la cittÃ e poi Ã¨ tornato giÃ .\n", "Il papà è andato là con la città e poi è tornato già.\n"),
                     ("TÃ´i thÃ\u{AD}ch hoa Ä‘Ã o vÃ cÃ¢y Ä‘Ã o á»Ÿ HÃ Ná»™i, ngÆ°á»\u{9D}i Viá»‡t gá»\u{8D}i lÃ táº¿t.\n",
                      "Tôi thích hoa đào và cây đào ở Hà Nội, người Việt gọi là tết.\n")]
        for (garbled, clean) in cases { try assertLossyRepair(Array(garbled.utf8), gives: clean) }
    }

    /// A lost NBSP is one choice, nothing to guess: the model confirms it like any unit, on a
    /// line with no other mojibake (`voilÃ le travail`: a capital ending a lowercase word). Listed
    /// by default, made with `--lossy`.
    func testALoneLostNBSPIsConfirmedByTheModel() throws {
        for garbled in ["voilÃ le travail\n", "voilÃ  le travail\n"] {
            let input = Array(garbled.utf8)
            let listed = try Repairer().repair(input)
            XCTAssertEqual(listed.output, input)
            XCTAssertEqual(listed.plan.withheld?.count, 1, garbled)
            try assertLossyRepair(input, gives: "voilà le travail\n")
        }
    }

    /// A converter's `?` for a byte it could not map, after a lead and a sign (`â€?`: `”` lost
    /// its 0x9D), is a lost byte like a U+FFFD; `…?` after a letter on the same line is a question.
    func testAQuestionMarkThatLostAByteIsGuessed() throws {
        try assertLossyRepair(Array("The ICR has been upgraded to â€œbb+â€? from â€œbbâ€?\n".utf8),
                              gives: "The ICR has been upgraded to “bb+” from “bb”\n")
        try assertLossyRepair(Array("Il a dit : « un café…? » Le cafÃ© crÃ¨me Ã©tait trÃ¨s bon, mÃªme froid.\n".utf8),
                              gives: "Il a dit : « un café…? » Le café crème était très bon, même froid.\n")
    }

    /// A lost byte the document's frequencies cannot choose is for the language model, in the
    /// line's language read with its mojibake decoded (Spanish; as written it reads as
    /// Portuguese), and only when it clearly prefers one choice: `Ã` + U+FFFD can be `Á`, `Í`,
    /// `Ï`, `Ð` or `Ý`, and between `PA?S` and `?NDICE` bigrams prefer `Í` by 0.2 nats and `Á`
    /// (wrongly) by 1.7. Both stay U+FFFD; the rest of the line is repaired.
    func testAGuessTheModelDoesNotClearlyPreferStaysTheReplacementCharacter() throws {
        let garbled = Array("La canciÃ³n mÃ¡s famosa del aÃ±o. Mi PAÃ\u{FFFD}S y el Ã\u{FFFD}NDICE. El Ã­ndice estÃ¡ aquÃ­.\n".utf8)
        try assertLossyRepair(garbled, gives: "La canción más famosa del año. Mi PA\u{FFFD}S y el \u{FFFD}NDICE. El índice está aquí.\n")
    }

    /// Lost bytes next to each other are chosen together: each judged beside the other's first
    /// choice gave `θορρβους` and `ρρζι` (both bytes of `ρύ` lost). Every lost byte of this
    /// Greek line comes back right or as U+FFFD.
    func testLostBytesNextToEachOtherAreChosenTogether() throws {
        let clean = "Ο θόρυβος της πόλης και οι θορύβους των δρόμων δεν σταματούν ποτέ. Το ρύζι ήταν νόστιμο.\n"
        let garbled = Array(Garbling.garbleStrictWindows1252(clean).utf8)
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        assertRightOrReplacement(result.output, clean)
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
    }

    /// A lost byte of a Hangul syllable is the model's choice where it is clear, then the
    /// document's, then the only common syllable among the choices: the common-syllable list
    /// alone gave `큉팁` for `평판`, `적심` for `점심`, `탁시` for `택시` and `탈끽` for `탈락`.
    func testKoreanLostBytesAreForTheModelBeforeTheCommonSyllables() throws {
        let clean = "오늘은 날씨가 좋아서 공원에 갔습니다. 평판이 좋은 식당에서 점심을 먹었어요. 번성한 도시의 택시는 탈락했다.\n"
        let garbled = Array(Garbling.garbleStrictWindows1252(clean).utf8)
        try assertLossyRepair(garbled, gives: clean)
    }

    /// A line whose lossless mojibake is strong on its own has its lost bytes guessed (with
    /// `--lossy`) even where the document is not established: the closing quote of a quotation
    /// whose opening quote was repaired. By default it is listed, not made.
    func testALostByteOnAStronglyGarbledLineIsGuessed() throws {
        let garbled = Array("He said â€œsee you tomorrowâ€\u{FFFD} and left.\n".utf8)
        try assertLossyRepair(garbled, gives: "He said “see you tomorrow” and left.\n")
        let byDefault = try Repairer().repair(garbled)
        XCTAssertEqual(Array(byDefault.output), Array("He said “see you tomorrowâ€\u{FFFD} and left.\n".utf8))
        XCTAssertEqual(byDefault.plan.withheld?.count, 1)
    }

    /// A short line reads as several languages alike (Russian, Ukrainian, Bulgarian): a lost
    /// byte is guessed only where every one of them clearly makes the same choice. Ukrainian
    /// alone made `Русякий` of `Русский` (both bytes of `сс` lost).
    func testAShortLineGuessesOnlyWhatItsPlausibleLanguagesAgreeOn() throws {
        let garbled = Array(Garbling.garbleStrictWindows1252("Русский\n").utf8)
        try assertLossyRepair(garbled, gives: "Ру\u{FFFD}\u{FFFD}кий\n")
    }

    /// Spanish through strict Windows-1250 (`Á` is C3 81; 0x81 is undefined there): the lost
    /// byte is guessed with `--lossy` like one lost through Windows-1252.
    func testALostByteOfWindows1250IsGuessed() throws {
        let garbled = Array("La historia de Ă\u{FFFD}frica y de AmĂ©rica, segĂşn los libros de la Ă©poca.\n".utf8)
        try assertLossyRepair(garbled, gives: "La historia de África y de América, según los libros de la época.\n")
    }

    /// Quotation marks lost through Windows-1257 (`‘` is E2 80 98 and `“` E2 80 9C, both bytes
    /// undefined there): the model prices `“` as common punctuation and `‘` not, a prior, not
    /// evidence, so neither is guessed.
    func testALostQuotationMarkAmongOthersIsNotGuessed() throws {
        // Python: "Jis pasakė: ‘Labas rytas’, o ji atsakė: “Labas”. Ačiū už pagalbą.\n".encode().decode("cp1257", errors="replace")
        let garbled = Array("Jis pasakÄ—: ā€\u{FFFD}Labas rytasā€™, o ji atsakÄ—: ā€\u{FFFD}Labasā€¯. AÄ¨iÅ« uÅ¾ pagalbÄ….\n".utf8)
        try assertLossyRepair(garbled, gives: "Jis pasakė: \u{FFFD}Labas rytas’, o ji atsakė: \u{FFFD}Labas”. Ačiū už pagalbą.\n")
    }

    /// `garbled` repaired with `--lossy` gives exactly `expected`, and the plan's inverse gives
    /// `garbled` back.
    @discardableResult
    private func assertLossyRepair(_ garbled: [UInt8], gives expected: String,
                                   file: StaticString = #filePath, line: UInt = #line) throws -> RepairResult {
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        XCTAssertEqual(Array(result.output), Array(expected.utf8), String(decoding: result.output, as: UTF8.self), file: file, line: line)
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled, file: file, line: line)
        return result
    }

    /// Every scalar of `output` is the clean text's or U+FFFD (a guess is right or not made).
    private func assertRightOrReplacement(_ output: [UInt8], _ clean: String, file: StaticString = #filePath, line: UInt = #line) {
        let got = Array(String(decoding: output, as: UTF8.self).unicodeScalars), wanted = Array(clean.unicodeScalars)
        XCTAssertEqual(got.count, wanted.count, String(decoding: output, as: UTF8.self), file: file, line: line)
        for (g, w) in zip(got, wanted) where g != w {
            XCTAssertEqual(g, "\u{FFFD}", "\(g) for \(w) in \(String(decoding: output, as: UTF8.self))", file: file, line: line)
        }
    }

    /// The language deciding a word gap is read from the text already repaired (and the ASCII
    /// after it), not from the mojibake as written: French shown as Windows-1251 reads as
    /// another language, whose model merged `à l’est` into `àl’est`.
    func testTheWordGapIsDecidedInTheLanguageOfTheRepairedText() throws {
        let garbled = Array("Il habite Г lвЂ™est de la ville, prГЁs de la gare, Г cГґtГ© du marchГ©.\n".utf8)
        try assertLossyRepair(garbled, gives: "Il habite à l’est de la ville, près de la gare, à côté du marché.\n")
    }

    /// A lost byte nothing tells apart becomes U+FFFD, as a strict decoder would have written
    /// it, never a coin toss: the model has no Hindi, so the virama of `हिन्दी` (E0 A5 8D, its
    /// 0x8D lost) is not guessed as `ॐ` (E0 A5 90); the rest of the text is repaired.
    func testALostByteNothingTellsApartBecomesTheReplacementCharacter() throws {
        // Python: "मैं हिन्दी में लिखता हूँ और पढ़ता भी हूँ।".encode().decode("cp1252", errors="replace")
        let garbled = Array("à¤®à¥ˆà¤‚ à¤¹à¤¿à¤¨à¥\u{FFFD}à¤¦à¥€ à¤®à¥‡à¤‚ à¤²à¤¿à¤–à¤¤à¤¾ à¤¹à¥‚à¤\u{FFFD} à¤”à¤° à¤ªà¤¢à¤¼à¤¤à¤¾ à¤\u{AD}à¥€ à¤¹à¥‚à¤\u{FFFD}à¥¤\n".utf8)
        let result = try assertLossyRepair(garbled, gives: "मैं हिन\u{FFFD}दी में लिखता हू\u{FFFD} और पढ़ता भी हू\u{FFFD}।\n")
        let guesses = result.plan.passes.flatMap { $0.changes }.compactMap(\.guesses).joined()
        XCTAssertTrue(guesses.contains { $0.contains("not recoverable") }, "\(guesses)")
    }

    /// Between lost-byte choices, the line's language (read from the line as written) prices a
    /// window only in its own script: Cyrillic mojibake reads as a Latin language as written, and
    /// every Cyrillic choice was priced at that language's floor (`язык` became `сзык`, the first
    /// candidate). Each lost byte is now the right letter or U+FFFD, and `Рус` is restored.
    func testLostByteChoicesArePricedInTheirOwnScript() throws {
        let clean = "Русский язык — язык русского народа, и русский язык красив.\n"
        let garbled = Array(Garbling.garbleStrictWindows1252(clean).utf8)
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        assertRightOrReplacement(result.output, clean)
        XCTAssertTrue(String(decoding: result.output, as: UTF8.self).hasPrefix("Рус"))
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
    }
}
