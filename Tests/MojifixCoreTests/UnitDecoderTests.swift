import XCTest
@testable import MojifixCore

/// The bytes a U+FFFD may stand for in each reading: exactly those its shown charset leaves
/// undefined, which a strict decoder replaces. The expected sets are Python's: the bytes for
/// which `bytes([b]).decode(codec)` raises (an implementation independent of ICU's tables),
/// save one ICU defines.
final class UnitDecoderTests: XCTestCase {
    static let undefinedInPython: [String: [UInt8]] = [
        "cp1252": [0x81, 0x8D, 0x8F, 0x90, 0x9D],
        "cp1251": [0x98],
        "cp1250": [0x81, 0x83, 0x88, 0x90, 0x98],
        "cp1254": [0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E],
        "cp1257": [0x81, 0x83, 0x88, 0x8A, 0x8C, 0x90, 0x98, 0x9A, 0x9C, 0x9F, 0xA1, 0xA5],
        "cp1256": [],
        // Python also leaves 0xAA undefined; ICU's Windows-1253 reads it as `ª`, so a text
        // shows it, and it is no lost byte.
        "cp1253": [0x81, 0x88, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x98, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F, 0xD2, 0xFF],
    ]

    func testALostByteStandsForTheBytesTheShownCharsetLeavesUndefined() throws {
        let cp949 = try CP949Table()
        var checked = 0
        for entry in Misreading.registry where entry.misreading.actual == .utf8 {
            let decoder = UnitDecoder(misreading: entry.misreading, table: try SingleByteTable(entry.misreading.shownAs), cp949: cp949)
            let expected = Self.undefinedInPython[entry.pythonCodecs.shownAs] ?? []
            XCTAssertEqual(decoder.replacementBytes, expected, entry.id)
            if !expected.isEmpty { checked += 1 }
        }
        XCTAssertEqual(checked, 6)
    }

    /// A converter writes `?` for a byte it cannot map: after a lead and a sign (`â€?`, `”`
    /// whose 0x9D was lost) it is a lost byte, with the same choices as a U+FFFD there; after a
    /// lead and punctuation or a letter (`café…?`, `é”?`) it is a question mark.
    func testAQuestionMarkAfterALeadAndASignIsALostByte() throws {
        let entry = try XCTUnwrap(Misreading.registry.first { $0.pythonCodecs.shownAs == "cp1252" && $0.misreading.actual == .utf8 })
        let decoder = UnitDecoder(misreading: entry.misreading, table: try SingleByteTable(entry.misreading.shownAs), cp949: try CP949Table())
        func units(_ text: String) -> [DecodedUnit] {
            Array(text.utf8).withUnsafeBufferPointer { decoder.units(in: $0, range: 0..<$0.count) }
        }
        let lost = units("to â€œbbâ€? from"), replaced = units("to â€œbbâ€\u{FFFD} from")
        XCTAssertEqual(lost.count, 2)
        XCTAssertEqual(lost.last?.lossy, true)
        XCTAssertEqual(lost.last?.choiceCount, replaced.last?.choiceCount)
        XCTAssertEqual(lost.last?.scalar, replaced.last?.scalar)
        XCTAssertEqual(lost.last.map { $0.end - $0.start }, 6)  // `â€?`: 2 + 3 + 1 bytes
        for clean in ["un café…? oui", "il dit «café»? non", "é”? non", "é’?", "Vous aimez Nestlé®? Et le café™? Oui.", "đ°§?"] {
            XCTAssertTrue(units(clean).isEmpty, clean)
        }
    }
}
