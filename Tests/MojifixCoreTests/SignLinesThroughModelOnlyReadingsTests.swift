import XCTest
import MojifixCore

/// Through readings only the language model decides (CP866, KOI8-R, Windows-1253 and 1256 show
/// UTF-8's bytes as letters), a line whose units all decode to signs was never confirmed: the
/// model cannot price a sign against the letters it replaces. Where the signs' source characters
/// stand apart from letters of their own script and the line gains twice the margin, they are
/// repaired; inside a word of their own script they stay (`тДв` may be letters of a Russian word).
final class SignLinesThroughModelOnlyReadingsTests: XCTestCase {
    /// Lines written for this test, garbled with Python's codecs.
    static let garbled: [(garbled: String, clean: String)] = [
        ("The meeting \u{442}\u{410}\u{423} in room\u{252C}\u{430}four", "The meeting \u{2013} in room\u{A0}four"),  // cp866
        ("as she said\u{411}\u{2500}\u{B2} to the man", "as she said\u{201D} to the man"),  // koi8_r
        ("the price \u{3B2}\u{201A}\u{AC} today", "the price \u{20AC} today"),  // cp1253
        ("wait\u{E2}\u{20AC}\u{A6} for it", "wait\u{2026} for it"),  // cp1256
        ("incontrano\u{E2}\u{20AC}\u{200C} Trasparire", "incontrano\u{201D} Trasparire"),  // cp1256's Latin letters glue to Latin words
        // cp866: `µ` is a sign here, though a letter to Unicode.
        ("it takes 5 \u{252C}\u{2561}s \u{442}\u{410}\u{423} \u{442}\u{410}\u{42C}quoted\u{442}\u{410}\u{42D} text",
         "it takes 5 \u{B5}s \u{2013} \u{201C}quoted\u{201D} text"),
    ]

    func testALineOfSignsIsRepaired() throws {
        for (garbled, clean) in Self.garbled { try assertRepairsAndInverts(garbled, to: clean) }
    }

    /// Clean Cyrillic and Greek text with its typography, and source characters glued to letters
    /// of their own script, are left as written.
    func testSignsInsideWordsOfTheirOwnScriptAndCleanTypographyAreLeft() throws {
        let clean = [
            "В\u{A0}Москве идёт дождь\u{A0}— «как всегда»…",
            "Затварят\u{442}\u{414}\u{432} зрение",
            "Η τιμή είναι 5\u{A0}€ «σήμερα»…",
        ]
        for text in clean { try assertLeftAsWritten(text) }
        // Nor is a line that also holds correctly encoded non-ASCII text (`Šoku` as written).
        try assertLeftAsWritten("OSNOVANI\u{E2}\u{201E}\u{A2} skener Šoku.")
    }
}
