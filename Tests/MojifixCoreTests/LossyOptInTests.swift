import XCTest
import MojifixCore

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

    /// A lost byte the document's frequencies cannot choose is guessed by the language model in
    /// the line's language: `Ã` + U+FFFD can be `Á`, `Í`, `Ï`, `Ð` or `Ý`; Spanish says `PAÍS`
    /// and `ÍNDICE` (the first candidate, `Á`, was taken before).
    func testTheLanguageModelChoosesBetweenGuessesTheDocumentCannotTellApart() throws {
        let garbled = Array("La canciÃ³n mÃ¡s famosa del aÃ±o. Mi PAÃ\u{FFFD}S y el Ã\u{FFFD}NDICE. El Ã­ndice estÃ¡ aquÃ­.\n".utf8)
        let result = try Repairer(options: RepairOptions(lossy: true)).repair(garbled)
        XCTAssertEqual(String(decoding: result.output, as: UTF8.self),
                       "La canción más famosa del año. Mi PAÍS y el ÍNDICE. El índice está aquí.\n")
        XCTAssertEqual(try PlanReplayer().invert(result.plan, on: result.output), garbled)
    }
}
