import XCTest
import MojifixCore
import MojifixICU

/// The language plausibility model: real text is cheapest in its own language, and the same bytes
/// read through the wrong charset cost more than the right reading.
final class LanguageModelTests: XCTestCase {
    let model = LanguageModel.shared

    /// Sentences written for this test (not from the model's word lists), with their language and
    /// legacy charset.
    static let samples: [(code: String, charset: String, text: String)] = [
        ("fr", "windows-1252", "Le marché ouvre à huit heures, même le dimanche où il fait très froid."),
        ("de", "windows-1252", "Die Brücke über den Fluss wurde für größere Fahrzeuge gesperrt."),
        ("es", "windows-1252", "El niño pidió una canción más antes de dormir en la habitación."),
        ("pl", "windows-1250", "Wczoraj wieczorem pojechaliśmy nad jezioro, żeby złowić ryby."),
        ("cs", "windows-1250", "Příští týden budeme opravovat střechu našeho domu na náměstí."),
        ("hu", "ISO-8859-2", "A gyerekek délután a kertben játszottak a kutyával és a macskával."),
        ("tr", "windows-1254", "Yarın sabah erken kalkıp İstanbul'a gitmek için otobüse bineceğiz."),
        ("ru", "windows-1251", "Вчера вечером мы долго гуляли по парку и разговаривали о работе."),
        ("uk", "KOI8-U", "Сьогодні ввечері ми підемо до бібліотеки, щоб узяти нові книжки."),
        ("el", "windows-1253", "Το πρωί πήγαμε στη θάλασσα και κολυμπήσαμε για πολλή ώρα."),
        ("he", "windows-1255", "אתמול בערב הלכנו לים וטיילנו לאורך החוף עד השקיעה."),
        ("ar", "windows-1256", "ذهبنا أمس إلى السوق واشترينا الخضار والفواكه الطازجة."),
        ("zh-Hans", "GB18030", "我们明天早上去公园散步，然后在附近的饭馆吃午饭。"),
        ("zh-Hant", "Big5", "我們明天早上去公園散步，然後在附近的飯館吃午飯。"),
        ("ja", "Shift_JIS", "明日の朝は公園を散歩して、近くの店で昼ご飯を食べます。"),
        ("ko", "windows-949", "내일 아침에는 공원을 산책하고 근처 식당에서 점심을 먹을 거예요."),
    ]

    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    func testEachSampleIsMostPlausibleInItsOwnLanguage() {
        for sample in Self.samples {
            let scores = model.score(scalars(sample.text))
            XCTAssertEqual(scores.best?.language.code, sample.code, sample.text)
            XCTAssertGreaterThan(scores.plausibility, 0.6, sample.text)
        }
    }

    func testTheRightReadingOfTheBytesIsCheaperThanEveryWrongOne() throws {
        let readings = ["windows-1252", "windows-1250", "windows-1251", "KOI8-U", "windows-1253", "windows-1254",
                        "windows-1255", "windows-1256", "ISO-8859-2", "GB18030", "Big5", "Shift_JIS", "windows-949", "IBM866"]
        for sample in Self.samples {
            let bytes = try ICUConverter(sample.charset).encode(Array(sample.text.utf8))
            let right = model.score(scalars(sample.text), nonASCIIOnly: true).best!.cost
            for charset in readings {
                guard let decoded = try? ICUConverter(charset).decode(bytes) else { continue }
                let text = String(decoding: decoded, as: UTF8.self)
                guard text.unicodeScalars.map(\.value) != scalars(sample.text) else { continue }
                let wrong = model.score(scalars(text), nonASCIIOnly: true).best!.cost
                XCTAssertGreaterThan(wrong, right, "\(sample.text) read as \(charset): \(text)")
            }
        }
    }

    func testCaseAndSeparatorsAreFoldedAsTheModelDoes() {
        let fr = model.language(code: "fr")!
        XCTAssertEqual(model.cost(of: 0x00C9, after: 0x20, in: fr), model.cost(of: 0x00E9, after: 0x20, in: fr))
        XCTAssertEqual(model.cost(of: 0x61, after: 0x2E, in: fr), model.cost(of: 0x61, after: 0x20, in: fr))
        // A character the language never uses costs more than any it does.
        XCTAssertGreaterThan(model.cost(of: 0x2593, after: 0x61, in: fr), model.cost(of: 0x00FB, after: 0x61, in: fr))
    }

    func testScoringOnlyNonASCIIBigramsIgnoresPureASCIIRuns() {
        let scores = model.score(scalars("plain ascii words é"), nonASCIIOnly: true)
        XCTAssertEqual(scores.bigrams, 1)  // separator then é; the ASCII bigrams before do not count
        XCTAssertEqual(model.score(scalars("plain ascii"), nonASCIIOnly: true).bigrams, 0)
    }

    /// wordfreq case-folds its lists (ß -> "ss", ς -> σ): the model knows German's ß as the "ss" it
    /// was counted as, and Greek's final sigma as σ, instead of taking them for foreign letters.
    func testCaseFoldedLettersOfTheWordListsAreKnown() {
        let de = model.language(code: "de")!, el = model.language(code: "el")!
        XCTAssertTrue(model.knows(0xDF, in: de))
        XCTAssertEqual(model.cost(of: 0xDF, after: 0x69, in: de),
                       model.cost(of: 0x73, after: 0x69, in: de) + model.cost(of: 0x73, after: 0x73, in: de), accuracy: 1e-9)
        XCTAssertEqual(model.cost(of: 0x65, after: 0xDF, in: de), model.cost(of: 0x65, after: 0x73, in: de))
        XCTAssertTrue(model.knows(0x3C2, in: el))
        XCTAssertEqual(model.cost(of: 0x20, after: 0x3C2, in: el), model.cost(of: 0x20, after: 0x3C3, in: el))
        // Final sigma is lowercase: no case-flip cost after a lowercase letter.
        let word = scalars("μας"), flipped = scalars("μαΣ")
        XCTAssertLessThan(model.score(word, languages: LanguageSet([el])).cost(el)!, model.score(flipped, languages: LanguageSet([el])).cost(el)!)
    }

    /// Romanian's cedilla ş ţ are letters it uses, as its comma-below ș ț are, though the costs
    /// keep them apart (ISO-8859-16 and ISO-8859-2 differ in just those).
    func testCedillaLettersAreKnownToRomanian() {
        let ro = model.language(code: "ro")!
        XCTAssertTrue(model.knows(0x163, in: ro) && model.knows(0x15F, in: ro) && model.knows(0x162, in: ro))
        XCTAssertNotEqual(model.cost(of: 0x163, after: 0x61, in: ro), model.cost(of: 0x21B, after: 0x61, in: ro))
    }
}
