import MojifixTestSupport
import XCTest
import CMojifixScan

/// The SIMD census (and the validation alone, `mj_utf8_valid`) must agree with the scalar
/// reference and with Swift's UTF-8 validation on every input: random bytes, valid text with random mutations, and every length around the
/// 16-byte block boundaries.
final class CensusKernelTests: XCTestCase {
    /// A small alphabet for the flags: Latin-1 high half and a few punctuation marks.
    static let alphabet: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for s in Array(0x80...0xFF) + [0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x2122, 0xF8FF, 0x221E] {
            bits[s >> 6] |= 1 << UInt64(s & 63)
        }
        return bits
    }()

    /// Capitals of the Latin-1 high half, for the lost-NBSP flag.
    static let capitals: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for s in 0xC0...0xDE where s != 0xD7 { bits[s >> 6] |= 1 << UInt64(s & 63) }
        return bits
    }()

    func census(_ bytes: [UInt8], scalar: Bool) -> mj_census_result {
        var r = mj_census_result()
        bytes.withUnsafeBufferPointer { p in
            Self.alphabet.withUnsafeBufferPointer { a in
                Self.capitals.withUnsafeBufferPointer { c in
                    if scalar { mj_census_scalar(p.baseAddress, p.count, a.baseAddress, c.baseAddress, &r) }
                    else { mj_census(p.baseAddress, p.count, a.baseAddress, c.baseAddress, &r) }
                }
            }
        }
        return r
    }

    func check(_ bytes: [UInt8], _ label: String) {
        let fast = census(bytes, scalar: false), reference = census(bytes, scalar: true)
        let valid = String(validating: bytes, as: UTF8.self) != nil
        XCTAssertEqual(reference.valid_prefix == bytes.count, valid, "scalar validity \(label) \(bytes)")
        XCTAssertEqual(bytes.withUnsafeBufferPointer { mj_utf8_valid($0.baseAddress, $0.count) } != 0, valid, "mj_utf8_valid \(label) \(bytes)")
        XCTAssertEqual(fast.valid_prefix, reference.valid_prefix, "prefix \(label) \(bytes)")
        if reference.valid_prefix == bytes.count {
            XCTAssertEqual(fast.control_bytes, reference.control_bytes, "controls \(label)")
            XCTAssertEqual(fast.nul_bytes, reference.nul_bytes, "nul \(label)")
            XCTAssertEqual(fast.has_mojibake_pair, reference.has_mojibake_pair, "pair \(label) \(bytes)")
            XCTAssertEqual(fast.has_conjoining_jamo, reference.has_conjoining_jamo, "jamo \(label)")
            XCTAssertEqual(fast.has_replacement, reference.has_replacement, "fffd \(label)")
        }
    }

    func testSIMDAgreesWithScalarOnRandomAndMutatedInput() {
        var rng = SeededGenerator(seed: 16)
        let pieces: [[UInt8]] = ["a", "\n", "\t", "\u{1}", "\0", "é", "Ã", "©", "일", "간", "ᄒ", "ᅡ", "�", "’", "€", "∞", "\u{F8FF}", "😀", "⚠️", "한국어 ", "Hello "]
            .map { Array($0.utf8) }
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...(round % 3 == 0 ? 40 : 120), using: &rng)
            while bytes.count < length { bytes += pieces.randomElement(using: &rng)! }
            switch round % 4 {
            case 1 where !bytes.isEmpty:  // flip a byte
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            case 2 where !bytes.isEmpty:  // truncate
                bytes.removeLast(Int.random(in: 0...min(3, bytes.count), using: &rng))
            case 3:  // random bytes
                bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            default: break
            }
            check(bytes, "round \(round)")
        }
    }

    /// A capital two-byte lead after a lowercase ASCII letter and before a space (`voilÃ le`:
    /// `à` whose NBSP byte became a space) flags the text, at every block offset, by both paths;
    /// the same capital starting a word, ending a capital word or glued to the next is clean.
    func testACapitalEndingALowercaseWordBeforeASpaceIsFlagged() {
        let flagged = ["voilÃ le travail", "déjÃ vu"], clean = ["Ã la", "VOILÃ le", "voilÃ", "voilÃle", "voilé le"]
        for offset in 0..<40 {
            let prefix = Array(repeating: UInt8(ascii: " "), count: offset)
            for text in flagged + clean {
                let bytes = prefix + Array(text.utf8)
                check(bytes, "\(text) at \(offset)")
                XCTAssertEqual(census(bytes, scalar: false).has_mojibake_pair != 0, flagged.contains(text), "\(text) at \(offset)")
            }
        }
    }

    func testEveryInvalidSequenceClassAtEveryBlockOffset() {
        let invalid: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
                                  [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
                                  [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xC3]]
        for bad in invalid {
            for offset in 0..<40 {
                let prefix = Array(repeating: UInt8(ascii: "a"), count: offset)
                check(prefix + bad + Array("tail 일간".utf8), "offset \(offset)")
                check(prefix + bad, "end offset \(offset)")
                check(Array("일간일간일간".utf8.prefix(offset)) + bad, "korean offset \(offset)")
            }
        }
    }

    /// `mj_json_plain_run` stops where a byte loop does (`"`, `\`, below 0x20) and tells whether
    /// the run held a byte of 0x80 or above, at every length and block offset.
    func testJSONPlainRunAgreesWithAByteLoop() {
        var rng = SeededGenerator(seed: 17)
        let alphabet: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for round in 0..<4000 {
            let length = Int.random(in: 0...70, using: &rng)
            // Mostly plain bytes, so runs are long enough to cross blocks.
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<(round % 2 == 0 ? 12 : 60), using: &rng) < alphabet.count
                    ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            let stop = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? bytes.count
            let high = bytes[..<stop].contains { $0 >= 0x80 }
            var gotHigh: Int32 = 0
            let got = bytes.withUnsafeBufferPointer { mj_json_plain_run($0.baseAddress, $0.count, &gotHigh) }
            XCTAssertEqual(got, stop, "\(bytes)")
            XCTAssertEqual(gotHigh != 0, high, "\(bytes)")
        }
    }
}
