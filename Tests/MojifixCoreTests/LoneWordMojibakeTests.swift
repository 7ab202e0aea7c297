import XCTest
import MojifixCore

/// A short text holding one garbled word: the CP949 reading, weighed by hand-weighed evidence
/// alone, can win on a lone syllable (`cafÃ©` read as `caf챕`) and then change nothing; the UTF-8
/// readings must still be weighed. A lone unit standing as a word of its own needs hand-weighed
/// evidence besides the model, which prefers any letter to symbols it prices at its floor.
final class LoneWordMojibakeTests: XCTestCase {
    /// Words written for this test, as Windows-1252 or Mac OS Roman shows their UTF-8 bytes (the
    /// plan's inverse must give the garbled input back).
    static let garbledWords: [(garbled: String, clean: String)] = [
        ("cafÃ©", "café"),              // UTF-8 read as windows-1252
        ("MalmÃ¶ station", "Malmö station"),
        ("perch√©", "perché"),           // UTF-8 read as macintosh
        ("√∏lstue", "ølstue"),
        ("Ich weiÃŸ es nicht", "Ich weiß es nicht"),
        ("Wir fahren nach Ã–sterreich", "Wir fahren nach Österreich"),  // the line gains more than the letter
        ("Timi»ôoara", "Timișoara"),
        // An NBSP before a space glues nothing: `Ã` + NBSP is `à`, here one layer down.
        ("ÃƒÂ\u{A0} demain", "à demain"),
        // Words in the language of their letters after English placeholders (Python's koi8_r).
        ("The %(field_name)s of %(model_name)s. TrА╨║ng thц║i:", "The %(field_name)s of %(model_name)s. Trạng thái:"),
        ("Save %(object)s and continue editing. TiА╨©p tА╩╔c", "Save %(object)s and continue editing. Tiếp tục"),
        // Romanian with the cedilla forms ş ţ, which the model reads as ș ț (Python's koi8_r).
        ("е·tiinеёa е÷i tehnologia ц╝n Romц╒nia", "Ştiinţa şi tehnologia în România"),
        // U+FFFD a strict decoder wrote, then garbled: what the author had (its three bytes are
        // the most common garbled sequence). Three of them are not Hangul read as CP949.
        ("The total is 10 ï¿½ per month, paid in advance.", "The total is 10 \u{FFFD} per month, paid in advance."),
        ("name: ï¿½ï¿½ï¿½", "name: \u{FFFD}\u{FFFD}\u{FFFD}"),
    ]

    func testALoneGarbledWordIsRepaired() throws {
        for (garbled, clean) in Self.garbledWords { try assertRepairsAndInverts(garbled, to: clean) }
    }

    /// Windows-1250 and ISO-8859-2 show most of UTF-8's bytes alike; where their evidence ties,
    /// the language model chooses without the margin it needs to override evidence (`rĂŠponse`
    /// is ISO-8859-2's `réponse`, not Windows-1250's `rÊponse`); where they differ only in signs,
    /// which it cannot price, the more common misreading stays (`ÂĄ` is Windows-1250's `¥`).
    func testTiedReadingsAreDecidedByTheModelOnLettersOnly() throws {
        let cases = [("rĂŠponse", "réponse"), ("DĂŠjĂ\u{A0} vu", "Déjà vu"), ("Prix ÂĄ 500, cafĂ©", "Prix ¥ 500, café")]
        for (garbled, clean) in cases {
            XCTAssertEqual(String(decoding: try Repairer().repair(Array(garbled.utf8)).output, as: UTF8.self), clean)
        }
    }

