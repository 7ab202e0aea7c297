import XCTest
import MojifixTestSupport
@testable import MojifixMarkdown

/// The character rules' runs found through a document's `RareBytes` equal those found by one
/// memchr search per lead byte, for every rule's patterns, on seeded text mixing ASCII, Hangul,
/// the characters the rules look for and their neighbours; and the offsets are every rare byte.
final class RareBytesTests: XCTestCase {
    func testRunsEqualThoseOfTheSearchPerLead() {
        var g = SeededGenerator(seed: 99)
        let pieces = ["a", " ", "\n", "\r\n", "\r", "한", "글", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{FFFD}", "\u{FE0F}", "\u{FE0E}", "\u{202E}",
                      "\u{200D}", "👨", "💻", "⚠", "©", "\u{3164}", "\u{FFA0}", "\u{1160}", "\u{0085}", "é", "—", "\u{E0067}",
                      "\u{061C}", "\u{E0100}", "漢", "ㅎ", "\u{1F3FB}", "x\u{FE0F}\u{FE0F}"]
        let patterns: [[[UInt8]]] = [SecurityCharactersRule.prefixes, [[0xEF, 0xB8]], [[0xF0]], [[0xE2], [0xE3], [0xC2]], [[0xEF, 0xB8, 0x8F]],
                                     [[0xE2, 0x80, 0x8B], [0xE2, 0x81, 0xA0], [0xEF, 0xBB, 0xBF], [0xEF, 0xBF, 0xBD]]]
        for n in 0..<2000 {
            var bytes = Array((0..<g.next(40)).map { _ in g.pick(pieces) }.joined().utf8)
            // Now and then a cut character (ill-formed UTF-8) or a stray byte.
            if g.next(4) == 0, !bytes.isEmpty { bytes.remove(at: g.next(bytes.count)) }
            if g.next(4) == 0 { bytes.insert(UInt8(g.next(256)), at: g.next(bytes.count + 1)) }
            let document = MarkdownDocument(bytes)
            let want = bytes.indices.filter { RareBytes.isRare(bytes[$0]) }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { document.rareBytes.offsets($0) }, want, "#\(n)")
            for set in patterns {
                XCTAssertEqual(Bytes.runs(holding: set, in: document), Bytes.runs(holding: set, in: bytes), "#\(n) \(set) \(bytes)")
            }
        }
    }

    func testCarriedThroughEditsEqualsAFreshPass() {
        var g = SeededGenerator(seed: 512)
        let pieces = ["a", " ", "\n", "\r", "한", "\u{200B}", "👨", "é", "—", "\u{FE0F}", "xyz"]
        for n in 0..<3000 {
            let bytes = Array((0..<g.next(30)).map { _ in g.pick(pieces) }.joined().utf8)
            // Sorted edits that do not overlap, insertions among them (two at one offset too).
            var edits: [TextEdit] = []
            var at = 0
            while at <= bytes.count, g.next(3) != 0 {
                let start = at + g.next(bytes.count - at + 1)
                let end = g.next(2) == 0 ? start : min(bytes.count, start + g.next(8))
                let replacement = Array((0..<g.next(3)).map { _ in g.pick(pieces) }.joined().utf8)
                edits.append(TextEdit(range: start..<end, replacement: replacement, message: ""))
                at = end == start ? start : end
                if end == start && g.next(2) == 0 { at += 1 }
            }
            let after = Normalizer.apply(edits, to: bytes)
            let old = RareBytes()
            _ = bytes.withUnsafeBufferPointer { old.offsets($0) }
            let want = after.indices.filter { RareBytes.isRare(after[$0]) }
            XCTAssertEqual(old.carried(through: edits).found, want, "#\(n) \(bytes) \(edits.map { ($0.range, $0.replacement) })")
        }
        XCTAssertNil(RareBytes().carried(through: []).found)
    }
}
