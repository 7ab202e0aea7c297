import MojifixTestSupport
import XCTest
@testable import MojifixCore

/// `LineJudgements` lets `choose` judge only the lines where a contender reads differently from
/// the leader, and `acceptance` the leader's other lines only when it needs them.
final class LineJudgementsTests: XCTestCase {
    private static func judgement(_ gain: Double) -> ReadingPlausibility.Judgement {
        ReadingPlausibility.Judgement(deltas: [], lineGain: gain, knownLetters: 0, unknownLetters: 0)
    }

    func testEachLineIsJudgedOnceAndSharedLinesTakeTheOthersJudgement() {
        let leader = LineJudgements(groups: 2), contender = LineJudgements(groups: 3)
        contender.share(1, with: leader, 0)
        var calls = 0
        XCTAssertEqual(contender.judgement(1) { calls += 1; return Self.judgement(1.5) }?.lineGain, 1.5)
        // The leader's line is judged now, and neither asks again.
        XCTAssertEqual(leader.judgement(0) { calls += 1; return nil }?.lineGain, 1.5)
        XCTAssertEqual(contender.judgement(1) { calls += 1; return nil }?.lineGain, 1.5)
        XCTAssertEqual(calls, 1)
        // No language fits: nil is a judgement too, kept as such.
        XCTAssertNil(leader.judgement(1) { calls += 1; return nil })
        XCTAssertNil(leader.judgement(1) { calls += 1; return Self.judgement(9) })
        XCTAssertEqual(calls, 2)
    }

    /// Relative gains decide as the full sums do: with every comparison settled by the sums in
    /// order (which judges every line of both readings), the same repairs.
    func testRelativeGainsDecideAsTheFullSums() throws {
        try ReadingBoundTests.assertSameRepairs { $0.mojibakePass.settlesBySums = true }
    }

    /// The gain alone, which choosing a reading needs, is exactly the judgement's (nil alike: no
    /// language fits) on every line of every reading of the seeded records.
    func testAGainAloneIsTheJudgementsGain() throws {
        let pass = try Repairer().mojibakePass
        let decoders = pass.decoders, scoring = pass.scoring
        XCTAssertGreaterThan(decoders.count, 10)
        var gains = 0
        for record in ReadingBoundTests.records() {
            record.withUnsafeBufferPointer { p in
                var costs: [Int: Double] = [:], fresh: [Int: Double] = [:]
                for decoder in decoders {
                    var units = decoder.units(in: p, range: 0..<p.count)
                    scoring.score(&units, decoder: decoder, in: p)
                    for group in pass.group(units, p) {
                        let candidates = units[group.range].filter(MojibakePass.isCandidate)
                        guard !candidates.isEmpty else { continue }
                        let line = pass.lineRange(candidates, p)
                        let gain = pass.plausibility.lineGain(candidates[...], line: line, p, writtenCosts: &costs)
                        XCTAssertEqual(gain, pass.plausibility.judge(candidates[...], line: line, p, writtenCosts: &fresh)?.lineGain)
                        if gain != nil { gains += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(gains, 1000)
    }

    func testRelativeGainsOnlyWhereRoundingStaysFarBelowATenth() {
        XCTAssertTrue(MojibakePass.judgesRelatively(textBytes: 1 << 18, lines: 1 << 16))
        XCTAssertFalse(MojibakePass.judgesRelatively(textBytes: 1 << 30, lines: 1 << 22))
    }

    /// Seeded records of every chain repair exactly alike with every line judged while choosing,
    /// and fewer lines are judged lazily.
    func testJudgingLazilyChangesNoRepair() throws {
        try ReadingBoundTests.assertSameRepairs { $0.mojibakePass.judgesLazily = false }
        let lazy = try Repairer(), eager = try Repairer()
        eager.mojibakePass.judgesLazily = false
        for record in ReadingBoundTests.records() {
            _ = try? lazy.repair(record)
            _ = try? eager.repair(record)
        }
        XCTAssertLessThan(lazy.mojibakePass.linesJudged, eager.mojibakePass.linesJudged)
        XCTAssertGreaterThan(lazy.mojibakePass.linesJudged, 0)
    }
}