    /// Syllables inside a Latin word, letters on both sides of their run, are accented letters:
    /// Finnish shown as Mac OS Roman (`J√§√§kiekko`) read as CP949 would be `J채채kiekko`, and the
    /// signs around it (`¬∂` `¬ø`) Hangul too.
    func testASyllableRunInsideALatinWordIsNotKorean() throws {
        let garbled = "Kissa ¬∂ ministeri ¬øJ√§√§kiekko‚Äô Sanoo ¬°oppimisen¬Æ pelaaja"
        XCTAssertEqual(String(decoding: try Repairer().repair(Array(garbled.utf8)).output, as: UTF8.self),
                       "Kissa ¶ ministeri ¿Jääkiekko’ Sanoo ¡oppimisen® pelaaja")
    }

    /// One letter foreign to an English line (`ř`), known in no word around it, is a product
    /// name's styling, not a misreading; an NBSP between two words of a Finnish heading is typography.
    func testAForeignLetterInAnotherLanguagesLineIsLeftAlone() throws {
        for clean in ["ELDÅ™ is the new lamp from our shop", "SELKÄ\u{A0}EDELLÄ ON"] {
            XCTAssertEqual(try Repairer().repair(Array(clean.utf8)).output, Array(clean.utf8), clean)
        }
    }

    /// The last letter of a Latin word, an NBSP and a sign is typography, even when its bytes
    /// spell a CJK character or a Hangul syllable through Windows-1252 or 1250 (`é<NBSP>»` is
    /// E9 A0 BB, `頻`; `ě<NBSP>»` is EC A0 BB, `젻`; `ă<NBSP>€` E3 A0 80, `㠀`): each line came
    /// back with them replaced, with `--lossy` too.
    func testASignAfterAnNBSPAfterAWordIsTypography() throws {
        let lines = ["C’est l’été\u{A0}» et «\u{A0}tout est passé\u{A0}» mais «\u{A0}il a été\u{A0}» ici.\n",
                     "Je to opravdu skvělé\u{A0}» a myslím, že to bude zajímavé\u{A0}» a dobře\u{A0}» hotovo.\n",
                     "testuje louce – extrémně € partnerům ‘palba » intenzivně\u{A0}»Alternativu ¿nádherně\u{A0}»hmotné\n",
                     "article“ mistică\u{A0}€ nina·sono, cartea\u{A0}» e frumoasă\u{A0}€ și bună\u{A0}€\n"]
        for clean in lines {
            for options in [RepairOptions(), RepairOptions(lossy: true)] {
                XCTAssertEqual(try Repairer(options: options).repair(Array(clean.utf8)).output, Array(clean.utf8), clean)
            }
        }
    }

    /// Strikethrough as a text effect, garbled: U+0336 after each character (`$̶6̶3̶`, CC B6 read
    /// as `Ì¶`) fits text like a letter, on any base.
    func testAnOverlayMarkAfterEachCharacterIsRepaired() throws {
        XCTAssertEqual(try Repairer().repair(Array("hotel $49 $Ì¶6Ì¶3Ì¶ updated 2018".utf8)).output,
                       Array("hotel $49 $\u{336}6\u{336}3\u{336} updated 2018".utf8))
    }

    /// An NBSP right before a space keeps nothing together: `Ã<NBSP>` standing as a word is `à`,
    /// which the model confirms in the French line.
    func testAnNBSPBeforeASpaceIsASecondByte() throws {
        XCTAssertEqual(try Repairer().repair(Array("ART TRIP Ã\u{A0} l'office de tourisme".utf8)).output,
                       Array("ART TRIP à l'office de tourisme".utf8))
    }

    /// A CP949 reading that leads on the evidence still faces the model against a UTF-8 one:
    /// Russian through Mac OS Roman was read as the syllables CP949 makes of it (`—Ç–µ–º–Ω–æ—Ç—ã`
    /// became `—궿둔셸싻앗귂ã`). (Python: encode UTF-8, decode mac_roman.)
    func testAWordOfAnotherScriptIsNotTakenForCP949Syllables() throws {
        for (garbled, clean) in [("—Ç–µ–º–Ω–æ—Ç—ã", "темноты"), ("–ú–æ–ª–æ–¥–µ–∂—å", "Молодежь"), ("—Å–ª–æ–∂–Ω–æ–≥–æ", "сложного")] {
            XCTAssertEqual(try Repairer().repair(Array(garbled.utf8)).output, Array(clean.utf8), garbled)
        }
    }

