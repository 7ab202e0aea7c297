import MojifixTestSupport
import XCTest
@testable import MojifixCore

/// `ReadingSieve` lets the mojibake pass skip decoders that find nothing and share the units and
/// scores of decoders that find the same ones. Both claims, decoder by decoder, on the seeded
/// records of `ReadingBoundTests` (every language, every chain, clean, garbled, lost bytes), and
/// repair with the sieve gives exactly what decoding and scoring every reading gives.
final class ReadingSieveTests: XCTestCase {
    /// Choices over every high byte: equal for two units exactly when their guessed bytes are.
    static let everyHighByte = (0x80...0xFF).map(UInt8.init)

    static func same(_ a: DecodedUnit, _ b: DecodedUnit) -> Bool {
        a.start == b.start && a.end == b.end && a.scalar == b.scalar && a.width == b.width && a.lossy == b.lossy
            && a.spaceLost == b.spaceLost && a.choiceCount == b.choiceCount
            && a.alternatives(Self.everyHighByte) == b.alternatives(Self.everyHighByte) && a.evidence == b.evidence
            && a.supportive == b.supportive && a.rejected == b.rejected
    }

    /// A decoder for every registered misreading, and the scoring of their units.
    static func decoders() throws -> (decoders: [UnitDecoder], scoring: UnitScoring) {
        let cp949 = try CP949Table()
        var tables: [Charset: SingleByteTable] = [:]
        for charset in Charset.misreadings { tables[charset] = try SingleByteTable(charset) }
        let scoring = UnitScoring(cp949: cp949, alphabet: SuspicionAlphabet(tables: Charset.misreadings.map { tables[$0]! }))
        return (Misreading.registry.map { UnitDecoder(misreading: $0.misreading, table: tables[$0.misreading.shownAs]!, cp949: cp949) }, scoring)
    }

    func testRuledOutDecodersFindNothingAndTwinsFindTheSameUnits() throws {
        let (decoders, scoring) = try Self.decoders()
        let sieve = try XCTUnwrap(ReadingSieve(decoders))
        var ruledOut = 0, twins = 0, decoding = 0
        for (n, record) in ReadingBoundTests.records().enumerated() {
            record.withUnsafeBufferPointer { p in
                // A sample that ends before the text does (a long document's), as well as the whole text.
                for end in [p.count, p.count / 2] {
                    var boundary = end
                    while boundary > 0 && boundary < p.count && p[boundary] & 0xC0 == 0x80 { boundary -= 1 }
                    let sifted = sieve.sift(p, range: 0..<boundary)
                    let units = decoders.map { decoder -> [DecodedUnit] in
                        var units = decoder.units(in: p, range: 0..<boundary)
                        scoring.score(&units, decoder: decoder, in: p)
                        return units
                    }
                    for (k, decoder) in decoders.enumerated() {
                        if sifted.mayDecode >> UInt64(k) & 1 == 0 {
                            XCTAssertTrue(units[k].isEmpty, "record \(n), \(decoder.misreading): ruled out, yet decodes")
                            ruledOut += 1
                            continue
                        }
                        decoding += 1
                        let twin = sifted.twin[k]
                        guard twin != k else { continue }
                        XCTAssertLessThan(twin, k)
                        XCTAssertEqual(decoders[twin].misreading.actual, decoder.misreading.actual)
                        XCTAssertTrue(units[k].count == units[twin].count && zip(units[k], units[twin]).allSatisfy(Self.same),
                                      "record \(n), \(decoder.misreading): not decoded as \(decoders[twin].misreading)")
                        twins += 1
                    }
                }
            }
        }
        // The sieve does rule decoders out and find twins on these records (the test can fail).
        XCTAssertGreaterThan(ruledOut, 1000)
        XCTAssertGreaterThan(twins, 100)
        XCTAssertGreaterThan(decoding, 1000)
    }

    func testSievingChangesNoRepair() throws {
        try ReadingBoundTests.assertSameRepairs { $0.sievesReadings = false }
    }
}
