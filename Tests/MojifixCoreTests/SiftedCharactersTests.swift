import MojifixTestSupport
import XCTest
@testable import MojifixCore

/// Each decoder finds, from the sieve's list of characters (`SiftedCharacters`), exactly the units
/// it finds decoding the text, and a CP949 reading gets the same bounds: on the seeded records of
/// `ReadingBoundTests` (every chain, lost bytes, `?`, NBSP turned into spaces), on seeded strings
/// of the characters the decoders react to side by side (the list's edges: spaces and `?` after a
/// lead, characters no table has, U+FFFD, CESU-8 pairs), and for samples that end before the text.
final class SiftedCharactersTests: XCTestCase {
    func testTheListGivesEveryDecoderTheUnitsOfTheText() throws {
        let (decoders, scoring) = try ReadingSieveTests.decoders()
        let bounds = decoders.map { ReadingBound(table: $0.table) }
        let sieve = try XCTUnwrap(ReadingSieve(decoders))
        var found = 0, cp949Units = 0
        for (n, record) in (ReadingBoundTests.records() + Self.strings(decoders)).enumerated() {
            record.withUnsafeBufferPointer { p in
                for end in [p.count, p.count / 2] {
                    var boundary = end
                    while boundary > 0 && boundary < p.count && p[boundary] & 0xC0 == 0x80 { boundary -= 1 }
                    let sifted = sieve.sift(p, range: 0..<boundary)
                    for (k, decoder) in decoders.enumerated() {
                        let expected = decoder.units(in: p, range: 0..<boundary)
                        let listed = decoder.units(sifted.characters, decoder: k, p)
                        XCTAssertTrue(expected.count == listed.count && zip(expected, listed).allSatisfy(ReadingSieveTests.same),
                                      "text \(n), \(decoder.misreading): \(listed.count) units from the list, \(expected.count) decoded")
                        found += expected.count
                        guard decoder.misreading.actual == .windows949 else { continue }
                        cp949Units += expected.count
                        let a = bounds[k].bounds(ofCP949: decoder, scoring: scoring, p, range: 0..<boundary)
                        let b = bounds[k].bounds(ofCP949: decoder, scoring: scoring, p, range: 0..<boundary, sifted: sifted, column: k)
                        XCTAssertTrue(a.rough == b.rough && a.total == b.total, "text \(n), \(decoder.misreading): bounds \(a) and \(b)")
                    }
                }
            }
        }
        // The texts do give units, CP949 ones too (the test can fail).
        XCTAssertGreaterThan(found, 100_000)
        XCTAssertGreaterThan(cp949Units, 10_000)
    }

    /// A UTF-8 decoder walks only from its places (`SiftedCharacters.places`): every unit it finds
    /// decoding the text starts at one of them, and the places come in the order of the text, each
    /// at a listed character followed by the next one in the text.
    func testEveryUnitStartsAtAPlaceOfItsDecoder() throws {
        let (decoders, _) = try ReadingSieveTests.decoders()
        let sieve = try XCTUnwrap(ReadingSieve(decoders))
        var units = 0, places = 0, partial = 0
        for (n, record) in (ReadingBoundTests.records() + Self.strings(decoders)).enumerated() {
            record.withUnsafeBufferPointer { p in
                let characters = sieve.sift(p, range: 0..<p.count).characters
                let list = characters.list
                for (a, b) in zip(characters.places, characters.places.dropFirst()) {
                    XCTAssertLessThan(a.index, b.index, "text \(n): places out of order")
                }
                for place in characters.places {
                    let i = Int(place.index)
                    XCTAssertTrue(i + 1 < list.count && list[i + 1].start == list[i].start + Int32(list[i].length) && list[i].scalar >= 0x80,
                                  "text \(n): place \(i) not a listed lead with the next character listed")
                    places += 1
                }
                for (k, decoder) in decoders.enumerated() where decoder.misreading.actual == .utf8 {
                    let bit: UInt64 = 1 << UInt64(k)
                    let starts = Set(characters.places.filter { $0.decoders & bit != 0 }.map { Int(list[Int($0.index)].start) })
                    if starts.count < characters.places.count { partial += 1 }
                    for unit in decoder.units(in: p, range: 0..<p.count) {
                        XCTAssertTrue(starts.contains(unit.start), "text \(n), \(decoder.misreading): a unit at \(unit.start), not a place of its decoder")
                        units += 1
                    }
                }
            }
        }
        // Units and places were met, and a place is not every decoder's (the test can fail).
        XCTAssertGreaterThan(units, 50_000)
        XCTAssertGreaterThan(places, 50_000)
        XCTAssertGreaterThan(partial, 1000)
    }

    /// Seeded strings of the characters the decoders react to, in any order: every table's high
    /// characters, spaces, `?`, other ASCII, line ends, U+FFFD, and characters no table has.
    private static func strings(_ decoders: [UnitDecoder]) -> [[UInt8]] {
        var pool = Set<UInt32>()
        for decoder in decoders { pool.formUnion(decoder.table.highScalars) }
        let high = pool.sorted()
        let others: [UInt32] = [0x20, 0x20, 0x3F, 0x3F, 0x61, 0x0A, 0xFFFD, 0xD55C, 0x1F600, 0x4E2D]
        var rng = SeededGenerator(seed: 20261205)
        return (0..<3000).map { _ in
            let count = Int.random(in: 1...40, using: &rng)
            let scalars = (0..<count).map { _ in
                Int.random(in: 0..<3, using: &rng) == 0 ? others.randomElement(using: &rng)! : high.randomElement(using: &rng)!
            }
            return Array(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))).utf8)
        }
    }
}