    /// Mojibake garbles whole words: a letter glued to a repaired one of its script at the word's
    /// edge is part of it (`Ο„` is `τ` of `τμήμα` through Windows-1253, not a capital omicron and
    /// a quotation mark; it was left, `Ο„μήμα`). (Python: encode UTF-8, decode cp1253.)
    func testALetterAtTheEdgeOfARepairedWordIsRepairedWithIt() throws {
        for (garbled, clean) in [("Ο„ΞΌΞ®ΞΌΞ± Β£ Ξ£Ξ¬ΞΌΞΏΟ‚", "τμήμα £ Σάμος"), ("Ο…Ο€ΞΏΞ²Ξ¬Ξ»Ξ»ΞµΞΉ", "υποβάλλει")] {
            XCTAssertEqual(try Repairer().repair(Array(garbled.utf8)).output, Array(clean.utf8), garbled)
        }
    }

    /// Symbols whose Mac OS Roman bytes spell UTF-8 of a letter, standing alone: math, not mojibake.
    func testALoneUnitOfSymbolsIsLeftAlone() throws {
        for clean in ["(-1/2)! = √π", "∆°", "x √π", "∆t = 5 s", "√x ≤ ∂f/∂x"] {
            XCTAssertEqual(try Repairer().repair(Array(clean.utf8)).output, Array(clean.utf8), clean)
        }
    }

    /// Three accented letters of a clean word whose bytes spell the UTF-8 of a letter of Latin
    /// Extended Additional (Czech `ášť` through ISO-8859-2 is `ṻ`): too rare to repair on its own
    /// (review12); garbled transliteration (`ṣ`, `ḥ`, Python: UTF-8 shown as cp1252) still is.
    func testCleanLettersSpellingARareLatinLetterAreLeft() throws {
        for clean in ["zvlášť zvlášť\n", "zvlášť, zvlášť a zvlášť\n"] {
            XCTAssertEqual(try Repairer().repair(Array(clean.utf8)).output, Array(clean.utf8), clean)
        }
        let garbled = Array("á¹£e á¸¥adÄ«th á¹\u{AD}arÄ«qa á¹£Ã\u{AD}á¹£e\n".utf8)
        XCTAssertEqual(String(decoding: try Repairer().repair(garbled).output, as: UTF8.self), "ṣe ḥadīth ṭarīqa ṣíṣe\n")
    }

    /// A syllable that bytes inside a Latin word decode to, with letters on both sides, is two
    /// clean characters (Vietnamese `ì«` + NBSP); Korean glued to a Latin word on one side is not.
    func testASyllableGluedInsideAWordOfAnotherScriptIsLeft() throws {
        let clean = Array("lì«\u{A0}DIÊN\u{A0}!".utf8)
        XCTAssertEqual(try Repairer().repair(clean).output, clean)
        let garbled = Array("APIë¥¼ ì‚¬ìš©í•˜ë©´ ì¢‹ì•„ìš”".utf8)  // Python: encode UTF-8, decode cp1252
        XCTAssertEqual(try Repairer().repair(garbled).output, Array("API를 사용하면 좋아요".utf8))
    }

    /// What one layer leaves (`Â£` after Windows-1251 is undone) is read by the next layer as
    /// UTF-8 shown through Windows-1252, not as one CP949 syllable (`짙`): a CP949 reading needs a
    /// word of its own. (Python: UTF-8 shown as cp1252, that shown as cp1251.)
    func testALayerLeavesNoLoneCP949Syllable() throws {
        let garbled = Array("The price rose to Г‚ВЈ12 per share".utf8)
        let result = try Repairer().repair(garbled)
        XCTAssertEqual(String(decoding: result.output, as: UTF8.self), "The price rose to £12 per share")
    }
}
