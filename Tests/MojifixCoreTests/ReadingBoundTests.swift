import MojifixTestSupport
import Foundation
import XCTest
@testable import MojifixCore

/// `ReadingBound` lets the mojibake pass skip readings that could never be chosen. Both sides of
/// that proof on seeded generated records, garbled through every registered chain (whole, one
/// line of several, twice, with lost bytes, decomposed) and clean: no reading's total exceeds its bound,
/// and repair with readings skipped gives exactly what scoring every reading gives.
final class ReadingBoundTests: XCTestCase {
    static let recordsPerChain = 8

    /// Records of every kind the pass meets, from texts in every language of the generator
    /// (also the records of the other shortcuts' tests, `ReadingSieveTests`).
    static func records() -> [[UInt8]] {
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261204))
        var rng = SeededGenerator(seed: 1204)
        let garbler = Garbler()
        var records: [[UInt8]] = []
        for entry in Misreading.registry {
            let misreading = entry.misreading
            for i in 0..<Self.recordsPerChain {
                let korean = entry.texts == .korean
                let language = korean ? "ko" : TextGenerator.languages[i % TextGenerator.languages.count]
                let lines = (0..<(1 + i % 4)).map { _ in
                    Array(generator.text(words: 1 + Int.random(in: 0..<(i % 3 == 0 ? 6 : 40), using: &rng),
                                         language: language, emoji: !korean).utf8)
                }
                let whole = lines.flatMap { $0 }
                records.append(whole)
                guard let garbled = garbler.garble(whole, misreading) else { continue }
                records.append(garbled)
                // One line garbled among clean ones.
                if lines.count > 1, let one = garbler.garble(lines[0], misreading) {
                    records.append(one + lines.dropFirst().flatMap { $0 })
                }
                // Garbled again through another chain of UTF-8.
                let second = Misreading.registry[(i * 7 + 3) % Misreading.registry.count].misreading
                if second.actual == .utf8, let twice = garbler.garble(garbled, second) { records.append(twice) }
                // Lost bytes: a C1 control shown as U+FFFD, an NBSP turned into a space.
                let lossy = Self.replacing(garbled, [0xC2, 0x81], with: [0xEF, 0xBF, 0xBD])
                records.append(Self.replacing(lossy, [0xC2, 0xA0], with: [0x20]))
                // Lost bytes a converter wrote as `?` (`â€?`).
                let questioned = Self.replacing(Self.replacing(garbled, [0xC2, 0x9D], with: [0x3F]), [0xC2, 0x81], with: [0x3F])
                if questioned != garbled { records.append(questioned) }
                // Decomposed (NFD) text garbled (diacritics and conjoining jamo of their own),
                // alone and before a line garbled through another chain.
                let decomposed = Array(String(decoding: whole, as: Unicode.UTF8.self).decomposedStringWithCanonicalMapping.utf8)
                if decomposed != whole, let nfd = garbler.garble(decomposed, misreading) {
                    records.append(nfd)
                    if let other = garbler.garble(lines[0], second) { records.append(nfd + [0x0A] + other) }
                }
            }
        }
        return records
    }

    /// Short records (one to four words, garbled through every chain), which a CP949 reading reads
    /// as a syllable here and there, never two side by side; and Korean garbled through a CP949
    /// chain before a line of Western text garbled through UTF-8 (both readings repair a line).
    static func shortRecords() -> [[UInt8]] {
        var generator = TextGenerator(rng: SeededGenerator(seed: 20261205))
        var rng = SeededGenerator(seed: 1205)
        let western = Misreading.registry[1].misreading
        return Misreading.registry.flatMap { entry in
            (0..<2 * recordsPerChain).compactMap { i -> [UInt8]? in
                let words = 1 + Int.random(in: 0..<4, using: &rng)
                let language = TextGenerator.languages[i % TextGenerator.languages.count]
                guard entry.texts == .korean else {
                    return Garbler().garble(Array(generator.text(words: words, language: language, emoji: true).utf8), entry.misreading)
                }
                let korean = Garbler().garble(Array(generator.text(words: words * i, language: "ko", emoji: false).utf8), entry.misreading)
                let other = Garbler().garble(Array(("\n" + generator.text(words: words, language: language, emoji: false)).utf8), western)
                return i % 2 == 0 ? korean : korean.flatMap { k in other.map { k + $0 } }
            }
        }
    }

    private static func replacing(_ bytes: [UInt8], _ old: [UInt8], with new: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + old.count <= bytes.count && Array(bytes[i..<i + old.count]) == old { out += new; i += old.count } else { out.append(bytes[i]); i += 1 }
        }
        return out
    }

    func testNoReadingExceedsItsBound() throws {
        let cp949 = try CP949Table()
        var tables: [Charset: SingleByteTable] = [:]
        for charset in Charset.misreadings { tables[charset] = try SingleByteTable(charset) }
        let scoring = UnitScoring(cp949: cp949, alphabet: SuspicionAlphabet(tables: Charset.misreadings.map { tables[$0]! }))
        let pass = MojibakePass(decoders: [], scoring: scoring)
        let readings = Misreading.registry.map { entry in
            (UnitDecoder(misreading: entry.misreading, table: tables[entry.misreading.shownAs]!, cp949: cp949),
             ReadingBound(table: tables[entry.misreading.shownAs]!))
        }
        var checked = 0, cp949Checked = 0, cp949Touching = 0
        for (n, record) in Self.records().enumerated() {
            record.withUnsafeBufferPointer { p in
                for (decoder, bound) in readings {
                    var units = decoder.units(in: p, range: 0..<p.count)
                    guard !units.isEmpty else { continue }
                    let most = bound.total(units, actual: decoder.misreading.actual, scoring: scoring, p)
                    scoring.score(&units, decoder: decoder, in: p)
                    let total = pass.group(units, p).reduce(Float(0)) { $0 + max(0, $1.evidence) }
                    XCTAssertLessThanOrEqual(total, most, "record \(n), \(decoder.misreading)")
                    XCTAssertLessThanOrEqual(most, ReadingBound.rough(units), "record \(n), \(decoder.misreading): rough")
                    if decoder.misreading.actual == .windows949 {
                        // Bounded without keeping the units: exactly the same sums.
                        let both = bound.bounds(ofCP949: decoder, scoring: scoring, p, range: 0..<p.count)
                        XCTAssertEqual(both.rough, ReadingBound.rough(units), "record \(n), \(decoder.misreading)")
                        XCTAssertEqual(both.total, most, "record \(n), \(decoder.misreading)")
                        XCTAssertEqual(both.touching, zip(units, units.dropFirst()).contains { $0.end == $1.start },
                                       "record \(n), \(decoder.misreading): units side by side")
                        if both.touching { cp949Touching += 1 }
                        cp949Checked += 1
                    }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, Misreading.registry.count * Self.recordsPerChain * 4)
        XCTAssertGreaterThan(cp949Checked, Self.recordsPerChain * 4)
        // Both answers of `touching` are met.
        XCTAssertGreaterThan(cp949Touching, 10)
        XCTAssertLessThan(cp949Touching, cp949Checked - 10)
    }

    static func encoded(_ plan: RepairPlan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(plan)
    }

    func testSkippingReadingsChangesNoRepair() throws {
        try Self.assertSameRepairs { $0.prunesReadings = false }
    }

    func testBoundingCP949ReadingsFirstChangesNoRepair() throws {
        try Self.assertSameRepairs { $0.mojibakePass.boundsCP949First = false }
    }

    func testLeavingOutCP949ReadingsWithoutAWordChangesNoRepair() throws {
        try Self.assertSameRepairs { $0.mojibakePass.skipsCP949WithoutWord = false }
        try Self.assertSameRepairs(Self.shortRecords()) { $0.mojibakePass.skipsCP949WithoutWord = false }
        // The records do have such readings left out.
        let repairer = try Repairer()
        for record in Self.records() + Self.shortRecords() { _ = try? repairer.repair(record) }
        XCTAssertGreaterThan(repairer.mojibakePass.cp949WithoutWord, 20)
    }

    func testTakingTheWholeTextReadingChangesNoRepair() throws {
        try Self.assertSameRepairs { $0.mojibakePass.takesWholeTextReading = false }
        try Self.assertSameRepairs(Self.shortRecords()) { $0.mojibakePass.takesWholeTextReading = false }
        // The records do have texts one reading explains whole.
        let repairer = try Repairer()
        for record in Self.records() + Self.shortRecords() { _ = try? repairer.repair(record) }
        XCTAssertGreaterThan(repairer.mojibakePass.wholeTextReadings, 50)
    }

    /// Korean labels whose CP949 codes are also two-byte UTF-8 sequences (review12): the UTF-8
    /// reading explains them whole (`ġŲ ŰƮ`), yet the CP949 reading is still weighed and wins.
    /// Garbled forms: Python's `encode('cp949').decode(...)`; and text garbled two ways, explained
    /// whole by a third charset only wrongly, is weighed against every reading.
    func testWholeTextReadingLeavesRoomForOthers() throws {
        let repairer = try Repairer()
        let labels = [("\u{C4}\u{A1}\u{C5}\u{B2} \u{C5}\u{B0}\u{C6}\u{AE}", "치킨 키트"),
                      ("\u{C3}\u{BC}\u{C5}\u{A9} \u{C6}\u{AF}\u{C2}\u{A1}", "체크 특징"),
                      ("Item: \u{C4}\u{B8}\u{C3}\u{B3} \u{C6}\u{AF}\u{C2}\u{A1} (x2)", "Item: 캡처 특징 (x2)"),
                      ("\u{192}\u{B0}\u{2248}\u{2264} \u{2248}\u{221E}\u{2206}\u{C6}", "치킨 키트")]
        for (garbled, korean) in labels {
            let result = try repairer.repair(Array(garbled.utf8))
            XCTAssertEqual(String(decoding: result.output, as: Unicode.UTF8.self), korean)
        }
        // Finnish through Windows-1257 beside Romanian through ISO-8859-2: Windows-1250 has every
        // character of both and reads `ö` as `ƶ`.
        let twoWays = "mahdollisuus yhteisty\u{106}\u{B6}ss\u{106}\u{A4} kouluun liittyvi\u{106}\u{A4} menev\u{106}\u{A4}t\n\nS\u{102}\u{2D8}rb\u{C4}\u{83}"
        let output = String(decoding: try repairer.repair(Array(twoWays.utf8)).output, as: Unicode.UTF8.self)
        XCTAssertFalse(output.unicodeScalars.contains { $0.value == 0x1B6 || $0.value == 0x1A4 }, output)
    }

    func testKeepingReadingsBetweenRoundsChangesNoRepair() throws {
        try Self.assertSameRepairs { $0.mojibakePass.keepsLastText = false }
        // The records do make a round read the text the round before ended with.
        let repairer = try Repairer()
        for record in Self.records() { _ = try? repairer.repair(record) }
        XCTAssertGreaterThan(repairer.mojibakePass.textsReadAgain, 20)
    }

    /// Every record repairs exactly alike (output, plan, error), lossy off and on, with a
    /// shortcut on and with it turned off by `off` (`records()` unless others are given).
    static func assertSameRepairs(_ given: [[UInt8]]? = nil, file: StaticString = #filePath, line: UInt = #line,
                                  off: (Repairer) -> Void) throws {
        for lossy in [false, true] {
            let shortcut = try Repairer(options: RepairOptions(lossy: lossy))
            let full = try Repairer(options: RepairOptions(lossy: lossy))
            off(full)
            var changed = 0
            for (n, record) in (given ?? records()).enumerated() {
                let a = Result { try shortcut.repair(record) }, b = Result { try full.repair(record) }
                switch (a, b) {
                case (.success(let x), .success(let y)):
                    XCTAssertEqual(x.output, y.output, "record \(n), lossy \(lossy)", file: file, line: line)
                    // Compared as encoded (a plan's description shows how its changes are stored).
                    XCTAssertEqual(try encoded(x.plan), try encoded(y.plan), "record \(n), lossy \(lossy): plan", file: file, line: line)
                    if x.changed { changed += 1 }
                case (.failure(let x), .failure(let y)):
                    XCTAssertEqual("\(x)", "\(y)", "record \(n), lossy \(lossy)", file: file, line: line)
                default:
                    XCTFail("record \(n), lossy \(lossy): \(a) vs \(b)", file: file, line: line)
                }
            }
            // Most garbled records are repaired: the comparison is not of unchanged texts.
            XCTAssertGreaterThan(changed, Misreading.registry.count * recordsPerChain, file: file, line: line)
        }
    }
}
