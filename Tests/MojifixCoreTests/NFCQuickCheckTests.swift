import MojifixTestSupport
import XCTest
import MojifixICU

/// `ICUNormalizer.isNFC` answers ASCII, Hangul syllables and CJK ideographs itself, 16 bytes at a
/// time where it can, before asking ICU. On seeded strings mixing those with characters next to
/// their edges and characters NFC changes, at every alignment against the 16-byte blocks, it must
/// agree with "normalising to NFC gives the same bytes" (and refuse ill-formed UTF-8 the same way).
final class NFCQuickCheckTests: XCTestCase {
    static let pieces: [String] = [
        "a", "ab ", "\n", "가", "힣", "한국어 ", "\u{D7A4}", "\u{D7B0}", "\u{ABED}", "\u{ABFF}", "\u{A66F}", "\u{1100}\u{1161}",
        "\u{11A8}", "e\u{301}", "\u{301}", "中文", "\u{F900}", "\u{2000}", "’", "·", "🧑", "\u{0344}", "\u{3099}", "ㄱㅏ",
    ]

    func testQuickCheckAgreesWithNormalising() {
        var g = SeededGenerator(seed: 20261122)
        for n in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(1 + Int(g.next() % 24)) { bytes += Array(Self.pieces[Int(g.next() % UInt64(Self.pieces.count))].utf8) }
            if n % 50 == 0 { bytes.insert(0xED, at: Int(g.next() % UInt64(bytes.count + 1))) }  // ill-formed
            let quick = try? ICUNormalizer.isNFC(bytes)
            let full = (try? ICUNormalizer.normalize(bytes, to: .nfc)).map { $0 == bytes }
            XCTAssertEqual(quick, full, "#\(n) \(bytes.map { String($0, radix: 16) }.joined(separator: " "))")
        }
    }

    /// A lead byte whose continuations fall past the end of a 16- or 32-byte block, after another
    /// lead (`EB EB 80 80`), is ill-formed: the block scan must not take it for whole syllables.
    func testALeadCutByTheBlockEndIsIllFormed() {
        for prefix in 0..<40 {
            let bytes = [UInt8](repeating: 0x61, count: prefix) + [0xEB, 0xEB, 0x80, 0x80] + [UInt8](repeating: 0x61, count: 40)
            XCTAssertNil(try? ICUNormalizer.isNFC(bytes), "prefix \(prefix)")
            let span = bytes.withUnsafeBufferPointer { ICUNormalizer.nfcQuickYesSpan($0) }
            XCTAssertLessThanOrEqual(span, prefix, "prefix \(prefix)")
        }
    }
}
