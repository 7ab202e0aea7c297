import XCTest
@testable import MojifixCore

/// A feed or a web page holds a few lines of text in much ASCII markup. The markup chose the
/// language a reading was weighed in (English-like, where `æ` costs more than `µ`: a Danish page
/// was read as IBM850) and priced readings by how each language likes Latin (Russian more than
/// Thai: a Thai feed was read as ISO-8859-5). Tags are now left out of what is weighed, and a text
/// whose letters are largely not ASCII has its ASCII priced as quoted Latin text.
final class CharsetDetectorMarkupTests: XCTestCase {
    private func page(_ lines: [String]) -> String {
        let body = lines.enumerated().map { k, line in
            "<div class=\"entry\"><h2><a href=\"/post/\(1000 + k)\" rel=\"bookmark\">\(line)</a></h2></div>\n"
        }.joined()
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(lines[0])</title>\n<link rel=\"stylesheet\" href=\"/static/css/main.css\" type=\"text/css\">\n</head>\n<body>\n"
            + body + "</body>\n</html>\n"
    }

    private func feed(_ lines: [String]) -> String {
        let items = lines.enumerated().map { k, line in
            "<item>\n<title>\(line)</title>\n<link>https://www.example.org/archives/\(100 + k).html</link>\n"
                + "<pubDate>Mon, 03 Nov 2014 10:00:00 GMT</pubDate>\n</item>\n"
        }.joined()
        return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>\(lines[0])</title>\n"
            + "<link>https://www.example.org/</link>\n\(items)</channel>\n</rss>\n"
    }

    private func assertReadRight(_ text: String, _ charset: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = try legacyBytes(text, in: charset)
        do {
            let output = try Repairer().repair(bytes).output
            XCTAssertEqual(output, Array(text.utf8), "\(charset): \(String(decoding: output, as: Unicode.UTF8.self))", file: file, line: line)
        } catch {
            XCTFail("\(charset): \(error)", file: file, line: line)
        }
    }

    /// Each of these was read through another charset (or refused) while the markup was weighed.
    func testAPageOrAFeedIsReadInTheLanguageOfItsText() throws {
        try assertReadRight(page(["Vejret bliver koldt i weekenden", "Hvem vinder den store pris i år?"]), "windows-1252")
        try assertReadRight(feed(["Nowe przepisy dla rowerzystów w mieście"]), "windows-1250")
        try assertReadRight(page(["מזג האוויר היום"]), "windows-1255")
        try assertReadRight(feed(["ข่าววันนี้ ฝนตกหนักในกรุงเทพ"]), "windows-874")
    }

    func testPagesAndFeedsReadRightBeforeStayRight() throws {
        try assertReadRight(feed(["Neue Regeln für Radfahrer in der Stadt"]), "windows-1252")
        try assertReadRight(feed(["أخبار اليوم في المدينة"]), "windows-1256")
        try assertReadRight(page(["Погода на выходные"]), "windows-1251")
        try assertReadRight(page(["Ο καιρός σήμερα στην Αθήνα"]), "windows-1253")
    }

    /// Latin text whose only non-ASCII bytes are signs: its ASCII is its own words, which a
    /// Cyrillic reading of the signs (`40 О 30`, `100 АC`) must pay for in its own language.
    func testSignsInLatinTextDoNotMakeACyrillicReading() throws {
        for text in ["Il pacco misura 40 × 30 cm e pesa 2 ± 0,1 kg secondo il corriere.\n",
                     "Het water kookt bij 100 °C en de fles kost £12 in de winkel.\n"] {
            let bytes = try legacyBytes(text, in: "windows-1252")
            if let output = try? Repairer().repair(bytes).output {
                XCTAssertEqual(output, Array(text.utf8), String(decoding: output, as: Unicode.UTF8.self))
            }
        }
    }

