import XCTest
@testable import MojifixCore

/// A unit that takes its scores from another reading of the same text (`ScoresOfOtherReadings`)
/// gets exactly what scoring it would give: every UTF-8 reading of the seeded records of
/// `ReadingBoundTests` (every chain, lost bytes, NFD), scored alone and with the readings before
/// it, and repairs with and without sharing.
final class ScoresOfOtherReadingsTests: XCTestCase {
    func testASharedScoreIsTheScore() throws {
        let (decoders, scoring) = try ReadingSieveTests.decoders()
        let utf8 = decoders.filter { $0.misreading.actual == .utf8 }
        var units = 0, shareable = 0
        for (n, record) in ReadingBoundTests.records().enumerated() {
            record.withUnsafeBufferPointer { p in
                var known: [[DecodedUnit]] = []
                for decoder in utf8 {
                    let decoded = decoder.units(in: p, range: 0..<p.count)
                    guard !decoded.isEmpty else { continue }
                    var alone = decoded, shared = decoded
                    scoring.score(&alone, decoder: decoder, in: p)
                    scoring.score(&shared, decoder: decoder, in: p, known: known)
                    XCTAssertTrue(zip(alone, shared).allSatisfy(ReadingSieveTests.same), "record \(n), \(decoder.misreading)")
                    units += decoded.count
                    shareable += decoded.filter { u in known.contains { $0.contains { $0.start == u.start && $0.end == u.end && $0.scalar == u.scalar } } }.count
                    known.append(alone)
                }
            }
        }
        // Many units are found again by another reading (the test can fail).
        XCTAssertGreaterThan(shareable, units / 4)
        XCTAssertGreaterThan(units, 100_000)
    }

    func testSharingScoresChangesNoRepair() throws {
        try ReadingBoundTests.assertSameRepairs { $0.mojibakePass.sharesScores = false }
    }
}
