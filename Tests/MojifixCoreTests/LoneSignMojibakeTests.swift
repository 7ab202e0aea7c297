import XCTest
import MojifixCore

/// One garbled sign alone on a line, where it used to be left for want of evidence:
/// - a Latin-1 sign's UTF-8 read as Windows-1252 or its kin starts with `Â` (byte C2): `Â©`,
///   `Â°`, `Â»`, `Â` + NBSP (`Ā»` through Windows-1257); no language ends a word in `Â` or `Ā`
///   but in capitals (Turkish `HÂLÂ`, Latvian `MĀJĀ`); Windows-1251 shows it as `В`, a Russian
///   word, which glues to no Latin word; CP437's `┬` before a letter or sign draws no line;
///   Through Mac OS Roman the same byte is `¬`, which negates a letter, not a sign;
/// - General Punctuation through Mac OS Roman is `‚` + `Ä` + a small accented letter (`‚Äô`):
///   no word starts with two accented letters;
/// - an arrow or a geometric shape (`→`, `●`) is as much a sign of prose as a dash.
final class LoneSignMojibakeTests: XCTestCase {
    /// Lines written for this test, garbled with Python's codecs (UTF-8 bytes shown as cp1252
    /// or mac_roman).
    static let garbled: [(garbled: String, clean: String)] = [
        ("Â© 2024 Example Press", "© 2024 Example Press"),
        ("Outside it is 5 Â°C today", "Outside it is 5 °C today"),
        ("Prices from Â£12", "Prices from £12"),
        ("see the next chapter Â»", "see the next chapter »"),
        ("ElectricianÂ\u{A0}!", "Electrician\u{A0}!"),
        ("the tolerance is Â±3 mm", "the tolerance is ±3 mm"),
        ("the tolerance is ¬±3 mm", "the tolerance is ±3 mm"),
        ("see the next chapter Ā»", "see the next chapter »"),  // cp1257
        ("Electrician\u{412}\u{A0}!", "Electrician\u{A0}!"),  // cp1251's `В` glued to a Latin word
        ("\u{252C}\u{2310} 2024 Example Press", "© 2024 Example Press"),  // cp437: `┬⌐` draws no line
        ("Acme¬Æ parts", "Acme® parts"),
        ("It was 25¬∞C outside", "It was 25°C outside"),
        ("Ã¨ vero", "è vero"),
        ("I don‚Äôt know", "I don’t know"),
        ("as planned ‚Äî more or less", "as planned — more or less"),
        ("wait for it‚Ä¶", "wait for it…"),
        ("‚úì done", "✓ done"),
        ("Ã\u{A0} perturber", "à perturber"),  // `Ã` alone is no word either
        ("jusqu'Ã\u{A0} nos jours", "jusqu'à nos jours"),
        ("â†’ next step", "→ next step"),  // arrows and shapes are signs of notes and lists
        ("â—\u{8F} first item", "● first item"),  // (cp1252 with its undefined bytes kept as C1)
    ]

    func testALoneSignLeadIsRepaired() throws {
        for (garbled, clean) in Self.garbled { try assertRepairsAndInverts(garbled, to: clean) }
    }

    /// After a capital, `Â` or `Ã` may end an uppercase word (Turkish `HÂLÂ`, "still"; Portuguese
    /// `IRMÃ`); among other signs, `¬` draws a face; before a capital's byte, `Ã` names the
    /// letter; a bar, hat or tilde over a variable before a product or power is notation
    /// (`Ā·B`, `Â²`); between small letters `¬` is a line-end hyphen: left as written.
    func testAfterACapitalOrInAFaceItIsLeft() throws {
        for clean in ["HÂLÂ»", "HÂLÂ\u{A0}!", "ONLAR HÂLÂ°", "OK:(   `¬´    ):", "MĀJĀ»", "IRMÃ\u{A0}!", "В\u{A0}Москве", "220В\u{A0}!", "╔═╦═╗\n║┬░║\n╚═╩═╝",
                      // Notation, and digitised print's line-end hyphen (from the session's review).
                      "X = Ā·B", "The output is Ā·B when the enable is low.", "estimate Â·x", "the operator Â² is",
                      "The matrix Ã² equals the identity.", "The matrix Ã·X is computed first.", "a ¬≤ b", "p ¬≠ q",
                      "Menu ┬» Options", "Die Stra¬ße war lang.", "Kj¬øbenhavn", "Kj¬ære",
                      "There are a lot of Ã’s in mojibake text", "„Öl“ und „Äpfel“"] {
            try assertLeftAsWritten(clean)
        }
    }
}