    func testTagsAreLeftOutOfTheSample() {
        func stripped(_ s: String) -> String {
            String(decoding: CharsetDetector.withoutMarkup(Array(s.utf8)), as: Unicode.UTF8.self)
        }
        XCTAssertEqual(stripped("<title>Ærø</title>\n<p class=\"x\">tekst</p>"), "Ærø \ntekst ")
        XCTAssertEqual(stripped("<?xml version=\"1.0\"?>\n<![CDATA[<p>a</p>]]>"), "\n<![CDATA[ a ]]>")
        // Not a tag: `<` before a space or a digit, no `>` on the line, a non-ASCII byte inside.
        XCTAssertEqual(stripped("a < b and c > d"), "a < b and c > d")
        XCTAssertEqual(stripped("x <3 y"), "x <3 y")
        XCTAssertEqual(stripped("<a href=\"/x\"\n>y"), "<a href=\"/x\"\n>y")
        XCTAssertEqual(stripped("<img alt=\"Ærø\"> and <b>bold</b>"), "<img alt=\"Ærø\"> and bold ")
        XCTAssertEqual(stripped("no markup"), "no markup")
        // Johab's second bytes include `<`: in bytes Johab decodes, a tag starts after ASCII only.
        XCTAssertEqual(CharsetDetector.withoutMarkup([0x41, 0xE0, 0x3C, 0x62, 0x3E, 0x20], afterASCII: true), [0x41, 0xE0, 0x3C, 0x62, 0x3E, 0x20])
        XCTAssertEqual(CharsetDetector.withoutMarkup([0x41, 0xE0, 0x3C, 0x62, 0x3E, 0x20]), [0x41, 0xE0, 0x20, 0x20])
    }

    /// Non-ASCII bytes count as letters only in runs (a word of another script); Latin text's
    /// accents and signs stand one at a time.
    func testNonASCIIShareCountsRunsOfHighBytesAsLetters() throws {
        XCTAssertEqual(CharsetDetector.nonASCIIShare(Array("ab 12 <>".utf8)), 0)
        XCTAssertEqual(CharsetDetector.nonASCIIShare([0xE0, 0xE1, 0x20, 0x41, 0x62, 0x31]), 0.5)
        XCTAssertEqual(CharsetDetector.nonASCIIShare(Array("123 !".utf8)), 0)
        XCTAssertEqual(CharsetDetector.nonASCIIShare([0x99, 0xB1, 0x0A, 0xA6, 0xCA, 0x31]), 0, "no ASCII letter, nothing quoted")
        XCTAssertEqual(CharsetDetector.nonASCIIShare(try legacyBytes("Länge 12 €, 15 £ für Straße", in: "windows-1252")), 0)
        XCTAssertGreaterThan(CharsetDetector.nonASCIIShare(try legacyBytes("Погода: www.example.org", in: "windows-1251")), 0.3)
    }

    /// Too little text left once the markup is out to overrule a declaration or to be read at
    /// all: a page holding a price or a word is weighed as the price or the word would be.
    func testAPageWithLittleTextKeepsItsDeclaration() throws {
        let text = page(["Preis: 12 €"]).replacingOccurrences(of: "<head>\n", with: "<head>\n<meta charset=\"iso-8859-15\">\n")
        let output = try Repairer().repair(try legacyBytes(text, in: "ISO-8859-15")).output
        XCTAssertEqual(output, Array(text.replacingOccurrences(of: "iso-8859-15", with: "UTF-8").utf8),
                       String(decoding: output, as: Unicode.UTF8.self))
    }

    /// Latin-script languages keep their own price of the ASCII; others move towards the cheapest
    /// Latin one by the share given (and never up to it from below).
    func testASCIIOfAnotherScriptsTextIsPricedAsQuotedLatin() throws {
        let model = LanguageModel.shared
        let scalars = Array("Погода: https://www.example.org/weather, Mon 03 Nov".unicodeScalars.map(\.value))
        let own = model.score(scalars, bigrams: .nonASCII)
        let ascii = model.score(scalars, languages: model.all, bigrams: .ascii)
        let plain = own.adding(ascii)
        let whole = own.adding(asciiOf: ascii, quoted: 1)
        let half = own.adding(asciiOf: ascii, quoted: 0.5)
        let none = own.adding(asciiOf: ascii, quoted: 0)
        let cheapestLatin = try XCTUnwrap(model.languages.filter { $0.script == .latin }.compactMap { ascii.cost($0) }.min())
        var moved = 0
        for language in model.languages where plain.cost(language) != nil {
            let p = plain.cost(language)!, w = whole.cost(language)!, h = half.cost(language)!
            XCTAssertEqual(none.cost(language), p)
            if language.script == .latin {
                XCTAssertEqual(w, p, language.code)
                XCTAssertEqual(h, p, language.code)
            } else {
                let asciiCost = ascii.cost(language)!
                XCTAssertEqual(w, p - max(0, asciiCost - cheapestLatin), accuracy: 0.051, language.code)
                XCTAssertEqual(h, p - max(0, asciiCost - cheapestLatin) / 2, accuracy: 0.051, language.code)
                if w < p { moved += 1 }
            }
        }
        XCTAssertGreaterThan(moved, 0)
    }
}
